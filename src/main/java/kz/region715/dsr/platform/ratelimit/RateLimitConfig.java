package kz.region715.dsr.platform.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

/**
 * Limits on the public endpoints. Buckets live in each replica's memory, so
 * with N replicas behind a load balancer a client can get up to N times the
 * limit; the limits are abuse brakes, not quotas.
 */
@ConfigMapping(prefix = "dsr.rate-limit")
public interface RateLimitConfig {

    /** Requests to public endpoints from one client address. */
    Limit perClient();

    /** Filings naming one e-mail address (counted on the normalised address). */
    Limit perEmail();

    /** How many distinct keys each limiter remembers before evicting the least recently used. */
    @WithDefault("100000")
    @Positive
    int maxTrackedKeys();

    interface Limit {
        @Positive
        int requests();

        Duration window();
    }
}
