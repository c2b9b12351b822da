package kz.region715.dsr.verification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.region715.dsr.platform.jobs.BatchResult;
import kz.region715.dsr.platform.jobs.JobRounds;
import kz.region715.dsr.platform.problem.DatabaseOutage;
import kz.region715.dsr.platform.problem.SafeLog;
import kz.region715.dsr.request.RequestEvents;
import kz.region715.dsr.request.SubjectRequest;
import kz.region715.dsr.request.SubjectRequestRepository;
import kz.region715.dsr.request.domain.RequestStatus;
import org.jboss.logging.Logger;

/**
 * Expires requests not verified in time and erases the personal data held
 * only for them. Each request is expired in its own transaction; with several
 * replicas, optimistic locking lets only one of them expire a given request.
 */
@ApplicationScoped
public class UnverifiedRequestExpiry {

    static final String ACTOR = "system:verification-expiry";
    private static final Logger LOG = Logger.getLogger(UnverifiedRequestExpiry.class);

    private final SubjectRequestRepository requests;
    private final VerificationService verification;
    private final VerificationConfig config;
    private final Clock clock;
    private final Event<RequestEvents.Expired> expired;
    private final JobRounds rounds;

    UnverifiedRequestExpiry(SubjectRequestRepository requests, VerificationService verification,
            VerificationConfig config, Clock clock, Event<RequestEvents.Expired> expired, JobRounds rounds) {
        this.requests = requests;
        this.verification = verification;
        this.config = config;
        this.clock = clock;
        this.expired = expired;
        this.rounds = rounds;
    }

    @Scheduled(identity = "unverified-request-expiry", every = "15m", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        rounds.run("Unverified request expiry", () -> {
            BatchResult result = run();
            if (result.done() > 0 || result.failed() > 0) {
                LOG.infof("Unverified request expiry: %d expired, %d failed", result.done(), result.failed());
            }
        });
    }

    /** Expires every request that is due now, batch by batch. */
    public BatchResult run() {
        Instant cutoff = clock.instant().minus(config.unverifiedRequestExpiry());
        Set<UUID> failedIds = new HashSet<>();
        BatchResult total = BatchResult.NOTHING;
        while (true) {
            List<UUID> ids = QuarkusTransaction.requiringNew().call(
                    () -> requests.unverifiedFiledBefore(cutoff, config.expiryBatchSize() + failedIds.size()));
            ids.removeAll(failedIds);
            if (ids.isEmpty()) {
                return total;
            }
            for (UUID id : ids) {
                try {
                    boolean done = QuarkusTransaction.requiringNew().call(() -> expire(id));
                    total = total.plus(new BatchResult(done ? 1 : 0, 0));
                } catch (RuntimeException e) {
                    if (DatabaseOutage.in(e)) {
                        throw e; // the whole round is skipped, not each request in it
                    }
                    // Another replica may have expired it first; anything else is retried on the next run.
                    failedIds.add(id);
                    total = total.plus(new BatchResult(0, 1));
                    LOG.warnf("Could not expire request %s: %s", id, SafeLog.describe(e));
                }
            }
        }
    }

    private boolean expire(UUID id) {
        SubjectRequest request = requests.lookup(id).orElse(null);
        if (request == null || request.status() != RequestStatus.PENDING_VERIFICATION) {
            return false;
        }
        Instant now = clock.instant();
        request.expire(now, ACTOR);
        verification.forget(id);
        expired.fire(new RequestEvents.Expired(id, request.reference(), now));
        LOG.infof("Request %s expired unverified; its personal data is erased", request.reference());
        return true;
    }
}
