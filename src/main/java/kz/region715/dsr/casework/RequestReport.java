package kz.region715.dsr.casework;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.region715.dsr.platform.http.ExportFilter;
import kz.region715.dsr.platform.http.Tabular;
import org.hibernate.Session;

/**
 * One row per request, streamed from the database (cursor, flat memory): what
 * an auditor needs to see how each request was handled. No personal data.
 */
@ApplicationScoped
public class RequestReport {

    static final List<String> COLUMNS = List.of("reference", "type", "channel", "receivedAt", "verifiedAt",
            "dueLastDay", "deadlinePolicy", "deadlineBasis", "extensions", "decision", "decidedBy", "decidedAt",
            "rejectionBasis", "cancellationReason", "completedAt", "closedAt", "status");

    private final EntityManager em;
    private final ObjectMapper json;

    RequestReport(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    public void write(ExportFilter filter, boolean csv, OutputStream out) {
        QuarkusTransaction.requiringNew().run(() -> em.unwrap(Session.class).doWork(connection -> {
            List<Object> parameters = new ArrayList<>();
            StringBuilder sql = new StringBuilder("select reference, type, channel, received_at, verified_at,"
                    + " due_last_day, deadline_policy, deadline_basis, extensions_granted, decided_by, decided_at,"
                    + " rejection_basis, cancellation_reason, closed_at, status from subject_request where 1 = 1");
            if (filter.from() != null) {
                sql.append(" and received_at >= ?");
                parameters.add(Timestamp.from(filter.from()));
            }
            if (filter.to() != null) {
                sql.append(" and received_at < ?");
                parameters.add(Timestamp.from(filter.to()));
            }
            if (filter.request() != null) {
                sql.append(" and reference = ?");
                parameters.add(filter.request());
            }
            if (filter.type() != null) {
                sql.append(" and type = ?");
                parameters.add(filter.type());
            }
            sql.append(" order by received_at, reference");
            try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
                query.setFetchSize(500);
                for (int i = 0; i < parameters.size(); i++) {
                    query.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet rows = query.executeQuery()) {
                    if (csv) {
                        out.write(Tabular.csvLine(COLUMNS).getBytes(StandardCharsets.UTF_8));
                    }
                    while (rows.next()) {
                        List<Object> row = row(rows);
                        out.write((csv ? Tabular.csvLine(row) : ndjson(row)).getBytes(StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    private static List<Object> row(ResultSet rows) throws java.sql.SQLException {
        String status = rows.getString(15);
        String rejection = rows.getString(12);
        String cancellation = rows.getString(13);
        Timestamp decidedAt = rows.getTimestamp(11);
        String decision = rejection != null ? "REJECTED" : cancellation != null ? "CANCELLED"
                : decidedAt != null ? "APPROVED" : null;
        Timestamp closed = rows.getTimestamp(14);
        List<Object> row = new ArrayList<>();
        row.add(rows.getString(1));
        row.add(rows.getString(2));
        row.add(rows.getString(3));
        row.add(instant(rows.getTimestamp(4)));
        row.add(instant(rows.getTimestamp(5)));
        row.add(rows.getDate(6) == null ? null : rows.getDate(6).toLocalDate().toString());
        row.add(rows.getString(7));
        row.add(rows.getString(8));
        row.add(rows.getInt(9));
        row.add(decision);
        row.add(rows.getString(10));
        row.add(instant(decidedAt));
        row.add(rejection);
        row.add(cancellation);
        row.add("COMPLETED".equals(status) ? instant(closed) : null);
        row.add(instant(closed));
        row.add(status);
        return row;
    }

    private String ndjson(List<Object> row) {
        Map<String, Object> line = new LinkedHashMap<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            line.put(COLUMNS.get(i), row.get(i));
        }
        try {
            return json.writeValueAsString(line) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().toString();
    }
}
