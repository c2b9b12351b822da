package kz.region715.dsr.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;

/** Which errors mean "the database is unavailable", checked against what the drivers and the pool really throw. */
class DatabaseOutageTest {

    @Test
    void agroalsAcquisitionTimeoutIsAnOutage() throws Exception {
        SQLException timeout = null;
        String url = "jdbc:h2:mem:outage-test";
        // The database opened (and H2 loaded) beforehand: the pool's own first connection must not be what times out
        // on a loaded machine, only the second one, for which the pool has no room.
        try (Connection warm = DriverManager.getConnection(url);
                AgroalDataSource pool = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                        .connectionPoolConfiguration(config -> config.maxSize(1)
                                .acquisitionTimeout(Duration.ofSeconds(1))
                                .connectionFactoryConfiguration(factory -> factory.jdbcUrl(url))));
                Connection held = pool.getConnection()) {
            assertThat(warm.isValid(1)).isTrue();
            try (Connection second = pool.getConnection()) {
                assertThat(second).as("the pool has one connection only").isNull();
            } catch (SQLException e) {
                timeout = e;
            }
        }
        assertThat((Object) timeout).isNotNull();
        // As Hibernate and the transaction manager hand it on
        assertThat(DatabaseOutage.in(timeout)).isTrue();
        assertThat(DatabaseOutage.in(new GenericJDBCException("Unable to acquire JDBC Connection", timeout))).isTrue();
        assertThat(DatabaseOutage.in(new QuarkusTransactionException(
                new PersistenceException(new GenericJDBCException("acquire", timeout))))).isTrue();
    }

    @Test
    void postgresqlThatCannotBeReachedIsAnOutage() {
        SQLException refused = null;
        try (Connection ignored = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", "dsr", "dsr")) {
            assertThat(ignored).as("nothing listens on port 1").isNull();
        } catch (SQLException e) {
            refused = e;
        }
        assertThat((Object) refused).isNotNull();
        assertThat(refused.getSQLState()).startsWith("08");
        assertThat(DatabaseOutage.in(refused)).isTrue();
    }

    @Test
    void serverShutdownStatesAndConnectionClassesAreOutages() {
        for (String state : List.of("57P01", "57P02", "57P03", "08006", "08003")) {
            assertThat(DatabaseOutage.in(new PersistenceException(new SQLException("x", state)))).as(state).isTrue();
        }
        assertThat(DatabaseOutage.in(new SQLTransientConnectionException("x"))).isTrue();
        assertThat(DatabaseOutage.in(new JDBCConnectionException("x", new SQLException("x")))).isTrue();
        RollbackException rollback = new RollbackException("commit failed");
        rollback.initCause(new SQLException("x", "08006"));
        assertThat(DatabaseOutage.in(new QuarkusTransactionException(rollback))).isTrue();
        IllegalStateException suppressing = new IllegalStateException("rollback failed too");
        suppressing.addSuppressed(new SQLException("x", "57P01"));
        assertThat(DatabaseOutage.in(suppressing)).isTrue();
    }

    @Test
    void faultsOfTheRequestOrTheCodeAreNot() {
        assertThat(DatabaseOutage.in(new PersistenceException(new SQLException("dup", "23505")))).isFalse();
        assertThat(DatabaseOutage.in(new PersistenceException(new SQLException("serialization", "40001")))).isFalse();
        assertThat(DatabaseOutage.in(new SQLException("no state"))).isFalse();
        assertThat(DatabaseOutage.in(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void theMapperAnswers503WithRetryAfterAndNoExceptionText() {
        ProblemMappers mappers = new ProblemMappers(null, null, () -> Duration.ofSeconds(5));
        RestResponse<Problem> response = mappers.unexpected(new QuarkusTransactionException(
                new JDBCConnectionException("Connection to db.internal:5432 refused", new SQLException("x", "08001"))),
                null);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        Problem problem = response.getEntity();
        assertThat(problem.type.toString()).isEqualTo("https://dsr.region715.kz/problems/service-unavailable");
        assertThat(problem.title).isEqualTo("Service unavailable");
        assertThat(problem.detail).contains("try again shortly").doesNotContain("db.internal").doesNotContain("08001");
        assertThat(mappers.unexpected(new IllegalStateException("bug"), null).getStatus()).isEqualTo(500);
    }
}
