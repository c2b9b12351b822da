package kz.region715.dsr.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.region715.dsr.platform.problem.ProblemException;
import kz.region715.dsr.request.SubjectRequest;
import kz.region715.dsr.request.SubjectRequestRepository;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A case's history as the audit trail has it: the same events auditors export, in order. */
@ApplicationScoped
public class AuditHistory {

    private static final int MAX_EVENTS = 10_000;

    private final EntityManager em;
    private final SubjectRequestRepository requests;
    private final ObjectMapper json;

    AuditHistory(EntityManager em, SubjectRequestRepository requests, ObjectMapper json) {
        this.em = em;
        this.requests = requests;
        this.json = json;
    }

    @Schema(name = "AuditHistoryEvent")
    public record Event(long seq, Instant at, String actor, String type,
            @Schema(ref = "AuditDetails") JsonNode details, String hash) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Event> of(UUID caseId) {
        SubjectRequest request = requests.findById(caseId);
        if (request == null || !request.status().isVerified()) {
            throw new ProblemException(404, "not-found", "Not found", "No such case.");
        }
        List<Object[]> rows = em.createNativeQuery("select seq, canonical, hash from audit_event"
                        + " where request_ref = ?1 order by seq")
                .setParameter(1, request.reference())
                .setMaxResults(MAX_EVENTS)
                .getResultList();
        return rows.stream().map(row -> {
            try {
                JsonNode event = json.readTree((String) row[1]);
                return new Event(((Number) row[0]).longValue(), Instant.parse(event.path("at").asText()),
                        event.path("actor").asText(), event.path("type").asText(), event.path("details"),
                        (String) row[2]);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored audit event is unreadable", e);
            }
        }).toList();
    }
}
