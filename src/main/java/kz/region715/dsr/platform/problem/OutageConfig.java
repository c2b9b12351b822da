package kz.region715.dsr.platform.problem;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** What clients are told while the database is unavailable. */
@ConfigMapping(prefix = "dsr.outage")
public interface OutageConfig {

    /** The Retry-After of a 503 answer: about how long a database restart or fail-over takes. */
    @WithDefault("PT5S")
    Duration retryAfter();
}
