package kz.region715.dsr.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import kz.region715.dsr.platform.crypto.Secrets;
import kz.region715.dsr.platform.problem.ProblemException;

/** Token buckets (Bucket4j) per client address and per e-mail address. */
@ApplicationScoped
public class RateLimiter {

    private final Limiter perClient;
    private final Limiter perEmail;
    private final Secrets secrets;

    RateLimiter(RateLimitConfig config, Secrets secrets) {
        this.perClient = new Limiter(config.perClient(), config.maxTrackedKeys());
        this.perEmail = new Limiter(config.perEmail(), config.maxTrackedKeys());
        this.secrets = secrets;
    }

    /** Counts one call from a client address; throws 429 with Retry-After when over the limit. */
    public void checkClient(String clientAddress) {
        perClient.consume(clientAddress);
    }

    /** Counts one filing for a normalised e-mail address (kept only as a keyed hash). */
    public void checkEmail(String normalisedEmail) {
        perEmail.consume(secrets.keyedHash("rate-limit", normalisedEmail));
    }

    private static final class Limiter {
        private final RateLimitConfig.Limit limit;
        private final Cache<String, Bucket> buckets;

        Limiter(RateLimitConfig.Limit limit, int maxKeys) {
            this.limit = limit;
            this.buckets = Caffeine.newBuilder()
                    .maximumSize(maxKeys)
                    .expireAfterAccess(limit.window().toMillis(), TimeUnit.MILLISECONDS)
                    .build();
        }

        void consume(String key) {
            Bucket bucket = buckets.get(key, k -> Bucket.builder()
                    .addLimit(Bandwidth.builder()
                            .capacity(limit.requests())
                            .refillIntervally(limit.requests(), limit.window())
                            .build())
                    .build());
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
                throw ProblemException.rateLimited(seconds);
            }
        }
    }
}
