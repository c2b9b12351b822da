package kz.region715.dsr.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.region715.dsr.casework.CaseEvents;
import kz.region715.dsr.lead.LeadActions;
import kz.region715.dsr.lead.SubjectMatch;
import kz.region715.dsr.platform.audit.AuditEventType;
import kz.region715.dsr.platform.audit.AuditTrail;
import kz.region715.dsr.request.RequestSnapshot;
import kz.region715.dsr.request.SubjectRequest;
import kz.region715.dsr.request.domain.RequestType;
import org.jboss.logging.Logger;

/**
 * The end of an execution whose leads are all handled: the access package, the recipients' notices, the summary,
 * COMPLETED. The mails themselves are queued by observers of the events fired here, in the same transaction.
 */
@ApplicationScoped
class ExecutionCompletion {

    private static final Logger LOG = Logger.getLogger(ExecutionCompletion.class);

    private final EntityManager em;
    private final AccessPackages packages;
    private final LeadActions actions;
    private final Event<ExecutionEvents.Completed> completed;
    private final Event<ExecutionEvents.RecipientToNotify> recipientToNotify;
    private final Event<CaseEvents.Closed> closed;
    private final AuditTrail audit;

    ExecutionCompletion(EntityManager em, AccessPackages packages, LeadActions actions,
            Event<ExecutionEvents.Completed> completed, Event<ExecutionEvents.RecipientToNotify> recipientToNotify,
            Event<CaseEvents.Closed> closed, AuditTrail audit) {
        this.em = em;
        this.packages = packages;
        this.actions = actions;
        this.completed = completed;
        this.recipientToNotify = recipientToNotify;
        this.closed = closed;
        this.audit = audit;
    }

    /** Completes the held execution and its request, in the caller's transaction. */
    void complete(Execution execution, SubjectRequest request, SubjectMatch match, Instant now) {
        AccessPackages.Issued issued = execution.type() == RequestType.ACCESS
                ? packages.issue(request, match, now) : null;
        notifyRecipients(execution, request.reference(), now);
        ExecutionSummary summary = summarise(execution);
        ExecutionLifecycle.complete(execution, request, summary.note(), now);
        RequestSnapshot snapshot = RequestSnapshot.of(request);
        completed.fire(new ExecutionEvents.Completed(snapshot, summary, issued == null ? null : issued.token(),
                issued == null ? null : issued.expiresAt(), now));
        closed.fire(new CaseEvents.Closed(snapshot, request.status().name(),
                Duration.between(request.receivedAt(), now)));
        LOG.infof("Request %s executed: %s", request.reference(), summary.note());
    }

    /** One notice per recipient of this execution's erased disclosures; each disclosure is queued once. */
    private void notifyRecipients(Execution execution, String reference, Instant now) {
        Map<String, List<ErasureNotice>> byRecipient = new LinkedHashMap<>();
        em.createQuery("from ErasureNotice n where n.executionId = :id and n.queuedAt is null"
                        + " order by n.recipientEmail, n.disclosedOn", ErasureNotice.class)
                .setParameter("id", execution.id())
                .getResultStream()
                .forEach(n -> byRecipient.computeIfAbsent(n.recipientEmail, k -> new ArrayList<>()).add(n));
        byRecipient.forEach((address, notices) -> {
            recipientToNotify.fire(new ExecutionEvents.RecipientToNotify(reference, notices.getFirst().recipient,
                    address, notices.stream().map(n -> new ExecutionEvents.DisclosedLead(n.disclosedOn, n.purpose,
                            n.subjectName, n.subjectEmail, n.subjectPhone)).toList(), now));
            notices.forEach(n -> n.queued(now));
            audit.record(AuditEventType.RECIPIENT_NOTIFIED, ExecutionWorker.ACTOR, reference, null, AuditTrail.details(
                    "recipientHash", actions.recipientKey(notices.getFirst().recipient), "disclosures",
                    notices.size()));
        });
    }

    ExecutionSummary summarise(Execution execution) {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        long handled = 0;
        for (Object[] row : em.createQuery("select i.outcome, count(i) from ExecutionItem i"
                        + " where i.executionId = :id group by i.outcome order by i.outcome", Object[].class)
                .setParameter("id", execution.id()).getResultList()) {
            outcomes.put(row[0].toString(), (Long) row[1]);
            handled += (Long) row[1];
        }
        Set<String> fields = new HashSet<>();
        em.createQuery("select distinct i.detail from ExecutionItem i where i.executionId = :id and i.outcome = :o",
                        String.class)
                .setParameter("id", execution.id()).setParameter("o", ExecutionItem.Outcome.CORRECTED)
                .getResultStream().filter(d -> d != null && !d.isBlank())
                .forEach(d -> fields.addAll(List.of(d.split(","))));
        List<ExecutionSummary.Kept> kept = em.createQuery("from ExecutionItem i where i.executionId = :id"
                        + " and i.outcome = :o order by i.receivedAt", ExecutionItem.class)
                .setParameter("id", execution.id()).setParameter("o", ExecutionItem.Outcome.KEPT_LEGAL_HOLD)
                .setMaxResults(100)
                .getResultStream().map(i -> new ExecutionSummary.Kept(i.source, i.receivedAt, i.detail)).toList();
        List<String> recipients = em.createQuery("select distinct n.recipient from ErasureNotice n"
                        + " where n.executionId = :id order by n.recipient", String.class)
                .setParameter("id", execution.id()).getResultList();
        return new ExecutionSummary(execution.type(), (int) handled, outcomes,
                fields.stream().sorted().toList(), kept, recipients);
    }
}
