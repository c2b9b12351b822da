package kz.region715.dsr.execution;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import kz.region715.dsr.platform.jobs.JobRounds;
import kz.region715.dsr.platform.problem.DatabaseOutage;
import kz.region715.dsr.platform.problem.SafeLog;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Carries out approved requests: the scheduled driver. Each round runs up to {@code dsr.execution.parallelism}
 * executions at once, each on a thread of its own that claims one due execution ({@link ExecutionLeases}), works
 * through the subject's leads batch by batch ({@link ExecutionSteps}), each batch in its own transaction with the
 * items that record it and a renewal of the lease, and claims the next. A worker that loses its lease stops; one
 * that dies lets the lease run out, and the next one continues after the last committed batch. A failed try is
 * retried with backoff; when the tries are used up the case is FAILED, for an officer to retry. Every replica runs
 * the same driver.
 */
@ApplicationScoped
public class ExecutionWorker {

    private static final Logger LOG = Logger.getLogger(ExecutionWorker.class);
    static final String ACTOR = "system:execution";
    private static final int MAX_ROUNDS = 100;
    private static final Duration CLAIM_RACE_PAUSE = Duration.ofMillis(50);
    static final String INTERRUPTED_BY_SHUTDOWN = "InterruptedByShutdown";
    static final String DATABASE_UNAVAILABLE = "DatabaseUnavailable";

    /** How a run of one execution, or one step of it, ended. */
    enum RunResult {
        /** A batch is done and there may be more (a step only). */
        MORE,
        COMPLETED, RETRY_LATER, FAILED, LOST_LEASE, INTERRUPTED
    }

    private final String workerId = "worker-" + UUID.randomUUID().toString().substring(0, 8);
    private final Set<UUID> cutByOutage = ConcurrentHashMap.newKeySet();
    private final ExecutionLeases leases;
    private final ExecutionSteps steps;
    private final ExecutionConfig config;
    private final JobRounds rounds;

    ExecutionWorker(ExecutionLeases leases, ExecutionSteps steps, ExecutionConfig config, JobRounds rounds) {
        this.leases = leases;
        this.steps = steps;
        this.config = config;
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
            QuarkusTransaction.requiringNew().call(() -> leases.attemptFailed(id, worker, DATABASE_UNAVAILABLE));
            cutByOutage.remove(id);
        }
    }

    /**
     * Claims and runs due executions, up to {@code parallelism} at once, until none is left or shutdown begins;
     * returns how many runs ended. Returns when every run has ended or handed its execution back; a database outage
     * is thrown once they have.
     */
    public int runDue(String worker) {
        if (!leases.anyDue()) {
            return 0; // the usual round: no lanes started for nothing
        }
        int parallelism = config.parallelism();
        AtomicInteger runs = new AtomicInteger();
        List<Future<?>> lanes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(parallelism,
                Thread.ofPlatform().name("execution-" + worker + "-", 1).factory())) {
            for (int lane = 0; lane < parallelism; lane++) {
                lanes.add(pool.submit(() -> drain(worker, runs)));
            }
        } // waits for every lane
        for (Future<?> lane : lanes) {
            try {
                lane.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return runs.get();
    }

    /**
     * One lane: claims one execution at a time and runs it to its end, until none is due. A claim that lost a race
     * to another lane (or replica) is tried again after a short pause while executions are still due.
     */
    private void drain(String worker, AtomicInteger runs) {
        for (int round = 0; round < MAX_ROUNDS && !rounds.stopping(); round++) {
            List<UUID> claimed = leases.claim(worker, 1);
            if (claimed.isEmpty()) {
                if (!leases.anyDue()) {
                    return;
                }
                pause();
                continue;
            }
            run(claimed.getFirst(), worker, Integer.MAX_VALUE);
            runs.incrementAndGet();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(CLAIM_RACE_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Claims up to claim-size due executions for {@code worker}; the cases move to EXECUTING. */
    List<UUID> claim(String worker) {
        return leases.claim(worker, config.claimSize());
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
                    return QuarkusTransaction.requiringNew().call(() -> leases.interrupted(id, worker));
                }
                RunResult step = QuarkusTransaction.requiringNew().call(() -> steps.step(id, worker));
                if (step != RunResult.MORE) {
                    if (step != RunResult.COMPLETED) {
                        return step;
                    }
                    break;
                }
            }
            return QuarkusTransaction.requiringNew().call(() -> steps.finish(id, worker));
        } catch (RuntimeException e) {
            if (DatabaseOutage.in(e)) {
                cutByOutage.add(id); // nothing can be recorded now: the first round after the outage does it
                throw e;
            }
            String error = errorOf(e);
            LOG.warnf("Execution %s failed a try: %s", id, SafeLog.describe(e));
            return QuarkusTransaction.requiringNew().call(() -> leases.attemptFailed(id, worker, error));
        } finally {
            MDC.remove("execution");
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
