package kz.region715.dsr.breach;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import java.time.Clock;
import java.time.Instant;
import kz.region715.dsr.breach.domain.BreachStatus;
import kz.region715.dsr.platform.audit.AuditEventType;
import kz.region715.dsr.platform.audit.AuditTrail;
import kz.region715.dsr.platform.jobs.JobRounds;
import org.jboss.logging.Logger;

/**
 * Queues a breach's subject notices in rounds of {@code dsr.breach.notice-round-size} people, each round one
 * transaction (the people's claims in breach_notice, their outbox rows and audit events, and the round's progress in
 * breach_notice_round). The officer's call starts the rounds and works the first one; a set that fits in it is done
 * there. The rest is worked by this job on any replica: a round holds its breach's breach_notice_round row locked
 * (SKIP LOCKED), so one replica works a breach at a time, and a round cut by a crash rolls back and is done again
 * from the last committed person; the claims make a repeat queue nothing. The last round moves the breach to
 * SUBJECTS_NOTIFIED with the counts.
 */
@ApplicationScoped
public class SubjectNoticeRounds {

    private static final Logger LOG = Logger.getLogger(SubjectNoticeRounds.class);

    private final BreachSubjects subjects;
    private final SubjectNotices notices;
    private final BreachConfig config;
    private final AuditTrail audit;
    private final EntityManager em;
    private final Clock clock;
    private final JobRounds jobs;

    SubjectNoticeRounds(BreachSubjects subjects, SubjectNotices notices, BreachConfig config, AuditTrail audit,
            EntityManager em, Clock clock, JobRounds jobs) {
        this.subjects = subjects;
        this.notices = notices;
        this.config = config;
        this.audit = audit;
        this.em = em;
        this.clock = clock;
        this.jobs = jobs;
    }

    /**
     * Starts the breach's notices in the caller's transaction, which holds the breach locked (the officer's call),
     * and works the first round; true when that was the last (the breach is SUBJECTS_NOTIFIED).
     */
    boolean start(Breach breach, String actor, Instant now) {
        return work(breach, subjects.startRounds(breach.id(), actor, now), true, now);
    }

    @Scheduled(identity = "breach-notice-rounds", every = "${dsr.breach.notice-interval}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        jobs.run("Breach notices", () -> {
            int rounds = workAll();
            if (rounds > 0) {
                LOG.infof("Breach notices: %d rounds queued", rounds);
            }
        });
    }

    /** Works rounds, each in its own transaction, until no breach has notices left to queue or shutdown begins. */
    public int workAll() {
        int rounds = 0;
        try {
            while (!jobs.stopping() && QuarkusTransaction.requiringNew().call(this::nextRound)) {
                rounds++;
            }
        } catch (RuntimeException e) {
            if (!lockConflict(e)) {
                throw e;
            }
            // A database without SKIP LOCKED: another replica's round held the row past the lock timeout.
            LOG.debugf("Breach notices: a round is held elsewhere (%s); next tick", e.getClass().getSimpleName());
        }
        return rounds;
    }

    private static boolean lockConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PessimisticLockException || t instanceof LockTimeoutException
                    || t instanceof org.hibernate.PessimisticLockException) {
                return true;
            }
        }
        return false;
    }

    /** One round of the oldest breach with notices left that no other replica is working; false when none. */
    boolean nextRound() {
        BreachSubjects.Round round = subjects.lockOpenRound();
        if (round == null) {
            return false;
        }
        Breach breach = em.find(Breach.class, round.breachId());
        Instant now = clock.instant();
        if (breach.status() != BreachStatus.AUTHORITY_NOTIFIED) {
            // Finished by a round that held the row before us (a database without SKIP LOCKED).
            subjects.roundDone(breach.id(), round.afterKey(), now);
            return true;
        }
        work(breach, round, false, now);
        return true;
    }

    /**
     * One round of {@code breach}'s notices in the caller's transaction; true when it was the last. {@code locked}:
     * the caller holds the breach locked with a new version (the officer's call).
     */
    private boolean work(Breach breach, BreachSubjects.Round round, boolean locked, Instant now) {
        SubjectNotices.Step step = notices.round(breach, round.afterKey(), config.noticeRoundSize(), now);
        subjects.roundDone(breach.id(), step.afterKey(), step.last() ? now : null);
        LOG.debugf("Breach %s: notice round %d queued%s", breach.reference(), round.rounds() + 1,
                step.last() ? " (the last)" : "");
        if (!step.last()) {
            return false;
        }
        if (!locked) {
            em.lock(breach, LockModeType.PESSIMISTIC_FORCE_INCREMENT); // a new ETag, as every change of status
        }
        var from = breach.status();
        SubjectNotices.Outcome outcome = notices.outcome(breach.id());
        breach.recordSubjectNotices(outcome.notified(), outcome.unreachable(), now);
        audit.record(AuditEventType.BREACH_SUBJECTS_NOTIFIED, round.startedBy(), breach.reference(), null,
                AuditTrail.details("fromStatus", from, "toStatus", breach.status(), "people",
                        breach.affectedPeople(), "notified", outcome.notified(), "unreachable",
                        outcome.unreachable(), "rounds", round.rounds() + 1, "startedAt", round.startedAt()));
        LOG.infof("Breach %s: subject notices queued in %d rounds", breach.reference(), round.rounds() + 1);
        return true;
    }
}
