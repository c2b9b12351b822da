package kz.region715.dsr.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** PostgreSQL only: buckets shared through the database, and their cleanup once refilled and idle. */
@QuarkusTest
class DatabaseBucketStoreTest {

    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Test
    void twoStoresShareABucketAndAnIdleFullOneIsRemoved() throws Exception {
        Assumptions.assumeTrue("postgresql".equals(dbKind), "the database store is PostgreSQL's");
        BucketConfiguration twoPerSecond = BucketConfiguration.builder().addLimit(Bandwidth.builder().capacity(2)
                .refillIntervally(2, Duration.ofMillis(300)).build()).build();
        DatabaseBucketStore one = new DatabaseBucketStore(dataSource, Duration.ZERO);
        DatabaseBucketStore other = new DatabaseBucketStore(dataSource, Duration.ZERO);
        String key = "test:" + UUID.randomUUID();

        assertThat(one.tryConsume(key, twoPerSecond).isConsumed()).isTrue();
        assertThat(other.tryConsume(key, twoPerSecond).isConsumed()).isTrue();
        assertThat(one.tryConsume(key, twoPerSecond).isConsumed()).as("the third call of two replicas").isFalse();
        assertThat(rows(key)).isEqualTo(1);

        Thread.sleep(700); // refilled, and kept no longer than that
        assertThat(other.removeExpired()).isPositive();
        assertThat(rows(key)).isZero();
    }

    private long rows(String key) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from rate_limit_bucket where id = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
