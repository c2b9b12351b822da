package kz.region715.dsr.casework;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.region715.dsr.platform.jobs.BatchResult;
import kz.region715.dsr.platform.jobs.JobRounds;
import kz.region715.dsr.request.SubjectRequest;
import kz.region715.dsr.request.SubjectRequestRepository;
import org.jboss.logging.Logger;

/**
 * Finds cases due within the configured number of working days and overdue
 * cases, and has staff told once per case, threshold and due date. Each alert
 * is claimed by an INSERT into deadline_alert that does nothing when the row
 * exists, in the same transaction as the mail it causes: with several
 * replicas, exactly one of them claims and mails it.
 */
@ApplicationScoped
public class DeadlineWatch {

    private static final Logger LOG = Logger.getLogger(DeadlineWatch.class);
    static final String DUE_SOON = "DUE_SOON";
    static final String OVERDUE = "OVERDUE";
    private static final int BATCH = 500;

    private final EntityManager em;
    private final SubjectRequestRepository requests;
    private final CaseDeadlines caseDeadlines;
    private final CaseworkConfig config;
    private final Clock clock;
    private final Event<CaseEvents.DeadlineAlerts> alerts;
    private final JobRounds rounds;

    DeadlineWatch(EntityManager em, SubjectRequestRepository requests, CaseDeadlines caseDeadlines, CaseworkConfig config,
            Clock clock, Event<CaseEvents.DeadlineAlerts> alerts, JobRounds rounds) {
        this.em = em;
        this.requests = requests;
        this.caseDeadlines = caseDeadlines;
        this.config = config;
        this.clock = clock;
        this.alerts = alerts;
        this.rounds = rounds;
    }

    @Scheduled(identity = "deadline-watch", every = "${dsr.casework.watch-interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        rounds.run("Deadline watch", () -> {
            BatchResult result = run();
            if (result.done() > 0) {
                LOG.infof("Deadline watch: %d alerts", result.done());
            }
        });
    }

    /** One round: claims and reports what crossed a threshold since the last round. */
    @Transactional
    public BatchResult run() {
        Instant now = clock.instant();
        String claimer = UUID.randomUUID().toString();
        List<CaseEvents.Alert> overdue = new ArrayList<>();
        for (UUID id : requests.overdueCasesNotAlerted(OVERDUE, now, BATCH)) {
            SubjectRequest request = requests.require(id);
            if (claim(request, OVERDUE, now, claimer)) {
                overdue.add(alert(request, caseDeadlines.standing(request, now).workingDaysLeft()));
            }
        }
        // The due-soon window in calendar days is generous (holiday runs); working days decide.
        Instant horizon = now.plus(Duration.ofDays(2L * config.dueSoonWorkingDays() + 14));
        List<CaseEvents.Alert> dueSoon = new ArrayList<>();
        for (UUID id : requests.casesDueNotAlerted(DUE_SOON, now, horizon, BATCH)) {
            SubjectRequest request = requests.require(id);
            int left = caseDeadlines.standing(request, now).workingDaysLeft();
            if (left <= config.dueSoonWorkingDays() && claim(request, DUE_SOON, now, claimer)) {
                dueSoon.add(alert(request, left));
            }
        }
        if (!overdue.isEmpty() || !dueSoon.isEmpty()) {
            alerts.fire(new CaseEvents.DeadlineAlerts(dueSoon, overdue, now));
        }
        return new BatchResult(overdue.size() + dueSoon.size(), 0);
    }

    /** True if this round is the one that claimed the alert. */
    private boolean claim(SubjectRequest request, String threshold, Instant now, String claimer) {
        return em.createNativeQuery("insert into deadline_alert (request_id, threshold, due_at, claimed_at, claimed_by)"
                        + " values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, request.id())
                .setParameter(2, threshold)
                .setParameter(3, request.deadline().dueAt())
                .setParameter(4, now)
                .setParameter(5, claimer)
                .executeUpdate() == 1;
    }

    private static CaseEvents.Alert alert(SubjectRequest request, int workingDaysLeft) {
        return new CaseEvents.Alert(request.reference(), request.type().name(), request.assignee(),
                request.deadline().dueLastDay(), workingDaysLeft);
    }
}
