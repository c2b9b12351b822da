package kz.region715.dsr.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The buckets' transactions commit without waiting for the disk: the setting goes with the transaction, just before. */
class CommitWithoutFlushTest {

    private final List<String> calls = new ArrayList<>();
    private boolean autoCommit = true;

    private <T> T recording(Class<T> type, String name) {
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getConnection" -> recording(Connection.class, "connection");
                    case "createStatement" -> recording(Statement.class, "statement");
                    case "setAutoCommit" -> {
                        autoCommit = (Boolean) args[0];
                        calls.add("autocommit " + autoCommit);
                        yield null;
                    }
                    case "getAutoCommit" -> autoCommit;
                    case "execute" -> {
                        calls.add((String) args[0]);
                        yield true;
                    }
                    case "commit", "close" -> {
                        calls.add(name + " " + method.getName());
                        yield null;
                    }
                    default -> null;
                }));
    }

    @Test
    void eachCommitOfATransactionIsPrecededByTheSettingForThatTransactionOnly() throws Exception {
        DataSource buckets = DatabaseBucketStore.withoutCommitFlush(recording(DataSource.class, "data source"));
        try (Connection connection = buckets.getConnection()) {
            connection.setAutoCommit(false);
            connection.commit();
            connection.setAutoCommit(true);
            connection.commit(); // no transaction: nothing to set
        }
        assertThat(calls).containsExactly("autocommit false", "set local synchronous_commit = off", "statement close",
                "connection commit", "autocommit true", "connection commit", "connection close");
    }
}
