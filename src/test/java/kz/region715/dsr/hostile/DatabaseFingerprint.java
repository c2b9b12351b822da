package kz.region715.dsr.hostile;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Every row of every application table, read generically (DatabaseMetaData, then one {@code select * ... order by 1}
 * per table) and kept as a hash per column, so that two snapshots can be compared row by row and column by column.
 *
 * <p>Not part of the fingerprint, because a refusal is allowed to write them: the audit events of type
 * ACCESS_REFUSED (a 401 or 403 is recorded, on a worker thread after the answer; in audit_pending, where events
 * wait for the sequencer, or audit_event) and the audit chain's head row,
 * which moves with every audit event (a change of any other audit event still shows), and the rate limits' buckets
 * (table rate_limit_bucket on PostgreSQL), since every call to a public endpoint counts, refused or not.
 * {@link #allowedForVerification} covers what a wrong verification code may write.
 */
final class DatabaseFingerprint {

    static final Set<String> SKIPPED_TABLES = Set.of("flyway_schema_history", "audit_head", "rate_limit_bucket");
    /** Where audit events are: recorded into audit_pending, moved into the chain (audit_event) by the sequencer. */
    static final Set<String> AUDIT_TABLES = Set.of("audit_event", "audit_pending");

    record Row(String key, long[] columns, String type) {
    }

    record Table(String name, List<String> columns, Map<String, Row> rows) {
    }

    record Change(String table, String key, String kind, List<String> columns, String eventType) {
        @Override
        public String toString() {
            return kind + " " + table + (columns.isEmpty() ? "" : " " + columns)
                    + (eventType == null ? "" : " (" + eventType + ")");
        }
    }

    private final DataSource dataSource;
    private final List<String> tables;
    int snapshots;

    DatabaseFingerprint(DataSource dataSource) {
        this.dataSource = dataSource;
        this.tables = tables(dataSource);
    }

    List<String> tables() {
        return tables;
    }

    private static List<String> tables(DataSource dataSource) {
        Set<String> names = new TreeSet<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (schema != null && schema.equalsIgnoreCase("public") && !SKIPPED_TABLES.contains(name)) {
                        names.add(name);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the tables", e);
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("no application tables found");
        }
        return List.copyOf(names);
    }

    Map<String, Table> snapshot() {
        snapshots++;
        Map<String, Table> all = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String table : tables) {
                try (ResultSet rs = st.executeQuery("select * from " + table + " order by 1")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    int n = meta.getColumnCount();
                    List<String> columns = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        columns.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
                    }
                    int eventType = columns.indexOf("event_type");
                    Map<String, Row> rows = new LinkedHashMap<>();
                    while (rs.next()) {
                        if (AUDIT_TABLES.contains(table) && "ACCESS_REFUSED".equals(rs.getString(eventType + 1))) {
                            continue;
                        }
                        long[] hashes = new long[n];
                        for (int i = 1; i <= n; i++) {
                            String value = rs.getString(i);
                            hashes[i - 1] = value == null ? 0x9e3779b97f4a7c15L : fnv(value);
                        }
                        // audit events keep their type readable for the allowances
                        rows.put(rs.getString(1), new Row(rs.getString(1), hashes,
                                eventType >= 0 ? rs.getString(eventType + 1) : null));
                    }
                    all.put(table, new Table(table, columns, rows));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database", e);
        }
        return all;
    }

    static List<Change> diff(Map<String, Table> before, Map<String, Table> after) {
        List<Change> changes = new ArrayList<>();
        for (Table b : before.values()) {
            Table a = after.get(b.name());
            for (Map.Entry<String, Row> e : b.rows().entrySet()) {
                Row other = a.rows().get(e.getKey());
                if (other == null) {
                    changes.add(new Change(b.name(), e.getKey(), "removed", List.of(), null));
                } else if (!Arrays.equals(e.getValue().columns(), other.columns())) {
                    List<String> cols = new ArrayList<>();
                    for (int i = 0; i < b.columns().size(); i++) {
                        if (e.getValue().columns()[i] != other.columns()[i]) {
                            cols.add(b.columns().get(i));
                        }
                    }
                    changes.add(new Change(b.name(), e.getKey(), "changed", cols, null));
                }
            }
            for (Map.Entry<String, Row> e : a.rows().entrySet()) {
                if (!b.rows().containsKey(e.getKey())) {
                    changes.add(new Change(a.name(), e.getKey(), "added", List.of(), e.getValue().type()));
                }
            }
        }
        return changes;
    }

    /** A wrong verification code or token is counted (and audited) although the call is refused. */
    static boolean allowedForVerification(Change change) {
        return change.table().equals("verification_challenge") && change.kind().equals("changed")
                && change.columns().equals(List.of("failed_attempts"))
                || AUDIT_TABLES.contains(change.table()) && change.kind().equals("added")
                && "VERIFICATION_FAILED".equals(change.eventType());
    }

    static long fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
