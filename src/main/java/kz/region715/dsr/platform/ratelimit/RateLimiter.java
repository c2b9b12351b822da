package kz.region715.dsr.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Ticker;
import io.agroal.api.AgroalDataSource;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kz.region715.dsr.platform.crypto.Secrets;
import kz.region715.dsr.platform.domain.DomainRuleViolation;
import kz.region715.dsr.platform.jobs.JobRounds;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Token buckets (Bucket4j) per client address and per e-mail address. On PostgreSQL they are kept in the database
 * and shared by every replica; on H2 in memory. In front of them, this replica's {@link LocalPreCheck}: a key known
 * to be over its limit is refused without a database round trip, and one key's takes queue here, not on its row.
 */
@ApplicationScoped
public class RateLimiter {

    private final BucketStore store;
    private final BucketConfiguration perClient;
    private final BucketConfiguration perEmail;
    /** Key prefixes that name the limit: a changed limit starts new buckets instead of meeting the old ones. */
    private final String clientPrefix;
    private final String emailPrefix;
    private final Secrets secrets;
    private final JobRounds rounds;

    RateLimiter(RateLimitConfig config, Secrets secrets, JobRounds rounds,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind, AgroalDataSource dataSource,
            @ConfigProperty(name = "quarkus.datasource.jdbc.acquisition-timeout") Optional<Duration> acquisition) {
        this.perClient = bucket(config.perClient());
        this.perEmail = bucket(config.perEmail());
        this.clientPrefix = prefix("client", config.perClient());
        this.emailPrefix = prefix("email", config.perEmail());
        this.secrets = secrets;
        this.rounds = rounds;
        Duration longest = config.perClient().window().compareTo(config.perEmail().window()) > 0
                ? config.perClient().window() : config.perEmail().window();
        BucketStore buckets = "postgresql".equals(dbKind) ? new DatabaseBucketStore(dataSource, longest)
                : new MemoryBucketStore(config.maxTrackedKeys(), longest);
        // a call waits for its key's turn no longer than it would wait for a connection
        this.store = new LocalPreCheck(buckets, config.maxTrackedKeys(), acquisition.orElse(Duration.ofSeconds(5)),
                Ticker.systemTicker());
    }

    /**
     * Counts one call from a client address; throws TOO_MANY (429 with Retry-After) when over the limit. Never
     * inside a transaction: the bucket takes a connection of its own, and whoever holds one while waiting for
     * another can exhaust the pool (issue #24).
     */
    @Transactional(Transactional.TxType.NEVER)
    public void checkClient(String clientAddress) {
        consume(clientPrefix + clientAddress, perClient);
    }

    /** Counts one filing for a normalised e-mail address (kept only as a keyed hash); as {@link #checkClient}. */
    @Transactional(Transactional.TxType.NEVER)
    public void checkEmail(String normalisedEmail) {
        consume(emailPrefix + secrets.keyedHash("rate-limit", normalisedEmail), perEmail);
    }

    /** Forgets full buckets nobody has used for a window (the database's rows; memory evicts by itself). */
    @Scheduled(every = "10m", delay = 1, delayUnit = TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeExpired() {
        rounds.run("Rate-limit cleanup", store::removeExpired);
    }

    private void consume(String key, BucketConfiguration configuration) {
        ConsumptionProbe probe = store.tryConsume(key, configuration);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            throw new DomainRuleViolation(DomainRuleViolation.Kind.TOO_MANY, "rate-limited", "Too many requests",
                    "Too many requests; try again in " + seconds + " seconds.", List.of(),
                    Map.of("retryAfterSeconds", seconds));
        }
    }

    private static String prefix(String name, RateLimitConfig.Limit limit) {
        return name + ":" + limit.requests() + "/" + limit.window().toSeconds() + "s:";
    }

    private static BucketConfiguration bucket(RateLimitConfig.Limit limit) {
        return BucketConfiguration.builder().addLimit(Bandwidth.builder().capacity(limit.requests())
                .refillIntervally(limit.requests(), limit.window()).build()).build();
    }
}
