package kz.region715.dsr.platform.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Buckets in PostgreSQL (table rate_limit_bucket, Bucket4j's select-for-update proxy manager): every replica takes
 * its tokens from the same row, so the limit holds however many replicas serve a client. Each take is a short
 * transaction of its own on a connection of its own; its callers hold none meanwhile ({@link RateLimiter} refuses
 * to run inside a transaction): a caller that held one while it waited for the bucket's could exhaust the pool.
 */
final class DatabaseBucketStore implements BucketStore {

    private static final int CLEANUP_BATCH = 1000;
    private static final int MAX_CLEANUP_BATCHES = 100;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    DatabaseBucketStore(DataSource dataSource, Duration keepAfterRefill) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(withoutCommitFlush(dataSource))
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(keepAfterRefill))
                .build();
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        return QuarkusTransaction.suspendingExisting().call(
                () -> buckets.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1));
    }

    /**
     * The data source as the buckets use it: each of their transactions commits with {@code synchronous_commit = off}
     * (set for that transaction only, just before its commit), so a take does not wait for the write-ahead log to
     * reach the disk. The bucket's row lock is held until the commit; without the flush that is two round trips
     * instead of two round trips and a disk write, which is what a burst from one client queues on. A crash of the
     * database can lose the last fraction of a second of takes: a client gets a few calls more, never fewer.
     */
    static DataSource withoutCommitFlush(DataSource dataSource) {
        return (DataSource) Proxy.newProxyInstance(DatabaseBucketStore.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(dataSource, method, args);
                    return result instanceof Connection connection ? withoutCommitFlush(connection) : result;
                });
    }

    private static Connection withoutCommitFlush(Connection connection) {
        return (Connection) Proxy.newProxyInstance(DatabaseBucketStore.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("commit") && !connection.getAutoCommit()) {
                        try (Statement statement = connection.createStatement()) {
                            statement.execute("set local synchronous_commit = off");
                        }
                    }
                    return invoke(connection, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Removes expired buckets a batch at a time, at most {@code MAX_CLEANUP_BATCHES} batches a round. */
    @Override
    public int removeExpired() {
        return QuarkusTransaction.suspendingExisting().call(() -> {
            int removed = 0;
            for (int batch = 0; batch < MAX_CLEANUP_BATCHES; batch++) {
                int now = buckets.removeExpired(CLEANUP_BATCH);
                removed += now;
                if (now < CLEANUP_BATCH) {
                    break;
                }
            }
            return removed;
        });
    }
}
