package kz.region715.dsr.notification;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.region715.dsr.platform.jobs.BatchResult;
import kz.region715.dsr.platform.problem.SafeLog;
import kz.region715.dsr.request.RequestEvents;
import org.jboss.logging.Logger;

/**
 * Delivers queued mail. Each round claims a batch with a lease (an UPDATE that
 * re-checks the lease under the row lock, so two replicas never claim the same
 * message), sends outside any transaction, then records the outcome. A replica
 * that dies mid-round leaves its claims to expire and be taken again.
 */
@ApplicationScoped
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);
    private static final int MAX_ROUNDS = 50;

    private final EntityManager em;
    private final Mailer mailer;
    private final Clock clock;
    private final OutboxConfig config;
    private final Event<RequestEvents.MailOutcome> outcomes;
    private final Outbox outbox;

    OutboxSender(EntityManager em, Mailer mailer, Clock clock, OutboxConfig config,
            Event<RequestEvents.MailOutcome> outcomes, Outbox outbox) {
        this.em = em;
        this.mailer = mailer;
        this.clock = clock;
        this.config = config;
        this.outcomes = outcomes;
        this.outbox = outbox;
    }

    @Scheduled(identity = "outbox-sender", every = "${dsr.outbox.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        BatchResult result = deliverDue();
        if (result.failed() > 0) {
            LOG.warnf("Outbox: %d delivered, %d failed this round (will retry)", result.done(), result.failed());
        }
    }

    /** Sends everything due now, batch by batch; returns how many were delivered and how many failed. */
    public BatchResult deliverDue() {
        BatchResult total = BatchResult.NOTHING;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            String owner = UUID.randomUUID().toString();
            List<UUID> claimed = QuarkusTransaction.requiringNew().call(() -> claim(owner));
            for (UUID id : claimed) {
                total = total.plus(deliver(id, owner));
            }
            if (claimed.size() < config.batchSize()) {
                break;
            }
        }
        return total;
    }

    private List<UUID> claim(String owner) {
        Instant now = clock.instant();
        em.createNativeQuery("""
                update outbox_message set lease_owner = :owner, lease_until = :until
                 where id in (select id from outbox_message
                               where status = 'PENDING' and next_attempt_at <= :now
                                 and (lease_until is null or lease_until < :now)
                               order by next_attempt_at limit :batch)
                   and status = 'PENDING' and (lease_until is null or lease_until < :now)
                """)
                .setParameter("owner", owner)
                .setParameter("until", now.plus(config.lease()))
                .setParameter("now", now)
                .setParameter("batch", config.batchSize())
                .executeUpdate();
        return em.createQuery("select m.id from OutboxMessage m where m.leaseOwner = :owner", UUID.class)
                .setParameter("owner", owner)
                .getResultList();
    }

    private BatchResult deliver(UUID id, String owner) {
        OutboxMessage message = QuarkusTransaction.requiringNew().call(() -> em.find(OutboxMessage.class, id));
        if (message == null || !owner.equals(message.leaseOwner)) {
            return BatchResult.NOTHING;
        }
        String error = null;
        try {
            Mail mail = Mail.withText(message.recipient, message.subject, message.bodyText).setHtml(message.bodyHtml);
            mailer.send(mail);
        } catch (RuntimeException e) {
            // The class of the failure only: SMTP error texts can quote the recipient address.
            error = rootCause(e).getClass().getSimpleName();
            LOG.debugf("Delivery of outbox message %s failed: %s", id, SafeLog.describe(e));
        }
        String failure = error;
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxMessage current = em.find(OutboxMessage.class, id);
            Instant now = clock.instant();
            if (failure == null) {
                current.delivered(now);
            } else {
                current.attemptFailed(now, failure, config);
            }
            if (current.status != OutboxMessage.Status.PENDING) {
                outbox.audited(current.status == OutboxMessage.Status.SENT ? "MAIL_DELIVERED" : "MAIL_FAILED",
                        "system:outbox", current);
            }
            if (current.requestId != null && current.status != OutboxMessage.Status.PENDING) {
                outcomes.fire(new RequestEvents.MailOutcome(current.requestId, current.kind.name(),
                        current.status == OutboxMessage.Status.SENT, now));
            }
        });
        return failure == null ? new BatchResult(1, 0) : new BatchResult(0, 1);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
