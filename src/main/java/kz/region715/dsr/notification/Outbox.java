package kz.region715.dsr.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.region715.dsr.platform.audit.AuditEventType;
import kz.region715.dsr.platform.audit.AuditTrail;
import kz.region715.dsr.platform.domain.DomainRuleViolation;
import kz.region715.dsr.request.SubjectRequestRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Queues e-mail in the caller's transaction; {@link OutboxSender} delivers it. */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final SubjectRequestRepository requests;
    private final Clock clock;
    private final AuditTrail audit;
    private final MailRenderer renderer;
    private final Event<MailQueued> queued;
    private final String domain;

    Outbox(EntityManager em, SubjectRequestRepository requests, Clock clock, AuditTrail audit, MailRenderer renderer,
            Event<MailQueued> queued, @ConfigProperty(name = "quarkus.mailer.from") String from) {
        this.em = em;
        this.queued = queued;
        this.domain = domainOf(from);
        this.requests = requests;
        this.clock = clock;
        this.audit = audit;
        this.renderer = renderer;
    }

    /**
     * Queues a mail: its template and model, which the sender renders when it sends. Must run inside the transaction
     * of the change that causes it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(OutgoingMail mail) {
        OutboxMessage message = new OutboxMessage(mail, renderer.store(mail.model()), clock.instant(), domain);
        em.persist(message);
        audited(AuditEventType.MAIL_QUEUED, "system:outbox", message);
        queued.fire(new MailQueued(message.id));
        return message.id;
    }

    /**
     * Queues a mail about no request, under the id the caller chose, filed in the trail under {@code reference} and
     * the recipient's pseudonym {@code subjectKey} (a breach's notice to a person it affected).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(UUID id, OutgoingMail mail, String reference, String subjectKey) {
        OutboxMessage message = new OutboxMessage(id, mail, renderer.store(mail.model()), clock.instant(), domain);
        message.requestRef = reference;
        message.subjectPseudonym = subjectKey;
        em.persist(message);
        audited(AuditEventType.MAIL_QUEUED, "system:outbox", message);
        queued.fire(new MailQueued(message.id));
    }

    /** A message was queued; observed once its transaction commits, to send it at once. */
    record MailQueued(UUID id) {
    }

    /** The domain of the Message-IDs: the sender address's. */
    String domain() {
        return domain;
    }

    private static String domainOf(String from) {
        String address = from.strip();
        if (address.endsWith(">")) {
            address = address.substring(address.lastIndexOf('<') + 1, address.length() - 1);
        }
        int at = address.lastIndexOf('@');
        return at < 0 ? "localhost" : address.substring(at + 1);
    }

    /** Records what happened to a message in the trail: its kind and id, never its recipient or content. */
    void audited(AuditEventType type, String actor, OutboxMessage message) {
        String reference = message.requestRef;
        String subject = message.subjectPseudonym;
        if (message.requestId != null && reference == null) { // queued before V10 kept the reference
            SubjectRequestRepository.Label request = requests.labelOf(message.requestId);
            reference = request.reference();
            subject = request.subjectKey();
        }
        audit.record(type, actor, reference, subject, AuditTrail.details("message", message.id, "kind", message.kind,
                "toStaff", message.requestId == null && message.subjectPseudonym == null, "attempts", message.attempts, "error", message.lastError));
    }

    /** A request's personal data is erased: so is every copy in its mail; unsent mail to it is dropped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetRequest(UUID requestId, Instant at) {
        em.createQuery("update OutboxMessage m set m.status = :failed, m.failedAt = :at, m.lastError = 'request-erased'"
                        + " where m.requestId = :id and m.status = :pending")
                .setParameter("failed", OutboxMessage.Status.FAILED)
                .setParameter("pending", OutboxMessage.Status.PENDING)
                .setParameter("at", at)
                .setParameter("id", requestId)
                .executeUpdate();
        em.createQuery("update OutboxMessage m set m.recipient = null, m.subject = null, m.bodyText = null,"
                        + " m.bodyHtml = null, m.model = null, m.bodyPurgedAt = coalesce(m.bodyPurgedAt, :at), m.version = m.version + 1"
                        + " where m.requestId = :id")
                .setParameter("at", at)
                .setParameter("id", requestId)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OutboxEntryView> list(String status, int limit) {
        String where = status == null ? "" : " where m.status = :status";
        var query = em.createQuery("from OutboxMessage m" + where + " order by m.createdAt desc, m.id",
                OutboxMessage.class).setMaxResults(limit);
        if (status != null) {
            query.setParameter("status", OutboxMessage.Status.valueOf(status));
        }
        return query.getResultList().stream().map(OutboxEntryView::of).toList();
    }

    /** Puts a FAILED message back in the queue, if its content is still held. */
    @Transactional
    public OutboxEntryView requeue(UUID id) {
        OutboxMessage message = em.find(OutboxMessage.class, id);
        if (message == null) {
            throw DomainRuleViolation.notFound("No such outbox message.");
        }
        if (message.status != OutboxMessage.Status.FAILED) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "not-failed",
                    "Only a FAILED message can be requeued.", Map.of("currentStatus", message.status.name()));
        }
        if (!message.contentHeld() || message.recipient == null) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "content-purged",
                    "The content of this message is no longer held; it cannot be sent again.");
        }
        message.requeue(clock.instant());
        return OutboxEntryView.of(message);
    }
}
