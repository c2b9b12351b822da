package kz.region715.dsr.execution;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.region715.dsr.platform.audit.AuditEventType;
import kz.region715.dsr.platform.audit.AuditTrail;
import kz.region715.dsr.platform.problem.DatabaseOutage;
import kz.region715.dsr.request.RequestSnapshot;
import kz.region715.dsr.request.SubjectRequest;
import kz.region715.dsr.request.SubjectRequestRepository;
import org.jboss.logging.Logger;

/**
 * Who holds which execution: claims due executions (FOR UPDATE SKIP LOCKED where the database has it, and a lease
 * with expiry on every database), holds and renews the lease batch by batch, and hands it back when a try fails or
 * is cut short by shutdown.
 */
@ApplicationScoped
class ExecutionLeases {

    private static final Logger LOG = Logger.getLogger(ExecutionLeases.class);

    private final EntityManager em;
    private final SubjectRequestRepository requests;
    private final ExecutionConfig config;
    private final Clock clock;
    private final Event<ExecutionEvents.Failed> failed;
    private final AuditTrail audit;

    ExecutionLeases(EntityManager em, SubjectRequestRepository requests, ExecutionConfig config, Clock clock,
            Event<ExecutionEvents.Failed> failed, AuditTrail audit) {
        this.em = em;
        this.requests = requests;
        this.config = config;
        this.clock = clock;
        this.failed = failed;
        this.audit = audit;
    }

    /** Claims up to {@code limit} due executions for {@code worker}, in a transaction of its own; cases go EXECUTING. */
    List<UUID> claim(String worker, int limit) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Instant now = clock.instant();
                List<Execution> due = em.createQuery("from Execution e where e.status in :runnable"
                                + " and e.nextAttemptAt <= :now and (e.leaseUntil is null or e.leaseUntil < :now)"
                                + " order by e.nextAttemptAt, e.id", Execution.class)
                        .setParameter("runnable", List.of(Execution.Status.QUEUED, Execution.Status.RUNNING))
                        .setParameter("now", now)
                        .setMaxResults(limit)
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                        .getResultList();
                List<UUID> ids = new ArrayList<>();
                for (Execution execution : due) {
                    if (!execution.isClaimable(now)) {
                        continue; // changed while we waited for it (databases without SKIP LOCKED)
                    }
                    if (ExecutionLifecycle.claim(execution, requests.require(execution.requestId()), worker, now,
                            config.lease())) {
                        ids.add(execution.id());
                    }
                }
                return ids;
            });
        } catch (RuntimeException e) {
            if (DatabaseOutage.in(e)) {
                throw e;
            }
            // Another worker or an officer changed one of them at the same moment: next round.
            LOG.debugf("Execution claim by %s lost a race: %s", worker, e.getClass().getSimpleName());
            return List.of();
        }
    }

    /**
     * Whether some execution is due and free (an empty claim may have lost a race for it: on a database without
     * SKIP LOCKED, a claim that meets another's lock fails).
     */
    boolean anyDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            return !em.createQuery("select e.id from Execution e where e.status in :runnable"
                            + " and e.nextAttemptAt <= :now and (e.leaseUntil is null or e.leaseUntil < :now)",
                            UUID.class)
                    .setParameter("runnable", List.of(Execution.Status.QUEUED, Execution.Status.RUNNING))
                    .setParameter("now", now)
                    .setMaxResults(1).getResultList().isEmpty();
        });
    }

    /** The execution, locked, with its lease renewed, in the caller's transaction; null when the lease is lost. */
    Execution hold(UUID id, String worker, Instant now) {
        Execution execution = em.find(Execution.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (!execution.isHeldBy(worker, now)) {
            return null;
        }
        execution.renew(now, config.lease());
        return execution;
    }

    ExecutionWorker.RunResult attemptFailed(UUID id, String worker, String error) {
        Instant now = clock.instant();
        Execution execution = em.find(Execution.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (!execution.isHeldBy(worker, now)) {
            return ExecutionWorker.RunResult.LOST_LEASE;
        }
        SubjectRequest request = requests.require(execution.requestId());
        boolean outOfTries = ExecutionLifecycle.attemptFailed(execution, request, error, now, config.maxAttempts(),
                backoff(execution.attempts()));
        attemptRecorded(execution, request, error, outOfTries);
        if (!outOfTries) {
            return ExecutionWorker.RunResult.RETRY_LATER;
        }
        failed.fire(new ExecutionEvents.Failed(RequestSnapshot.of(request), execution.attempts(), error, now));
        LOG.warnf("Request %s: execution FAILED after %d tries (%s)", request.reference(), execution.attempts(), error);
        return ExecutionWorker.RunResult.FAILED;
    }

    /**
     * The try was cut by shutdown: it counts, and is in the trail, like a failed one, but it is due again at once
     * and never uses up the last try (a deployment is not a fault of the execution).
     */
    ExecutionWorker.RunResult interrupted(UUID id, String worker) {
        Instant now = clock.instant();
        Execution execution = em.find(Execution.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (!execution.isHeldBy(worker, now)) {
            return ExecutionWorker.RunResult.LOST_LEASE;
        }
        execution.interrupted(ExecutionWorker.INTERRUPTED_BY_SHUTDOWN, now);
        SubjectRequest request = requests.require(execution.requestId());
        attemptRecorded(execution, request, ExecutionWorker.INTERRUPTED_BY_SHUTDOWN, false);
        LOG.infof("Request %s: execution try %d interrupted by shutdown, released", request.reference(),
                execution.attempts());
        return ExecutionWorker.RunResult.INTERRUPTED;
    }

    private void attemptRecorded(Execution execution, SubjectRequest request, String error, boolean outOfTries) {
        audit.record(AuditEventType.EXECUTION_ATTEMPT_FAILED, ExecutionWorker.ACTOR, request.reference(),
                request.subjectKey(), AuditTrail.details("execution", execution.id(), "attempt", execution.attempts(),
                        "error", error, "nextAttemptAt", outOfTries ? null : execution.nextAttemptAt()));
    }

    private Duration backoff(int attempts) {
        Duration wait = config.initialBackoff().multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }
}
