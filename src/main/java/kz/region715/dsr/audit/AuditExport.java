package kz.region715.dsr.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import kz.region715.dsr.platform.http.ExportFilter;
import kz.region715.dsr.platform.http.StreamedRows;
import kz.region715.dsr.platform.http.Tabular;
import org.hibernate.Session;

/**
 * Streams audit events from the database to the client, row by row through a
 * cursor (JDBC fetch size) into a buffered stream, so memory stays flat however
 * many events there are. An NDJSON line is the event's canonical form with its
 * {@code hash} added as the last member. An export covers the sequenced chain
 * as it stood when the export began ({@link Snapshot}).
 */
@ApplicationScoped
public class AuditExport {

    static final int FETCH_SIZE = 1000;
    private static final int BUFFER = 64 * 1024;
    static final List<String> CSV_HEADER = List.of("seq", "at", "actor", "type", "request", "subject", "details",
            "prev", "hash");

    private final EntityManager em;

    AuditExport(EntityManager em) {
        this.em = em;
    }

    /** The chain's size and the events waiting for the sequencer when an export begins. */
    public record Snapshot(long chainSize, long pending) {
    }

    /** What the export about to run covers: events up to the chain's current size, and how many wait. */
    public Snapshot snapshot() {
        return QuarkusTransaction.requiringNew().call(() -> em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("select (select last_seq from audit_head"
                    + " where id = 1), (select count(*) from audit_pending)");
                    ResultSet row = query.executeQuery()) {
                row.next();
                return new Snapshot(row.getLong(1), row.getLong(2));
            }
        }));
    }

    /**
     * Writes the events the filter selects up to {@code chainSize}, in sequence order. CSV is put together from the
     * stored columns and the canonical form's {@code details} member as it is, without parsing the JSON.
     */
    public void write(ExportFilter filter, boolean csv, long chainSize, OutputStream target) {
        OutputStream out = new BufferedOutputStream(target, BUFFER);
        QuarkusTransaction.requiringNew().run(() -> em.unwrap(Session.class).doWork(connection -> {
            List<Object> parameters = new ArrayList<>();
            parameters.add(chainSize);
            String sql = "select seq, occurred_at, actor, event_type, request_ref, subject_pseudonym, canonical,"
                    + " prev_hash, hash from audit_event where seq <= ?" + where(filter, parameters) + " order by seq";
            try {
                if (csv) {
                    out.write(Tabular.csvLine(CSV_HEADER).getBytes(StandardCharsets.UTF_8));
                }
                StreamedRows.each(connection, sql, parameters, FETCH_SIZE, rows -> {
                    String canonical = rows.getString(7);
                    String hash = rows.getString(9);
                    out.write((csv ? csvLine(rows, canonical, hash) : line(canonical, hash))
                            .getBytes(StandardCharsets.UTF_8));
                });
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    /** The exported NDJSON line: the canonical form with the hash as its last member. */
    static String line(String canonical, String hash) {
        return canonical.substring(0, canonical.length() - 1) + ",\"hash\":\"" + hash + "\"}\n";
    }

    private static String csvLine(ResultSet row, String canonical, String hash) throws java.sql.SQLException {
        return Tabular.csvLine(List.of(row.getLong(1), row.getTimestamp(2).toInstant().toString(), row.getString(3),
                row.getString(4), text(row.getString(5)), text(row.getString(6)), details(canonical),
                row.getString(8), hash));
    }

    /**
     * The {@code details} member of a canonical form, as stored. Keys are sorted, so it is what stands between
     * {@code "details":} (after {@code actor} and {@code at}) and the last {@code ,"prev":"}: an unescaped quote
     * cannot occur inside a JSON string, and no member after {@code prev} holds an object.
     */
    static String details(String canonical) {
        int start = canonical.indexOf("\"details\":") + "\"details\":".length();
        return canonical.substring(start, canonical.lastIndexOf(",\"prev\":"));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    static String where(ExportFilter filter, List<Object> parameters) {
        StringBuilder where = new StringBuilder();
        if (filter.from() != null) {
            where.append(" and occurred_at >= ?");
            parameters.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and occurred_at < ?");
            parameters.add(Timestamp.from(filter.to()));
        }
        if (filter.request() != null) {
            where.append(" and request_ref = ?");
            parameters.add(filter.request());
        }
        if (filter.type() != null) {
            where.append(" and event_type = ?");
            parameters.add(filter.type());
        }
        return where.toString();
    }
}
