package kz.region715.dsr.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.region715.dsr.platform.domain.DomainRuleViolation;
import kz.region715.dsr.request.SubjectRequest;
import kz.region715.dsr.request.SubjectRequestRepository;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A case's history as the audit trail has it: the same events auditors export, in order, followed by the events
 * recorded but not yet sequenced into the chain (no {@code seq} and no {@code hash} yet; seconds later they have both).
 */
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
    public record Event(
            @Schema(description = "Place in the chain; null while the event waits for the sequencer (seconds)",
                    nullable = true) Long seq,
            Instant at, String actor, String type,
            @Schema(ref = "AuditDetails") JsonNode details,
            @Schema(description = "The event's hash in the chain; null while it waits for the sequencer",
                    nullable = true) String hash) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Event> of(UUID caseId) {
        SubjectRequest request = requests.findCase(caseId)
                .orElseThrow(() -> DomainRuleViolation.notFound("No such case."));
        return ofReference(request.reference());
    }

    /**
     * The events recorded under a reference (a request's, or another record's that the trail files under its own
     * reference, such as a breach's), in order.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Event> ofReference(String reference) {
        // One statement, so one snapshot: an event the sequencer moves meanwhile is in one part or the other.
        List<Object[]> rows = em.createNativeQuery("select 0, seq, canonical, hash,"
                        + " cast(null as timestamp(6) with time zone), cast(null as varchar(100)),"
                        + " cast(null as varchar(40)) from audit_event where request_ref = ?1"
                        + " union all select 1, id, details, cast(null as varchar(64)), recorded_at, actor, event_type"
                        + " from audit_pending where request_ref = ?1 order by 1, 2")
                .setParameter(1, reference)
                .setMaxResults(MAX_EVENTS)
                .getResultList();
        List<Event> events = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            if (((Number) row[0]).intValue() == 0) {
                JsonNode event = read((String) row[2]);
                events.add(new Event(((Number) row[1]).longValue(), Instant.parse(event.path("at").asText()),
                        event.path("actor").asText(), event.path("type").asText(), event.path("details"),
                        (String) row[3]));
            } else {
                events.add(new Event(null, instant(row[4]), (String) row[5], (String) row[6], read((String) row[2]),
                        null));
            }
        }
        return events;
    }

    private JsonNode read(String stored) {
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored audit event is unreadable", e);
        }
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case java.time.OffsetDateTime time -> time.toInstant();
            case java.sql.Timestamp time -> time.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp " + value.getClass());
        };
    }
}
