package kz.region715.dsr.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import kz.region715.dsr.casework.CaseEvents;
import kz.region715.dsr.lead.Erasure;
import kz.region715.dsr.lead.Lead;
import kz.region715.dsr.lead.LeadActions;
import kz.region715.dsr.lead.LeadView;
import kz.region715.dsr.platform.audit.AuditTrail;
import kz.region715.dsr.platform.jobs.JobRounds;
import kz.region715.dsr.platform.problem.DatabaseOutage;
import kz.region715.dsr.platform.problem.SafeLog;
import kz.region715.dsr.request.RequestSnapshot;
import kz.region715.dsr.request.SubjectRequest;
import kz.region715.dsr.request.SubjectRequestRepository;
import kz.region715.dsr.request.domain.CorrectableField;
import kz.region715.dsr.request.domain.RequestStatus;
import kz.region715.dsr.request.domain.RequestType;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Carries out approved requests. A worker claims due executions (FOR UPDATE
 * SKIP LOCKED where the database has it, and a lease with expiry on every
 * database), then works through the subject's leads batch by batch, each
 * batch in its own transaction together with the items that record it and a
 * renewal of the lease. A worker that loses its lease stops; one that dies
 * lets the lease run out, and the next one continues after the last committed
 * batch. A failed try is retried with backoff; when the tries are used up the
 * case is FAILED, for an officer to retry.
 */
@ApplicationScoped
public class ExecutionWorker {

    private static final Logger LOG = Logger.getLogger(ExecutionWorker.class);
    static final String ACTOR = "system:execution";
    private static final int MAX_ROUNDS = 100;
    static final String INTERRUPTED_BY_SHUTDOWN = "InterruptedByShutdown";
    static final String DATABASE_UNAVAILABLE = "DatabaseUnavailable";

    /** How a run of one execution ended. */
    enum RunResult { COMPLETED, RETRY_LATER, FAILED, LOST_LEASE, INTERRUPTED }

    private final String workerId = "worker-" + UUID.randomUUID().toString().substring(0, 8);
    private final Set<UUID> cutByOutage = ConcurrentHashMap.newKeySet();
    private final EntityManager em;
    private final SubjectRequestRepository requests;
    private final LeadActions actions;
    private final Erasure erasure;
    private final AccessPackages packages;
    private final ExecutionConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final Event<ExecutionEvents.Completed> completed;
    private final Event<ExecutionEvents.Failed> failed;
    private final Event<ExecutionEvents.RecipientToNotify> recipientToNotify;
    private final Event<CaseEvents.Closed> closed;
    private final AuditTrail audit;
    private final JobRounds rounds;

    ExecutionWorker(EntityManager em, SubjectRequestRepository requests, LeadActions actions, Erasure erasure,
            AccessPackages packages, ExecutionConfig config, ObjectMapper json, Clock clock,
            Event<ExecutionEvents.Completed> completed, Event<ExecutionEvents.Failed> failed,
            Event<ExecutionEvents.RecipientToNotify> recipientToNotify, Event<CaseEvents.Closed> closed,
            AuditTrail audit, JobRounds rounds) {
        this.em = em;
        this.requests = requests;
        this.actions = actions;
        this.erasure = erasure;
        this.packages = packages;
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.completed = completed;
        this.failed = failed;
        this.recipientToNotify = recipientToNotify;
        this.closed = closed;
        this.audit = audit;
        this.rounds = rounds;
    }

    @Scheduled(identity = "execution-worker", every = "${dsr.execution.poll-interval:10s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        rounds.run("Execution worker", () -> {
            recordTriesCutByOutage(workerId);
            int done = runDue(workerId);
            if (done > 0) {
                LOG.infof("Execution worker %s: %d executions run", workerId, done);
            }
        });
    }

    /**
     * Tries that a database outage cut while this worker held them: once the database answers again, each is
     * recorded as a failed try (audited, backoff) and released, so that it is retried soon instead of waiting for
     * its lease to run out. Still down: the round is skipped and they wait for the next one.
     */
    void recordTriesCutByOutage(String worker) {
        for (UUID id : List.copyOf(cutByOutage)) {
            QuarkusTransaction.requiringNew().call(() -> attemptFailed(id, worker, DATABASE_UNAVAILABLE));
            cutByOutage.remove(id);
        }
    }

    /** Claims and runs due executions until none is left or shutdown begins; returns how many runs ended. */
    public int runDue(String worker) {
        int runs = 0;
        for (int round = 0; round < MAX_ROUNDS && !rounds.stopping(); round++) {
            List<UUID> claimed = claim(worker);
            if (claimed.isEmpty()) {
                break;
            }
            for (UUID id : claimed) {
                run(id, worker, Integer.MAX_VALUE);
                runs++;
            }
        }
        return runs;
    }

    /** Claims up to claim-size due executions for {@code worker}; the cases move to EXECUTING. */
    List<UUID> claim(String worker) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Instant now = clock.instant();
                List<Execution> due = em.createQuery("from Execution e where e.status in :runnable"
                                + " and e.nextAttemptAt <= :now and (e.leaseUntil is null or e.leaseUntil < :now)"
                                + " order by e.nextAttemptAt, e.id", Execution.class)
                        .setParameter("runnable", List.of(Execution.Status.QUEUED, Execution.Status.RUNNING))
                        .setParameter("now", now)
                        .setMaxResults(config.claimSize())
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                        .getResultList();
                List<UUID> ids = new ArrayList<>();
                for (Execution execution : due) {
                    if (!execution.isClaimable(now)) {
                        continue; // changed while we waited for it (databases without SKIP LOCKED)
                    }
                    SubjectRequest request = requests.findById(execution.requestId());
                    if (request.status() == RequestStatus.CANCELLED) {
                        execution.cancel(now);
                        continue;
                    }
                    execution.claim(worker, now, config.lease());
                    request.startExecution(now);
                    ids.add(execution.id());
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
     * Runs one claimed execution to its end, or for at most {@code maxBatches}
     * batches; stopping there without a word is how tests play a worker that dies.
     * At shutdown it stops between batches, records the try as interrupted and
     * releases the execution, so that another replica continues at once.
     */
    RunResult run(UUID id, String worker, int maxBatches) {
        MDC.put("execution", id.toString());
        try {
            for (int batch = 0; ; batch++) {
                if (batch >= maxBatches) {
                    return RunResult.INTERRUPTED;
                }
                if (rounds.stopping()) {
                    return QuarkusTransaction.requiringNew().call(() -> interrupted(id, worker));
                }
                Boolean more = QuarkusTransaction.requiringNew().call(() -> step(id, worker));
                if (more == null) {
                    return RunResult.LOST_LEASE;
                }
                if (!more) {
                    break;
                }
            }
            Boolean finished = QuarkusTransaction.requiringNew().call(() -> finish(id, worker));
            return finished ? RunResult.COMPLETED : RunResult.LOST_LEASE;
        } catch (RuntimeException e) {
            if (DatabaseOutage.in(e)) {
                cutByOutage.add(id); // nothing can be recorded now: the first round after the outage does it
                throw e;
            }
            String error = errorOf(e);
            LOG.warnf("Execution %s failed a try: %s", id, SafeLog.describe(e));
            return QuarkusTransaction.requiringNew().call(() -> attemptFailed(id, worker, error));
        } finally {
            MDC.remove("execution");
        }
    }

    /** One batch of leads; true when there may be more, false when done, null when the lease is lost. */
    private Boolean step(UUID id, String worker) {
        Instant now = clock.instant();
        Execution execution = em.find(Execution.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (!execution.isHeldBy(worker, now)) {
            return null;
        }
        execution.renew(now, config.lease());
        if (execution.type() == RequestType.ACCESS) {
            return false; // nothing to change; the package is built at the end
        }
        SubjectRequest request = requests.findById(execution.requestId());
        ExecutionPlan plan = plan(execution);
        List<Lead> batch = nextBatch(execution, request, plan);
        Map<UUID, List<LeadView.DisclosureView>> disclosures = execution.type() == RequestType.DELETION
                || execution.type() == RequestType.WITHDRAWAL
                ? actions.disclosures(batch.stream().map(Lead::id).toList()) : Map.of();
        for (Lead lead : batch) {
            em.persist(apply(execution, plan, lead, disclosures.getOrDefault(lead.id(), List.of()),
                    new LeadActions.By(ACTOR, request.reference()), now));
        }
        return batch.size() == config.batchSize();
    }

    private ExecutionItem apply(Execution execution, ExecutionPlan plan, Lead lead,
            List<LeadView.DisclosureView> disclosures, LeadActions.By by, Instant now) {
        return switch (execution.type()) {
            case CORRECTION -> {
                Set<CorrectableField> changed = actions.correct(lead, plan.corrections(), by);
                yield item(execution, lead, ExecutionItem.Outcome.CORRECTED,
                        changed.stream().map(Enum::name).collect(Collectors.joining(",")), now);
            }
            case RESTRICTION -> actions.restrict(lead, plan.restrictionReason(), now, by)
                    ? item(execution, lead, ExecutionItem.Outcome.RESTRICTED, null, now)
                    : item(execution, lead, ExecutionItem.Outcome.ALREADY_RESTRICTED, null, now);
            case WITHDRAWAL -> {
                Set<String> purposes = plan.withdrawnPurposes() == null ? null
                        : plan.withdrawnPurposes().stream().map(Enum::name).collect(Collectors.toSet());
                if (actions.withdrawConsent(lead, purposes, now, by)) {
                    yield erase(execution, lead, disclosures, by, now);
                }
                yield item(execution, lead, ExecutionItem.Outcome.CONSENT_NARROWED, String.join(",", purposes), now);
            }
            case DELETION -> erase(execution, lead, disclosures, by, now);
            case ACCESS -> throw new IllegalStateException("ACCESS changes no lead");
        };
    }

    /** Erases the lead by the configured strategy; recipients it was disclosed to are to be told, once. */
    private ExecutionItem erase(Execution execution, Lead lead, List<LeadView.DisclosureView> disclosures,
            LeadActions.By by, Instant now) {
        String name = lead.name();
        String email = lead.email();
        String phone = lead.phone();
        ExecutionItem item = switch (erasure.erase(lead, now, by.actor(), by.requestRef())) {
            case KEPT_LEGAL_HOLD -> item(execution, lead, ExecutionItem.Outcome.KEPT_LEGAL_HOLD,
                    lead.legalHoldReason(), now);
            case DELETED -> item(execution, lead, ExecutionItem.Outcome.DELETED, null, now);
            case ANONYMISED, ALREADY_ERASED -> item(execution, lead, ExecutionItem.Outcome.ANONYMISED, null, now);
        };
        if (item.outcome == ExecutionItem.Outcome.KEPT_LEGAL_HOLD) {
            return item;
        }
        for (LeadView.DisclosureView disclosure : disclosures) {
            if (disclosure.recipientEmail() != null) {
                em.persist(new ErasureNotice(execution.id(), disclosure.id(), disclosure.recipient(),
                        disclosure.recipientEmail(), disclosure.disclosedOn(), disclosure.purpose(), name, email, phone,
                        now));
            }
        }
        return item;
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
            audit.record("RECIPIENT_NOTIFIED", ACTOR, reference, null, AuditTrail.details("recipientHash",
                    actions.recipientKey(notices.getFirst().recipient), "disclosures", notices.size()));
        });
    }

    private static ExecutionItem item(Execution execution, Lead lead, ExecutionItem.Outcome outcome, String detail,
            Instant now) {
        return new ExecutionItem(execution.id(), lead.id(), outcome, lead.source(), lead.receivedAt(), detail, now);
    }

    /**
     * The next leads of the subject this execution has not handled: found by
     * the verified e-mail, and by the phone once an officer confirmed it, minus
     * the leads an officer excluded; locked, and a lead someone else holds
     * fails this try at once (NOWAIT) rather than stalling the worker.
     */
    private List<Lead> nextBatch(Execution execution, SubjectRequest request, ExecutionPlan plan) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String keys = subjectKeys(request, parameters);
        if (keys == null) {
            return List.of();
        }
        StringBuilder jpql = new StringBuilder("from Lead l where (").append(keys).append(")");
        if (plan.sources() != null) {
            jpql.append(" and l.source in :sources");
            parameters.put("sources", plan.sources());
        }
        jpql.append(" and not exists (select 1 from ExecutionItem i where i.executionId = :execution"
                + " and i.leadId = l.id)");
        parameters.put("execution", execution.id());
        jpql.append(" and not exists (select 1 from MatchExclusion x where x.requestId = :request and x.leadId = l.id)");
        parameters.put("request", request.id());
        jpql.append(" order by l.id");
        TypedQuery<Lead> query = em.createQuery(jpql.toString(), Lead.class)
                .setMaxResults(config.batchSize())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", 0); // NOWAIT
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    /** The condition matching the subject's leads, or null when the request no longer identifies anyone. */
    String subjectKeys(SubjectRequest request, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (request.subjectKey() != null) {
            conditions.add("l.emailKey = :emailKey");
            parameters.put("emailKey", request.subjectKey());
        }
        if (request.phone() != null && request.phoneConfirmedAt() != null) {
            conditions.add("l.phoneKey = :phoneKey");
            parameters.put("phoneKey", actions.phoneKey(request.phone()));
        }
        return conditions.isEmpty() ? null : String.join(" or ", conditions);
    }

    /** The end: the access package, the summary, COMPLETED, the completion e-mail. False when the lease is lost. */
    private boolean finish(UUID id, String worker) {
        Instant now = clock.instant();
        Execution execution = em.find(Execution.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (!execution.isHeldBy(worker, now)) {
            return false;
        }
        SubjectRequest request = requests.findById(execution.requestId());
        AccessPackages.Issued issued = null;
        if (execution.type() == RequestType.ACCESS) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            issued = packages.issue(request, subjectKeys(request, parameters), parameters, now);
        }
        notifyRecipients(execution, request.reference(), now);
        ExecutionSummary summary = summarise(execution);
        execution.done(now);
        request.completeExecution(summary.note(), now);
        RequestSnapshot snapshot = RequestSnapshot.of(request);
        completed.fire(new ExecutionEvents.Completed(snapshot, summary, issued == null ? null : issued.token(),
                issued == null ? null : issued.expiresAt(), now));
        closed.fire(new CaseEvents.Closed(snapshot, request.status().name(),
                Duration.between(request.receivedAt(), now)));
        LOG.infof("Request %s executed: %s", request.reference(), summary.note());
        return true;
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

    private RunResult attemptFailed(UUID id, String worker, String error) {
        Instant now = clock.instant();
        Execution execution = em.find(Execution.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (!execution.isHeldBy(worker, now)) {
            return RunResult.LOST_LEASE;
        }
        boolean outOfTries = execution.attemptFailed(error, now, config.maxAttempts(), backoff(execution.attempts()));
        SubjectRequest request = attemptRecorded(execution, error, outOfTries);
        if (!outOfTries) {
            return RunResult.RETRY_LATER;
        }
        request.failExecution(error, now);
        failed.fire(new ExecutionEvents.Failed(RequestSnapshot.of(request), execution.attempts(), error, now));
        LOG.warnf("Request %s: execution FAILED after %d tries (%s)", request.reference(), execution.attempts(), error);
        return RunResult.FAILED;
    }

    /**
     * The try was cut by shutdown: it counts, and is in the trail, like a failed one, but it is due again at once
     * and never uses up the last try (a deployment is not a fault of the execution).
     */
    private RunResult interrupted(UUID id, String worker) {
        Instant now = clock.instant();
        Execution execution = em.find(Execution.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (!execution.isHeldBy(worker, now)) {
            return RunResult.LOST_LEASE;
        }
        execution.interrupted(INTERRUPTED_BY_SHUTDOWN, now);
        SubjectRequest request = attemptRecorded(execution, INTERRUPTED_BY_SHUTDOWN, false);
        LOG.infof("Request %s: execution try %d interrupted by shutdown, released", request.reference(),
                execution.attempts());
        return RunResult.INTERRUPTED;
    }

    private SubjectRequest attemptRecorded(Execution execution, String error, boolean outOfTries) {
        SubjectRequest request = requests.findById(execution.requestId());
        audit.record("EXECUTION_ATTEMPT_FAILED", ACTOR, request.reference(), request.subjectKey(),
                AuditTrail.details("execution", execution.id(), "attempt", execution.attempts(), "error", error,
                        "nextAttemptAt", outOfTries ? null : execution.nextAttemptAt()));
        return request;
    }

    private Duration backoff(int attempts) {
        Duration wait = config.initialBackoff().multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }

    private ExecutionPlan plan(Execution execution) {
        try {
            return json.readValue(execution.plan(), ExecutionPlan.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored execution plan is unreadable", e);
        }
    }

    /** The exception chain as class names: what went wrong, without any message that could carry personal data. */
    static String errorOf(Throwable error) {
        List<String> names = new ArrayList<>();
        for (Throwable t = error; t != null && names.size() < 4; t = t.getCause() == t ? null : t.getCause()) {
            names.add(t.getClass().getSimpleName());
        }
        return String.join(" <- ", names);
    }
}
