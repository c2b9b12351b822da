package kz.region715.dsr.platform.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "dsr.idempotency")
public interface IdempotencyConfig {

    /** How long a key is remembered. */
    @WithDefault("P1D")
    Duration retention();
}
