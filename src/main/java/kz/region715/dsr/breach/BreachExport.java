package kz.region715.dsr.breach;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.region715.dsr.breach.domain.BreachStatus;
import kz.region715.dsr.platform.http.StreamedRows;
import kz.region715.dsr.platform.http.Tabular;
import org.hibernate.Session;

/**
 * Streams the register to auditors, row by row through a cursor (JDBC fetch size) into a buffered stream, so memory
 * stays flat however long the register is: CSV (a header line, then one breach a line) or NDJSON (one JSON object a
 * line, the same members). The responsible person appears by name and position only: they are staff, their work
 * contacts are in each breach for the notice, and an export copied around has no use for them.
 */
@ApplicationScoped
class BreachExport {

    static final int FETCH_SIZE = 500;
    private static final int BUFFER = 64 * 1024;
    /** The exported columns: a member name each, and the breach column it comes from. */
    private static final Map<String, String> COLUMNS = columns(
            "reference", "reference", "status", "status", "detectedAt", "detected_at",
            "registeredAt", "registered_at", "registeredBy", "registered_by", "discoveryMethod", "discovery_method",
            "discoveryDetails", "discovery_details", "description", "description", "dataCategories", "data_categories",
            "sources", "sources", "systems", "systems", "windowFrom", "window_from", "windowTo", "window_to",
            "estimatedCount", "estimated_count", "measuresTaken", "measures_taken",
            "measuresPlanned", "measures_planned", "responsibleName", "responsible_name",
            "responsiblePosition", "responsible_position", "jurisdiction", "jurisdiction",
            "deadlinePolicy", "deadline_policy", "dueLastDay", "due_last_day", "dueAt", "due_at",
            "assessedAt", "assessed_at", "assessment", "assessment", "notNotifiableAt", "not_notifiable_at",
            "notNotifiableBasis", "not_notifiable_basis", "notNotifiableReference", "not_notifiable_reference",
            "authoritySentAt", "authority_sent_at", "authorityChannel", "authority_channel",
            "authorityReference", "authority_reference", "subjectsNotifiedAt", "subjects_notified_at",
            "closedAt", "closed_at");
    static final List<String> HEADER = List.copyOf(COLUMNS.keySet());

    /** What an export covers: breaches detected in [from, to), in the given statuses (any when empty). */
    record Filter(Instant from, Instant to, List<BreachStatus> statuses) {
    }

    private final EntityManager em;
    private final ObjectMapper json;

    BreachExport(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** Writes the breaches the filter selects, by detection time, then reference. */
    void write(Filter filter, boolean csv, OutputStream target) {
        OutputStream out = new BufferedOutputStream(target, BUFFER);
        QuarkusTransaction.requiringNew().run(() -> em.unwrap(Session.class).doWork(connection -> {
            List<Object> parameters = new ArrayList<>();
            String sql = "select " + String.join(", ", COLUMNS.values()) + " from breach where 1 = 1"
                    + where(filter, parameters) + " order by detected_at, reference";
            try {
                if (csv) {
                    out.write(Tabular.csvLine(HEADER).getBytes(StandardCharsets.UTF_8));
                }
                StreamedRows.each(connection, sql, parameters, FETCH_SIZE, row -> {
                    List<Object> values = values(row);
                    out.write((csv ? Tabular.csvLine(values) : ndjson(values)).getBytes(StandardCharsets.UTF_8));
                });
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    private String ndjson(List<Object> values) throws IOException {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < HEADER.size(); i++) {
            row.put(HEADER.get(i), values.get(i));
        }
        return json.writeValueAsString(row) + "\n";
    }

    /** A row's values: timestamps as ISO-8601 instants, dates as ISO dates, numbers as numbers, the rest as text. */
    private static List<Object> values(ResultSet row) throws SQLException {
        List<Object> values = new ArrayList<>(HEADER.size());
        for (int i = 1; i <= HEADER.size(); i++) {
            Object value = row.getObject(i);
            values.add(switch (value) {
                case null -> null;
                case Timestamp time -> time.toInstant().toString();
                case java.time.OffsetDateTime time -> time.toInstant().toString();
                case java.sql.Date date -> date.toLocalDate().toString();
                case java.time.LocalDate date -> date.toString();
                case Number number -> number;
                default -> value.toString();
            });
        }
        return values;
    }

    private static String where(Filter filter, List<Object> parameters) {
        StringBuilder where = new StringBuilder();
        if (filter.from() != null) {
            where.append(" and detected_at >= ?");
            parameters.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and detected_at < ?");
            parameters.add(Timestamp.from(filter.to()));
        }
        if (!filter.statuses().isEmpty()) {
            where.append(" and status in (").append(String.join(", ",
                    filter.statuses().stream().map(s -> "?").toList())).append(")");
            filter.statuses().forEach(s -> parameters.add(s.name()));
        }
        return where.toString();
    }

    private static Map<String, String> columns(String... namesAndColumns) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < namesAndColumns.length; i += 2) {
            columns.put(namesAndColumns[i], namesAndColumns[i + 1]);
        }
        return columns;
    }
}
