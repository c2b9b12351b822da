package kz.region715.dsr.request;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import kz.region715.dsr.platform.audit.AuditEventType;
import kz.region715.dsr.platform.audit.AuditTrail;
import kz.region715.dsr.platform.jobs.JobRounds;
import org.jboss.logging.Logger;

/**
 * The service's own copies (policy 5.2): once a request is closed and its
 * retention is over, the personal data in it is reduced to what proof of
 * handling needs. Batch by batch, each in its own transaction; rows another
 * replica holds are skipped, and reducing twice changes nothing.
 */
@ApplicationScoped
public class RequestRetention {

    private static final Logger LOG = Logger.getLogger(RequestRetention.class);
    private static final int MAX_BATCHES = 1000;

    private final EntityManager em;
    private final RequestConfig config;
    private final Clock clock;
    private final Event<RequestEvents.Reduced> reduced;
    private final AuditTrail audit;
    private final JobRounds rounds;

    RequestRetention(EntityManager em, RequestConfig config, Clock clock, Event<RequestEvents.Reduced> reduced,
            AuditTrail audit, JobRounds rounds) {
        this.em = em;
        this.config = config;
        this.clock = clock;
        this.reduced = reduced;
        this.audit = audit;
        this.rounds = rounds;
    }

    @Scheduled(identity = "request-retention", every = "6h", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        rounds.run("Request retention", () -> {
            int count = run();
            if (count > 0) {
                LOG.infof("Request retention: %d closed requests reduced to proof of handling", count);
            }
        });
    }

    /** Reduces every closed request whose retention has ended; returns how many. */
    public int run() {
        int total = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            Instant now = clock.instant();
            Instant cutoff = now.minus(config.retentionAfterClosure());
            int count = QuarkusTransaction.requiringNew().call(() -> {
                List<SubjectRequest> due = em.createQuery("from SubjectRequest r where r.closedAt < :cutoff"
                                + " and r.personalDataErasedAt is null order by r.closedAt, r.id", SubjectRequest.class)
                        .setParameter("cutoff", cutoff)
                        .setMaxResults(config.reductionBatchSize())
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                        .getResultList();
                for (SubjectRequest request : due) {
                    request.reduceToProof(now);
                    reduced.fire(new RequestEvents.Reduced(request.id(), now));
                }
                if (!due.isEmpty()) {
                    audit.record(AuditEventType.REQUEST_RETENTION_RUN, "system:request-retention", null, null,
                            AuditTrail.details("requestsReduced", due.size(), "closedBefore", cutoff));
                }
                return due.size();
            });
            total += count;
            if (count == 0) {
                break;
            }
        }
        return total;
    }
}
