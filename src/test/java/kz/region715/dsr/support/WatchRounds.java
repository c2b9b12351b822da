package kz.region715.dsr.support;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import kz.region715.dsr.platform.jobs.BatchResult;

/** Runs a watch the way several replicas would: two rounds at once, again and again. */
public final class WatchRounds {

    private WatchRounds() {
    }

    /**
     * Two rounds at once, round after round, until both find nothing. A round may lose a lock race (H2 reports the
     * concurrent insert of the same claim as a lock timeout, PostgreSQL's ON CONFLICT just skips it): its whole
     * round rolls back, claims and mails included, and the other round stands.
     */
    public static void twoAtOnceUntilQuiet(Callable<BatchResult> round) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int attempt = 0; attempt < 30; attempt++) {
                int claimed = 0;
                boolean bothCompleted = true;
                for (var result : pool.invokeAll(List.of(round, round))) {
                    try {
                        claimed += result.get().done();
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof jakarta.persistence.LockTimeoutException
                                || e.getCause() instanceof jakarta.persistence.PessimisticLockException)) {
                            throw new AssertionError("a round failed", e);
                        }
                        bothCompleted = false;
                    }
                }
                if (claimed == 0 && bothCompleted) {
                    return;
                }
            }
            throw new AssertionError("the rounds did not settle in 30 attempts");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
    }
}
