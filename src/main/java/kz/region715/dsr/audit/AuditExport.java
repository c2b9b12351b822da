package kz.region715.dsr.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import kz.region715.dsr.platform.http.ExportFilter;
import kz.region715.dsr.platform.http.Tabular;
import org.hibernate.Session;

/**
 * Streams audit events from the database to the client, row by row through a
 * cursor (JDBC fetch size), so memory stays flat however many events there
 * are. An NDJSON line is the event's canonical form with its {@code hash}
 * added as the last member.
 */
@ApplicationScoped
public class AuditExport {

    static final int FETCH_SIZE = 500;
    static final List<String> CSV_HEADER = List.of("seq", "at", "actor", "type", "request", "subject", "details",
            "prev", "hash");

    private final EntityManager em;
    private final ObjectMapper json;

    AuditExport(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** Writes the events the filter selects, in sequence order. */
    public void write(ExportFilter filter, boolean csv, OutputStream out) {
        QuarkusTransaction.requiringNew().run(() -> em.unwrap(Session.class).doWork(connection -> {
            List<Object> parameters = new ArrayList<>();
            String sql = "select canonical, hash from audit_event where 1 = 1" + where(filter, parameters)
                    + " order by seq";
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < parameters.size(); i++) {
                    query.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet rows = query.executeQuery()) {
                    if (csv) {
                        out.write(Tabular.csvLine(CSV_HEADER).getBytes(StandardCharsets.UTF_8));
                    }
                    while (rows.next()) {
                        String canonical = rows.getString(1);
                        String hash = rows.getString(2);
                        out.write((csv ? csvLine(canonical, hash) : line(canonical, hash))
                                .getBytes(StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    /** The exported NDJSON line: the canonical form with the hash as its last member. */
    static String line(String canonical, String hash) {
        return canonical.substring(0, canonical.length() - 1) + ",\"hash\":\"" + hash + "\"}\n";
    }

    private String csvLine(String canonical, String hash) {
        try {
            JsonNode event = json.readTree(canonical);
            return Tabular.csvLine(List.of(event.get("seq").asLong(), event.get("at").asText(),
                    event.get("actor").asText(), event.get("type").asText(), text(event.get("request")),
                    text(event.get("subject")), event.get("details").toString(), event.get("prev").asText(), hash));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored audit event is unreadable", e);
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asText();
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
