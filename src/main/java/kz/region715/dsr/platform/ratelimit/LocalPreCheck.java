package kz.region715.dsr.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * This replica's pre-check in front of the shared buckets, so that a hot client address neither waits on its
 * bucket's row lock with a pooled connection per call nor reaches the database once it is over its limit.
 * <ul>
 * <li><b>Refused until.</b> When the shared bucket refuses a key, it says how long until its next refill; until
 * then every call for that key is refused here, with the time that remains as Retry-After. The buckets refill at
 * the end of their window, all at once ({@code refillIntervally}), so nothing can add a token before that moment
 * on any replica: the shared bucket would refuse these calls too, and a refused call takes no token. The local
 * deadline starts when the answer arrives, after the bucket computed it, so it ends a round trip later than the
 * refill: the limit across replicas stays exact or a few milliseconds stricter, never looser.</li>
 * <li><b>One take per key at a time.</b> Calls for the same key take their tokens one after the other in this
 * process, waiting here without a connection instead of in {@code SELECT ... FOR UPDATE} with one: a burst from
 * one address uses one pooled connection for its bucket, not all of them. A call that waits longer than
 * {@code maxWait} (the database is slow or away) goes to the shared bucket unqueued, which answers or fails as
 * before.</li>
 * </ul>
 * Time is the process's monotonic clock (as the buckets use the system's time), not the service's {@code Clock}
 * that tests move.
 */
final class LocalPreCheck implements BucketStore {

    private final BucketStore shared;
    private final Ticker ticker;
    private final Duration maxWait;
    /** Per key, the ticker's reading until which the shared bucket is known to be empty. */
    private final Cache<String, Long> refusedUntil;
    /** The keys being taken now, each with its callers' turn; a key leaves when its last caller does. */
    private final ConcurrentHashMap<String, Turn> turns = new ConcurrentHashMap<>();

    LocalPreCheck(BucketStore shared, int maxKeys, Duration maxWait, Ticker ticker) {
        this.shared = shared;
        this.ticker = ticker;
        this.maxWait = maxWait;
        this.refusedUntil = Caffeine.newBuilder().maximumSize(maxKeys).ticker(ticker)
                .expireAfter(new UntilDeadline()).build();
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        ConsumptionProbe known = knownRefusal(key);
        if (known != null) {
            return known;
        }
        Turn turn = turns.compute(key, (k, existing) -> (existing == null ? new Turn() : existing).join());
        boolean inTurn = acquire(turn.lock);
        try {
            known = knownRefusal(key); // the take just before this one may have found the bucket empty
            if (known != null) {
                return known;
            }
            ConsumptionProbe probe = shared.tryConsume(key, configuration);
            if (!probe.isConsumed()) {
                refusedUntil.put(key, ticker.read() + probe.getNanosToWaitForRefill());
            }
            return probe;
        } finally {
            if (inTurn) {
                turn.lock.unlock();
            }
            turns.computeIfPresent(key, (k, existing) -> existing.leave());
        }
    }

    @Override
    public int removeExpired() {
        refusedUntil.cleanUp();
        return shared.removeExpired();
    }

    private ConsumptionProbe knownRefusal(String key) {
        Long until = refusedUntil.getIfPresent(key);
        long left = until == null ? 0 : until - ticker.read();
        return left > 0 ? ConsumptionProbe.rejected(0, left, left) : null;
    }

    private boolean acquire(ReentrantLock take) {
        try {
            return take.tryLock(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One key's callers, taking their tokens in turn; counted (only inside the map's compute) to be removed. */
    private static final class Turn {
        final ReentrantLock lock = new ReentrantLock();
        int callers;

        Turn join() {
            callers++;
            return this;
        }

        Turn leave() {
            return --callers == 0 ? null : this;
        }
    }

    /** An entry lives until its deadline. */
    private static final class UntilDeadline implements Expiry<String, Long> {
        @Override
        public long expireAfterCreate(String key, Long until, long currentTime) {
            return Math.max(0, until - currentTime);
        }

        @Override
        public long expireAfterUpdate(String key, Long until, long currentTime, long currentDuration) {
            return Math.max(0, until - currentTime);
        }

        @Override
        public long expireAfterRead(String key, Long until, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
