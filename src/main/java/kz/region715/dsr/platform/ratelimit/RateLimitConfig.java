package kz.region715.dsr.platform.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

/**
 * Limits on the public endpoints. On PostgreSQL the buckets live in the database (table rate_limit_bucket), so
 * every replica counts against the same limit; on H2 (development and the quick test pass) in the process's
 * memory.
 */
@ConfigMapping(prefix = "dsr.rate-limit")
public interface RateLimitConfig {

    /** Requests to public endpoints from one client address. */
    Limit perClient();

    /** Filings naming one e-mail address (counted on the normalised address). */
    Limit perEmail();

    /**
     * How many distinct keys are remembered in memory before the least recently used is evicted: the buckets
     * themselves on H2, and on every database the pre-check's keys known to be over their limit.
     */
    @WithDefault("100000")
    @Positive
    int maxTrackedKeys();

    interface Limit {
        @Positive
        int requests();

        Duration window();
    }
}
