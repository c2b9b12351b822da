package kz.region715.dsr.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.region715.dsr.platform.audit.AuditEventType;
import kz.region715.dsr.platform.jobs.BatchResult;
import kz.region715.dsr.platform.jobs.JobRounds;
import kz.region715.dsr.notification.NotificationChannel.Delivery;
import kz.region715.dsr.notification.NotificationChannel.Envelope;
import kz.region715.dsr.platform.problem.SafeLog;
import kz.region715.dsr.request.RequestEvents;
import org.jboss.logging.Logger;

/**
 * Delivers queued mail. Each round claims a batch with a lease (an UPDATE that
 * re-checks the lease under the row lock, so two replicas never claim the same
 * message), renders and sends it outside any transaction, a few messages at a time and each
 * within a time limit (one stalled SMTP conversation never holds up the others),
 * then records each outcome. A replica that dies mid-round leaves its claims to
 * expire and be taken again; one that shuts down hands back what it did not send.
 */
@ApplicationScoped
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);
    private static final int MAX_ROUNDS = 50;

    private final EntityManager em;
    private final Map<OutboxChannel, NotificationChannel> channels = new EnumMap<>(OutboxChannel.class);
    private final Clock clock;
    private final OutboxConfig config;
    private final Event<RequestEvents.MailOutcome> outcomes;
    private final Event<RequestEvents.SubjectUnreachable> unreachable;
    private final Outbox outbox;
    private final JobRounds rounds;
    private final MailRenderer renderer;

    OutboxSender(EntityManager em, Instance<NotificationChannel> channels, Clock clock, OutboxConfig config,
            Event<RequestEvents.MailOutcome> outcomes, Event<RequestEvents.SubjectUnreachable> unreachable,
            Outbox outbox, JobRounds rounds, MailRenderer renderer) {
        this.unreachable = unreachable;
        this.renderer = renderer;
        this.em = em;
        channels.forEach(channel -> this.channels.put(channel.channel(), channel));
        this.clock = clock;
        this.config = config;
        this.outcomes = outcomes;
        this.outbox = outbox;
        this.rounds = rounds;
    }

    @Scheduled(identity = "outbox-sender", every = "${dsr.outbox.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        rounds.run("Outbox sender", () -> {
            BatchResult result = deliverDue();
            if (result.failed() > 0) {
                LOG.warnf("Outbox: %d delivered, %d failed this round (will retry)", result.done(), result.failed());
            }
        });
    }

    /** Sends everything due now, batch by batch; returns how many were delivered and how many failed. */
    public BatchResult deliverDue() {
        BatchResult total = BatchResult.NOTHING;
        for (int round = 0; round < MAX_ROUNDS && !rounds.stopping(); round++) {
            String owner = UUID.randomUUID().toString();
            List<Claimed> claimed = QuarkusTransaction.requiringNew().call(() -> claim(owner));
            total = total.plus(deliver(claimed, owner));
            if (claimed.size() < config.batchSize()) {
                break;
            }
        }
        return total;
    }

    /** A claimed message, read for sending: its template and model, or (queued before V10) its rendered bodies. */
    private record Claimed(UUID id, OutboxChannel channel, String recipient, String subject, MailTemplate template,
            String model, String text, String html) {
    }

    /** How the sending of one message ended ({@code delivery}), or that it was not tried. */
    private record Attempt(UUID id, boolean tried, Delivery delivery) {
    }

    private List<Claimed> claim(String owner) {
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
        return em.createQuery("from OutboxMessage m where m.leaseOwner = :owner", OutboxMessage.class)
                .setParameter("owner", owner)
                .getResultStream()
                .map(m -> new Claimed(m.id, m.channel, m.recipient, m.subject, m.template, m.model, m.bodyText, m.bodyHtml))
                .toList();
    }

    /** Sends the claimed messages, {@code parallelism} at a time, then records each outcome in its own transaction. */
    private BatchResult deliver(List<Claimed> claimed, String owner) {
        if (claimed.isEmpty()) {
            return BatchResult.NOTHING;
        }
        // Rendered here, on the sender's worker thread: not on the event loop that completes the sends.
        List<Ready> ready = claimed.stream().map(this::render).toList();
        List<Attempt> attempts = Multi.createFrom().iterable(ready)
                .onItem().transformToUni(this::send).merge(config.parallelism())
                .collect().asList()
                .await().atMost(config.sendTimeout().multipliedBy(claimed.size() + 1L));
        BatchResult result = BatchResult.NOTHING;
        List<UUID> untried = new ArrayList<>();
        for (Attempt attempt : attempts) {
            if (attempt.tried()) {
                QuarkusTransaction.requiringNew().run(() -> record(attempt));
                result = result.plus(switch (attempt.delivery().result()) {
                    case SENT -> new BatchResult(1, 0);
                    case RETRY_AFTER -> BatchResult.NOTHING;
                    case FAILED, UNREACHABLE -> new BatchResult(0, 1);
                });
            } else {
                untried.add(attempt.id());
            }
        }
        if (!untried.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> release(untried, owner));
        }
        return result;
    }

    /** A claimed message rendered for sending, or the class of the error that kept it from being rendered. */
    private record Ready(UUID id, OutboxChannel channel, Envelope message, String renderError) {
    }

    private Ready render(Claimed claimed) {
        try {
            return new Ready(claimed.id(), claimed.channel(), envelope(claimed), null);
        } catch (RuntimeException e) {
            LOG.warnf("Outbox message %s not rendered: %s", claimed.id(), SafeLog.describe(e));
            return new Ready(claimed.id(), claimed.channel(), null, rootCause(e).getClass().getSimpleName());
        }
    }

    /** One message, bounded in time; once shutdown begins, messages not yet started are left unsent. */
    private Uni<Attempt> send(Ready claimed) {
        return Uni.createFrom().deferred(() -> {
            if (rounds.stopping()) {
                return Uni.createFrom().item(new Attempt(claimed.id(), false, null));
            }
            if (claimed.renderError() != null) {
                return Uni.createFrom().item(new Attempt(claimed.id(), true, Delivery.failed(claimed.renderError())));
            }
            return channels.get(claimed.channel()).send(claimed.message())
                    .ifNoItem().after(config.sendTimeout()).fail()
                    .onItem().transform(delivery -> new Attempt(claimed.id(), true, delivery))
                    .onFailure().recoverWithItem(e -> {
                        LOG.infof("Outbox message %s not delivered: %s", claimed.id(), SafeLog.describe(e));
                        // The class of the failure only: SMTP error texts can quote the recipient address.
                        return new Attempt(claimed.id(), true, Delivery.failed(rootCause(e).getClass().getSimpleName()));
                    });
        });
    }

    /** The message as sent: rendered now, outside any transaction, for its channel. */
    private Envelope envelope(Claimed claimed) {
        if (claimed.template() == null) {
            return new Envelope(claimed.id(), claimed.recipient(), claimed.subject(), claimed.text(), claimed.html());
        }
        MailRenderer.Rendered rendered = renderer.render(claimed.template(), claimed.model(), claimed.channel());
        return new Envelope(claimed.id(), claimed.recipient(), claimed.subject(), rendered.text(), rendered.html());
    }

    private void record(Attempt attempt) {
        OutboxMessage current = em.find(OutboxMessage.class, attempt.id());
        Instant now = clock.instant();
        Delivery delivery = attempt.delivery();
        switch (delivery.result()) {
            case SENT -> current.delivered(now);
            case FAILED -> current.attemptFailed(now, delivery.error(), config);
            case RETRY_AFTER -> {
                current.postpone(now, delivery.retryAfter());
                outbox.audited(AuditEventType.MAIL_POSTPONED, "system:outbox", current);
            }
            case UNREACHABLE -> {
                current.unreachable(now, delivery.error());
                if (current.requestId != null) {
                    unreachable.fire(new RequestEvents.SubjectUnreachable(current.requestId, current.channel.name(),
                            now));
                }
            }
        }
        if (current.status != OutboxMessage.Status.PENDING) {
            outbox.audited(current.status == OutboxMessage.Status.SENT ? AuditEventType.MAIL_DELIVERED
                    : AuditEventType.MAIL_FAILED, "system:outbox", current);
        }
        if (current.requestId != null && current.status != OutboxMessage.Status.PENDING) {
            outcomes.fire(new RequestEvents.MailOutcome(current.requestId, current.kind.name(),
                    current.status == OutboxMessage.Status.SENT, now));
        }
    }

    /** Hands back claims that were not tried (shutdown), so another replica sends them without waiting for the lease. */
    private void release(List<UUID> ids, String owner) {
        em.createQuery("update OutboxMessage m set m.leaseOwner = null, m.leaseUntil = null"
                        + " where m.leaseOwner = :owner and m.id in :ids")
                .setParameter("owner", owner)
                .setParameter("ids", ids)
                .executeUpdate();
        LOG.infof("Outbox: %d claimed messages released at shutdown", ids.size());
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
