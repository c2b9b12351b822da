package kz.region715.dsr.platform.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Where the token buckets live: the database (shared by every replica) or the process's memory. */
interface BucketStore {

    /** Takes one token from the bucket of {@code key}, created with {@code configuration} when it has none. */
    ConsumptionProbe tryConsume(String key, BucketConfiguration configuration);

    /** Forgets buckets that have refilled and waited long enough; how many. */
    int removeExpired();
}
