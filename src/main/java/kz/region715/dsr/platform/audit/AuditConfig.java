package kz.region715.dsr.platform.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.Optional;

/** The audit log's sequencer: how often it runs, how much it takes at once, and the key of its tree heads. */
@ConfigMapping(prefix = "dsr.audit")
public interface AuditConfig {

    /**
     * How often the sequencer looks for pending events (scheduler syntax, e.g. 1s; {@code off} leaves sequencing to
     * explicit calls, as the test profile does). An event is in the chain within about this long of its commit.
     */
    @WithDefault("1s")
    String sequenceInterval();

    /** Events sequenced per transaction, each batch ending with a signed tree head. */
    @WithDefault("5000")
    @Positive
    int sequenceBatch();

    /**
     * The Ed25519 private key that signs tree heads: 32 bytes (the seed), base64. Unset, it is derived from the
     * service's secret (DSR_SECRET), so every replica signs with the same key; set it to rotate it on its own.
     */
    Optional<String> signingKey();

    /** Readiness says the audit log is degraded (it stays UP) when the oldest pending event has waited this long. */
    @WithDefault("PT1M")
    Duration lagDegradedAfter();
}
