package kz.region715.dsr.lead;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import kz.region715.dsr.platform.audit.AuditEventType;
import kz.region715.dsr.platform.audit.AuditTrail;
import kz.region715.dsr.platform.jobs.BatchResult;
import kz.region715.dsr.platform.jobs.JobRounds;
import org.jboss.logging.Logger;

/**
 * Storage ends when the purpose is achieved (Law 94-V Art. 12(2); policy 5.1,
 * 5.2): leads past their retention deadline are erased, and IP addresses older
 * than the IP retention are cleared. Batch by batch, each in its own
 * transaction, so a run that dies resumes where it stopped; rows another
 * replica is working on are skipped (FOR UPDATE SKIP LOCKED where the database
 * has it), and erasing twice does nothing.
 */
@ApplicationScoped
public class LeadRetention {

    private static final Logger LOG = Logger.getLogger(LeadRetention.class);
    private static final int MAX_BATCHES = 1000;
    static final String ACTOR = "system:lead-retention";

    private final EntityManager em;
    private final Erasure erasure;
    private final LeadConfig config;
    private final Clock clock;
    private final AuditTrail audit;
    private final JobRounds rounds;

    LeadRetention(EntityManager em, Erasure erasure, LeadConfig config, Clock clock, AuditTrail audit, JobRounds rounds) {
        this.em = em;
        this.erasure = erasure;
        this.config = config;
        this.clock = clock;
        this.audit = audit;
        this.rounds = rounds;
    }

    @Scheduled(identity = "lead-retention", every = "1h", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        rounds.run("Lead retention", () -> {
            BatchResult erased = eraseExpired();
            int ips = clearOldIpAddresses();

            if (erased.done() > 0 || ips > 0) {
                LOG.infof("Lead retention: %d leads erased, %d IP addresses cleared", erased.done(), ips);
            }
        });
    }

    /** Erases every lead past its retention deadline and not under legal hold. */
    public BatchResult eraseExpired() {
        BatchResult total = BatchResult.NOTHING;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            Instant now = clock.instant();
            BatchResult result = QuarkusTransaction.requiringNew().call(() -> {
                List<Lead> due = em.createQuery("from Lead l where l.retentionUntil < :now and l.anonymisedAt is null"
                                + " and (l.legalHoldReason is null or l.legalHoldUntil < :now)"
                                + " order by l.retentionUntil, l.id", Lead.class)
                        .setParameter("now", now)
                        .setMaxResults(config.retentionBatchSize())
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                        .getResultList();
                int erased = 0;
                for (Lead lead : due) {
                    Erasure.Outcome outcome = erasure.erase(lead, now, ACTOR, null);
                    if (outcome == Erasure.Outcome.ANONYMISED || outcome == Erasure.Outcome.DELETED) {
                        erased++;
                    }
                }
                return new BatchResult(erased, 0);
            });
            total = total.plus(result);
            if (result.done() == 0) {
                break;
            }
        }
        BatchResult run = total;
        QuarkusTransaction.requiringNew().run(() -> audit.record(AuditEventType.RETENTION_RUN, ACTOR, null, null,
                AuditTrail.details("leadsErased", run.done())));
        return total;
    }

    /** Clears IP addresses of leads received before the IP retention; returns how many. */
    public int clearOldIpAddresses() {
        int cleared = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            Instant now = clock.instant();
            Instant cutoff = now.minus(config.ipRetention());
            int count = QuarkusTransaction.requiringNew().call(() -> {
                int updated = em.createNativeQuery("""
                    update lead set ip_address = null, version = version + 1
                     where id in (select id from lead
                                   where ip_address is not null and received_at < ?1
                                     and (legal_hold_reason is null or legal_hold_until < ?2)
                                   order by received_at limit ?3)
                       and ip_address is not null""")
                    .setParameter(1, cutoff)
                    .setParameter(2, now)
                    .setParameter(3, config.retentionBatchSize())
                    .executeUpdate();
                if (updated > 0) {
                    audit.record(AuditEventType.IP_ADDRESSES_CLEARED, ACTOR, null, null,
                            AuditTrail.details("leads", updated, "receivedBefore", cutoff));
                }
                return updated;
            });
            cleared += count;
            if (count == 0) {
                break;
            }
        }
        return cleared;
    }
}
