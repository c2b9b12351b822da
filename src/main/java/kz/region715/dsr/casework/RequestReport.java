package kz.region715.dsr.casework;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.region715.dsr.platform.http.ExportFilter;
import kz.region715.dsr.platform.http.Tabular;
import kz.region715.dsr.request.SubjectRequestRepository;

/**
 * One row per request, streamed from the database (cursor, flat memory): what
 * an auditor needs to see how each request was handled. No personal data.
 */
@ApplicationScoped
public class RequestReport {

    static final List<String> COLUMNS = List.of("reference", "type", "channel", "receivedAt", "verifiedAt",
            "dueLastDay", "deadlinePolicy", "deadlineBasis", "extensions", "decision", "decidedBy", "decidedAt",
            "rejectionBasis", "cancellationReason", "completedAt", "closedAt", "status");

    private final SubjectRequestRepository requests;
    private final ObjectMapper json;

    RequestReport(SubjectRequestRepository requests, ObjectMapper json) {
        this.requests = requests;
        this.json = json;
    }

    public void write(ExportFilter filter, boolean csv, OutputStream out) {
        QuarkusTransaction.requiringNew().run(() -> requests.report(filter, new SubjectRequestRepository.ReportSink() {
            @Override
            public void begin() throws IOException {
                if (csv) {
                    out.write(Tabular.csvLine(COLUMNS).getBytes(StandardCharsets.UTF_8));
                }
            }

            @Override
            public void accept(SubjectRequestRepository.ReportRow request) throws IOException {
                List<Object> row = row(request);
                out.write((csv ? Tabular.csvLine(row) : ndjson(row)).getBytes(StandardCharsets.UTF_8));
            }
        }));
    }

    private static List<Object> row(SubjectRequestRepository.ReportRow request) {
        String decision = request.rejectionBasis() != null ? "REJECTED"
                : request.cancellationReason() != null ? "CANCELLED" : request.decidedAt() != null ? "APPROVED" : null;
        List<Object> row = new ArrayList<>();
        row.add(request.reference());
        row.add(request.type());
        row.add(request.channel());
        row.add(instant(request.receivedAt()));
        row.add(instant(request.verifiedAt()));
        row.add(request.dueLastDay() == null ? null : request.dueLastDay().toString());
        row.add(request.deadlinePolicy());
        row.add(request.deadlineBasis());
        row.add(request.extensionsGranted());
        row.add(decision);
        row.add(request.decidedBy());
        row.add(instant(request.decidedAt()));
        row.add(request.rejectionBasis());
        row.add(request.cancellationReason());
        row.add("COMPLETED".equals(request.status()) ? instant(request.closedAt()) : null);
        row.add(instant(request.closedAt()));
        row.add(request.status());
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

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
