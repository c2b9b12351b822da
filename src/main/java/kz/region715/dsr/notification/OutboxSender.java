package kz.region715.dsr.notification;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import kz.region715.dsr.platform.audit.AuditEventType;
import kz.region715.dsr.platform.jobs.BatchResult;
import kz.region715.dsr.platform.jobs.JobRounds;
import kz.region715.dsr.platform.problem.SafeLog;
import kz.region715.dsr.request.RequestEvents;
import org.jboss.logging.Logger;

/**
 * Delivers queued mail. A round claims due messages with a lease (an UPDATE that re-checks the lease under the row
 * lock, so two replicas never claim the same message), no more than the transport can start now, and sends each on
 * a virtual thread of its own, outside any transaction; each outcome is recorded in its own transaction as soon as
 * its conversation ends, so a slow conversation holds back no other message and no round. A round starts when a
 * message is committed on this replica ({@code dsr.outbox.send-on-commit}), when a send ends while more was due,
 * and on every poll (what other replicas or a restart left). A replica that dies mid-send leaves its claims to
 * expire and be taken again; one that shuts down hands back what it did not start.
 */
@ApplicationScoped
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);
    private static final String JOB = "Outbox sender";

    private final EntityManager em;
    private final MailTransport transport;
    private final Map<OutboxChannel, NotificationChannel> channels = new EnumMap<>(OutboxChannel.class);
    private final Clock clock;
    private final OutboxConfig config;
    private final Duration lease;
    private final Event<RequestEvents.MailOutcome> outcomes;
    private final Event<RequestEvents.SubjectUnreachable> unreachable;
    private final Outbox outbox;
    private final JobRounds rounds;
    private final MailRenderer renderer;
    private final MeterRegistry registry;
    private final ExecutorService sends = Executors.newVirtualThreadPerTaskExecutor();
    private final ExecutorService pump = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-pump");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean pumpQueued = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean moreDue;

    OutboxSender(EntityManager em, MailTransport transport, Instance<NotificationChannel> channels, Clock clock,
            OutboxConfig config, SmtpConfig smtp, Event<RequestEvents.MailOutcome> outcomes,
            Event<RequestEvents.SubjectUnreachable> unreachable, Outbox outbox, JobRounds rounds, MailRenderer renderer,
            MeterRegistry registry) {
        channels.forEach(channel -> this.channels.put(channel.channel(), channel));
        this.unreachable = unreachable;
        this.renderer = renderer;
        this.em = em;
        this.transport = transport;
        this.clock = clock;
        this.config = config;
        this.lease = config.lease();
        Duration longest = longestConversation(smtp);
        if (lease.compareTo(longest) < 0) {
            LOG.warnf("dsr.outbox.lease (%s) is shorter than the longest SMTP conversation the dsr.smtp limits allow"
                    + " (%s): a message whose relay is slow to answer its data may be sent again by another replica",
                    lease, longest);
        }
        this.outcomes = outcomes;
        this.outbox = outbox;
        this.rounds = rounds;
        this.registry = registry;
    }

    /** The longest conversation the SMTP limits allow: connect and TLS, greeting, a dozen commands, final reply. */
    static Duration longestConversation(SmtpConfig smtp) {
        return smtp.connectTimeout().multipliedBy(3).plus(smtp.greetingTimeout())
                .plus(smtp.commandTimeout().multipliedBy(12)).plus(smtp.finalReplyTimeout());
    }

    @Scheduled(identity = "outbox-sender", every = "${dsr.outbox.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        wake();
    }

    /** A message was committed on this replica: send it now rather than at the next poll. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.MailQueued queued) {
        if (config.sendOnCommit()) {
            wake();
        }
    }

    /** Starts a round on the sender's own thread, unless one is already waiting to start. */
    void wake() {
        if (!rounds.stopping() && pumpQueued.compareAndSet(false, true)) {
            pump.execute(() -> {
                pumpQueued.set(false);
                rounds.run(JOB, this::dispatchDue);
            });
        }
    }

    /** Claims what is due and can start, and starts it; does not wait for the sends. */
    private void dispatchDue() {
        while (!rounds.stopping()) {
            int room = room();
            List<CompletableFuture<Attempt>> started = room == 0 ? List.of() : dispatch(room);
            moreDue = room == 0 || started.size() == room;
            if (room == 0 || started.size() < room) {
                return;
            }
        }
    }

    /**
     * Sends everything due now and waits for those sends to end; returns how many were delivered and how many
     * failed. For tests and tools: the service itself sends without waiting ({@link #wake()}).
     */
    public BatchResult deliverDue() {
        BatchResult total = BatchResult.NOTHING;
        while (!rounds.stopping()) {
            int room = room();
            List<CompletableFuture<Attempt>> started = room == 0 ? List.of() : dispatch(room);
            for (CompletableFuture<Attempt> send : started) {
                total = total.plus(send.join().counted());
            }
            if (room == 0 || started.size() < room) {
                break;
            }
        }
        return total;
    }

    /**
     * Conversation places reserved from the transport for a round: at most a batch, within the in-flight limit;
     * each is used by one claimed message or handed back.
     */
    private int room() {
        int wanted = Math.min(config.batchSize(), config.maxInFlight() - inFlight.get());
        return wanted <= 0 ? 0 : transport.reserve(wanted);
    }

    /** Claims up to {@code places} messages (places reserved by {@link #room()}) and starts each. */
    private List<CompletableFuture<Attempt>> dispatch(int places) {
        String owner = UUID.randomUUID().toString();
        List<Claimed> claimed;
        try {
            claimed = QuarkusTransaction.requiringNew().call(() -> claim(owner, places));
        } catch (RuntimeException e) {
            transport.giveBack(places);
            throw e;
        }
        transport.giveBack(places - claimed.size());
        List<CompletableFuture<Attempt>> started = new ArrayList<>(claimed.size());
        for (Claimed message : claimed) {
            inFlight.incrementAndGet();
            started.add(CompletableFuture.supplyAsync(() -> deliver(message, owner), sends));
        }
        return started;
    }

    /** A claimed message, read for sending: its template and model, or (queued before V10) its rendered bodies. */
    private record Claimed(UUID id, OutboxChannel channel, String messageId, String recipient, String subject,
            MailTemplate template, String model, String text, String html) {
    }

    /** How one try ended. */
    private record Attempt(UUID id, MailTransport.Outcome outcome) {

        BatchResult counted() {
            return switch (outcome.result()) {
                case SENT -> new BatchResult(1, 0);
                case NOT_TRIED, POSTPONED -> BatchResult.NOTHING;
                default -> new BatchResult(0, 1);
            };
        }
    }

    private List<Claimed> claim(String owner, int limit) {
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
                .setParameter("until", now.plus(lease))
                .setParameter("now", now)
                .setParameter("batch", limit)
                .executeUpdate();
        return em.createQuery("from OutboxMessage m where m.leaseOwner = :owner", OutboxMessage.class)
                .setParameter("owner", owner)
                .getResultStream()
                .map(m -> {
                    if (m.messageId == null) { // queued before V15
                        m.messageId = OutboxMessage.messageId(m.id, outbox.domain());
                    }
                    return new Claimed(m.id, m.channel, m.messageId, m.recipient, m.subject, m.template, m.model,
                            m.bodyText, m.bodyHtml);
                })
                .toList();
    }

    /**
     * Renders, sends and records one message, on its own virtual thread; once shutdown begins, a message not yet
     * started is handed back unsent.
     */
    private Attempt deliver(Claimed claimed, String owner) {
        try {
            Attempt[] attempt = {new Attempt(claimed.id(), MailTransport.Outcome.NOT_TRIED)};
            boolean ran = rounds.run(JOB, () -> {
                attempt[0] = new Attempt(claimed.id(), send(claimed));
                if (attempt[0].outcome().result() != MailTransport.Result.NOT_TRIED) {
                    QuarkusTransaction.requiringNew().run(() -> record(attempt[0]));
                }
            });
            // Not started (shutting down, no free conversation): handed back. A try whose outcome could not be
            // recorded (database down) keeps its claim until the lease ends.
            if (!ran && attempt[0].outcome().result() == MailTransport.Result.NOT_TRIED) {
                transport.giveBack(1); // shutting down before it started: its place was never used
            }
            if (attempt[0].outcome().result() == MailTransport.Result.NOT_TRIED) {
                QuarkusTransaction.requiringNew().run(() -> release(claimed.id(), owner));
            }
            return attempt[0];
        } catch (RuntimeException e) {
            LOG.warnf("Outbox message %s: outcome not recorded (%s); retried when its lease ends", claimed.id(),
                    SafeLog.describe(e));
            return new Attempt(claimed.id(), new MailTransport.Outcome(MailTransport.Result.RETRY,
                    rootCause(e).getClass().getSimpleName()));
        } finally {
            inFlight.decrementAndGet();
            if (moreDue) {
                wake();
            }
        }
    }

    private MailTransport.Outcome send(Claimed claimed) {
        if (rounds.stopping()) {
            transport.giveBack(1);
            return MailTransport.Outcome.NOT_TRIED;
        }
        MailTransport.Envelope envelope;
        try {
            envelope = envelope(claimed);
        } catch (RuntimeException e) {
            transport.giveBack(1);
            LOG.warnf("Outbox message %s not rendered: %s", claimed.id(), SafeLog.describe(e));
            return new MailTransport.Outcome(MailTransport.Result.RETRY, rootCause(e).getClass().getSimpleName());
        }
        if (claimed.channel() != OutboxChannel.EMAIL) {
            transport.giveBack(1); // the place reserved from the mail relay is not needed by another channel
        }
        MailTransport.Outcome outcome = channels.get(claimed.channel()).send(envelope);
        registry.counter("dsr.outbox.tries", "outcome", outcome.result().name().toLowerCase(Locale.ROOT)).increment();
        if (outcome.result() != MailTransport.Result.SENT && outcome.result() != MailTransport.Result.NOT_TRIED) {
            LOG.infof("Outbox message %s not delivered: %s (%s)", claimed.id(), outcome.result(), outcome.error());
        }
        return outcome;
    }

    /** The message as sent: rendered now, outside any transaction. */
    private MailTransport.Envelope envelope(Claimed claimed) {
        if (claimed.template() == null) {
            return new MailTransport.Envelope(claimed.id(), claimed.messageId(), claimed.recipient(),
                    claimed.subject(), claimed.text(), claimed.html());
        }
        MailRenderer.Rendered rendered = renderer.render(claimed.template(), claimed.model(), claimed.channel());
        return new MailTransport.Envelope(claimed.id(), claimed.messageId(), claimed.recipient(), claimed.subject(),
                rendered.text(), rendered.html());
    }

    private void record(Attempt attempt) {
        OutboxMessage current = em.find(OutboxMessage.class, attempt.id());
        Instant now = clock.instant();
        MailTransport.Outcome outcome = attempt.outcome();
        switch (outcome.result()) {
            case SENT -> current.delivered(now);
            case PERMANENT_FAILURE -> {
                current.refused(now, outcome.error());
                if (current.requestId != null) { // officers see on the case that the subject cannot be reached
                    unreachable.fire(new RequestEvents.SubjectUnreachable(current.requestId, current.channel.name(),
                            now));
                }
            }
            case POSTPONED -> {
                current.postpone(now, outcome.retryAfter());
                outbox.audited(AuditEventType.MAIL_POSTPONED, "system:outbox", current);
            }
            case AMBIGUOUS -> current.answerLost(now, outcome.error(), config);
            case RETRY -> {
                if (outcome.stalled()) {
                    current.attemptStalled(now, outcome.error(), config);
                } else {
                    current.attemptFailed(now, outcome.error(), config);
                }
            }
            default -> current.attemptFailed(now, outcome.error(), config);
        }
        if (outcome.result() == MailTransport.Result.PERMANENT_FAILURE) {
            outbox.audited(AuditEventType.MAIL_REFUSED, "system:outbox", current);
        } else if (current.status != OutboxMessage.Status.PENDING) {
            outbox.audited(current.status == OutboxMessage.Status.SENT ? AuditEventType.MAIL_DELIVERED
                    : AuditEventType.MAIL_FAILED, "system:outbox", current);
        }
        if (current.requestId != null && current.status != OutboxMessage.Status.PENDING) {
            outcomes.fire(new RequestEvents.MailOutcome(current.requestId, current.kind.name(),
                    current.status == OutboxMessage.Status.SENT, now));
        }
    }

    /** Hands back a claim that was not tried, so that it (or another replica) sends it without waiting for the lease. */
    private void release(UUID id, String owner) {
        em.createQuery("update OutboxMessage m set m.leaseOwner = null, m.leaseUntil = null"
                        + " where m.leaseOwner = :owner and m.id = :id")
                .setParameter("owner", owner)
                .setParameter("id", id)
                .executeUpdate();
        if (rounds.stopping()) {
            LOG.infof("Outbox: claimed message %s released at shutdown", id);
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        pump.shutdownNow();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
