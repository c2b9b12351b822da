package kz.region715.dsr.request;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

@ConfigMapping(prefix = "dsr.requests")
public interface RequestConfig {

    /**
     * How long the personal data in a closed request is kept as proof of
     * handling before it is reduced to the pseudonymous record (3 years: the
     * general limitation period of the Civil Code of Kazakhstan, Art. 178).
     */
    @WithDefault("P1095D")
    Duration retentionAfterClosure();

    /** Requests reduced per transaction. */
    @WithDefault("200")
    @Positive
    int reductionBatchSize();
}
