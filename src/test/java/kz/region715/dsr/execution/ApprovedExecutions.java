package kz.region715.dsr.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.region715.dsr.lead.LeadService;
import kz.region715.dsr.request.Contact;
import kz.region715.dsr.request.RequestDetails;
import kz.region715.dsr.request.SubjectRequest;
import kz.region715.dsr.request.SubjectRequestRepository;
import kz.region715.dsr.request.domain.Channel;
import kz.region715.dsr.request.domain.EmailAddress;
import kz.region715.dsr.request.domain.Reference;
import kz.region715.dsr.request.domain.RequestType;
import kz.region715.dsr.request.domain.SubjectLocale;

/** Tests' approved requests with their queued executions, filed directly (no mails, no HTTP), one per e-mail. */
@ApplicationScoped
class ApprovedExecutions {

    private final SubjectRequestRepository requests;
    private final LeadService leads;
    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    ApprovedExecutions(SubjectRequestRepository requests, LeadService leads, EntityManager em, ObjectMapper json,
            Clock clock) {
        this.requests = requests;
        this.leads = leads;
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    /** The ids of the requests; references from {@code referenceBase} on, so that they stand out in the logs. */
    List<UUID> queue(RequestType type, String detailsJson, RequestDetails details, List<String> emails,
            long referenceBase, String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            List<UUID> created = new ArrayList<>();
            for (String email : emails) {
                String reference = "DSR-2020-" + (referenceBase + requests.nextReferenceNumber());
                SubjectRequest request = SubjectRequest.file(UUID.randomUUID(), new Reference(reference), type,
                        Channel.WEB, SubjectLocale.EN, new Contact(EmailAddress.parse(email), name, null),
                        leads.emailKey(email), detailsJson, now);
                request.markVerified(now, null);
                request.approve(null, "officer", now);
                requests.persist(request);
                em.persist(Execution.queue(request.id(), type, plan(type, reference, details), now));
                created.add(request.id());
            }
            return created;
        });
    }

    /** Asserts that each request's execution is DONE after exactly one try, and its subject got one completion mail. */
    void assertEachDoneOnce(List<UUID> ids) {
        QuarkusTransaction.requiringNew().run(() -> {
            List<Object[]> rows = em.createQuery("select e.status, e.attempts, count(e) from Execution e"
                    + " where e.requestId in :ids group by e.status, e.attempts", Object[].class)
                    .setParameter("ids", ids).getResultList();
            assertThat(rows).as("every execution DONE after exactly one try").hasSize(1);
            assertThat(rows.getFirst()).containsExactly(Execution.Status.DONE, 1, (long) ids.size());
            assertThat(em.createNativeQuery("select count(*) from outbox_message where kind = 'COMPLETION'"
                            + " and request_id in (:ids)").setParameter("ids", ids).getSingleResult())
                    .as("one completion mail per request").isEqualTo((long) ids.size());
        });
    }

    private String plan(RequestType type, String reference, RequestDetails details) throws JsonProcessingException {
        return json.writeValueAsString(ExecutionPlan.of(type, reference, details, null));
    }
}
