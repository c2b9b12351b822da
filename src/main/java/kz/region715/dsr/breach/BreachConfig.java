package kz.region715.dsr.breach;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

@ConfigMapping(prefix = "dsr.breach")
public interface BreachConfig {

    /**
     * How long before the authority notice's due instant the DPO is alerted that it is due soon. The term ends at
     * 23:59:59 of its last working day, so the default 16 hours alerts from 08:00 that day (operator's zone).
     */
    @WithDefault("PT16H")
    Duration dueSoonBefore();

    /** How often the breach watch runs (scheduler syntax). */
    @WithDefault("5m")
    String watchInterval();

    /**
     * How many people one round of a breach's subject notices queues (one transaction: their claims, outbox rows and
     * audit events). A set that fits in one round is notified in the officer's call itself.
     */
    @WithDefault("500")
    @Positive
    int noticeRoundSize();

    /** How often the notice worker looks for breaches whose subject notices are still being queued (scheduler syntax). */
    @WithDefault("5s")
    String noticeInterval();
}
