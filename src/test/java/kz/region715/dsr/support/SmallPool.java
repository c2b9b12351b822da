package kz.region715.dsr.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A small pool with a short acquisition timeout: a test that holds all its connections ({@link #hold}) plays a
 * database that cannot be had, as when PostgreSQL is down, and gives it back by closing them. Three connections
 * and two seconds leave Flyway room at start (it cleans and migrates with more than one).
 */
public class SmallPool implements QuarkusTestProfile {

    public static final int SIZE = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.max-size", Integer.toString(SIZE),
                "quarkus.datasource.jdbc.acquisition-timeout", "PT2S");
    }

    /** Takes every connection of the pool; closing the result gives them back. */
    public static AutoCloseable hold(DataSource dataSource) throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < SIZE; i++) {
                held.add(dataSource.getConnection());
            }
        } catch (SQLException e) {
            closeAll(held);
            throw e;
        }
        return () -> closeAll(held);
    }

    private static void closeAll(List<Connection> connections) throws SQLException {
        for (Connection connection : connections) {
            connection.close();
        }
    }
}
