package kz.region715.dsr.platform.jobs;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import kz.region715.dsr.platform.problem.DatabaseOutage;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The one way a scheduled job runs a round. A database outage skips the round with one warning line (no stack
 * trace on every tick); once shutdown begins no round starts, and jobs that check {@link #stopping()} between
 * units of work hand back what they hold. Shutdown waits, for a bounded time, for running rounds to end, so that
 * none of them touches the container after it is gone.
 */
@ApplicationScoped
public class JobRounds {

    private static final Logger LOG = Logger.getLogger(JobRounds.class);
    /** The job of the round a log line comes from (a field of each JSON log line). */
    public static final String JOB_MDC_KEY = "job";

    private final JobsConfig config;
    private final Object lock = new Object();
    private volatile boolean stopping;
    private int running;

    JobRounds(JobsConfig config) {
        this.config = config;
    }

    /** Runs one round of {@code job} unless shutting down; false when the round did not run to its end. */
    public boolean run(String job, Runnable round) {
        synchronized (lock) {
            if (stopping) {
                return false;
            }
            running++;
        }
        MDC.put(JOB_MDC_KEY, job);
        try {
            round.run();
            return true;
        } catch (RuntimeException e) {
            if (!DatabaseOutage.in(e)) {
                throw e;
            }
            LOG.warnf("%s: database unavailable, round skipped", job);
            return false;
        } finally {
            MDC.remove(JOB_MDC_KEY);
            synchronized (lock) {
                running--;
                lock.notifyAll();
            }
        }
    }

    /** Whether shutdown has begun: a job stops taking work and releases what it claimed. */
    public boolean stopping() {
        return stopping;
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stop();
    }

    /** Takes no new rounds and waits (at most the configured time) for the running ones to hand back their work. */
    public void stop() {
        long deadline = System.nanoTime() + config.shutdownWait().toNanos();
        synchronized (lock) {
            stopping = true;
            while (running > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warnf("Shutdown: %d job rounds still running after %s; their leases will expire", running,
                            config.shutdownWait());
                    return;
                }
                try {
                    lock.wait(Math.max(1, Duration.ofNanos(left).toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Takes rounds again (tests that played a shutdown). */
    public void resume() {
        stopping = false;
    }
}
