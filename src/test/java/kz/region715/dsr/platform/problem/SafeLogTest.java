package kz.region715.dsr.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class SafeLogTest {

    @Test
    void aDatabaseErrorKeepsItsSqlStateAndLosesItsMessage() {
        SQLException duplicate = new SQLException(
                "duplicate key value violates unique constraint: (email)=(aigerim@example.kz)", "23505");
        IllegalStateException wrapped = new IllegalStateException("could not store aigerim@example.kz", duplicate);

        String described = SafeLog.describe(wrapped);

        assertThat(described).contains("java.lang.IllegalStateException")
                .contains("Caused by: java.sql.SQLException [SQLState 23505]")
                .doesNotContain("aigerim").doesNotContain("duplicate key");
    }

    @Test
    void anErrorWithoutSqlStateIsNamedByItsClass() {
        assertThat(SafeLog.describe(new SQLException("no state"))).startsWith("java.sql.SQLException\n")
                .doesNotContain("SQLState").doesNotContain("no state");
    }
}
