package kz.region715.dsr.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/** Buckets in this process's memory (H2: development and the quick test pass), the least recently used evicted. */
final class MemoryBucketStore implements BucketStore {

    private final Cache<String, Bucket> buckets;

    MemoryBucketStore(int maxKeys, Duration keepIdle) {
        this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(keepIdle).build();
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        return buckets.get(key, k -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build())
                .tryConsumeAndReturnRemaining(1);
    }

    @Override
    public int removeExpired() {
        buckets.cleanUp();
        return 0;
    }
}
