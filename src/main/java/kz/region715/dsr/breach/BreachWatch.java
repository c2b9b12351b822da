package kz.region715.dsr.breach;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.region715.dsr.platform.jobs.BatchResult;
import kz.region715.dsr.platform.jobs.JobRounds;
import org.jboss.logging.Logger;

/**
 * Watches the authority notices still owed: due soon (within {@code dsr.breach.due-soon-before} of their due
 * instant) and overdue, and has the DPO told once per breach, threshold and due instant. Each alert is claimed by an
 * INSERT into breach_alert that does nothing when the row exists, in the same transaction as the mail it causes:
 * with several replicas, exactly one of them claims and mails it. A breach whose notice is recorded, or ruled out
 * (NOT_NOTIFIABLE), or that is closed, is not watched.
 */
@ApplicationScoped
public class BreachWatch {

    private static final Logger LOG = Logger.getLogger(BreachWatch.class);
    static final String DUE_SOON = "DUE_SOON";
    static final String OVERDUE = "OVERDUE";
    private static final int BATCH = 500;

    private final BreachRepository breaches;
    private final BreachConfig config;
    private final Clock clock;
    private final Event<BreachEvents.DeadlineAlerts> alerts;
    private final JobRounds rounds;

    BreachWatch(BreachRepository breaches, BreachConfig config, Clock clock, Event<BreachEvents.DeadlineAlerts> alerts,
            JobRounds rounds) {
        this.breaches = breaches;
        this.config = config;
        this.clock = clock;
        this.alerts = alerts;
        this.rounds = rounds;
    }

    @Scheduled(identity = "breach-watch", every = "${dsr.breach.watch-interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        rounds.run("Breach watch", () -> {
            BatchResult result = run();
            if (result.done() > 0) {
                LOG.infof("Breach watch: %d alerts", result.done());
            }
        });
    }

    /** One round: claims and reports what crossed a threshold since the last round. */
    @Transactional
    public BatchResult run() {
        Instant now = clock.instant();
        String claimer = UUID.randomUUID().toString();
        List<BreachEvents.Alert> overdue = claim(OVERDUE, null, now, now, claimer);
        List<BreachEvents.Alert> dueSoon = claim(DUE_SOON, now, now.plus(config.dueSoonBefore()), now, claimer);
        if (!overdue.isEmpty() || !dueSoon.isEmpty()) {
            alerts.fire(new BreachEvents.DeadlineAlerts(dueSoon, overdue, now));
        }
        return new BatchResult(overdue.size() + dueSoon.size(), 0);
    }

    private List<BreachEvents.Alert> claim(String threshold, Instant from, Instant until, Instant now, String claimer) {
        List<BreachEvents.Alert> claimed = new ArrayList<>();
        for (UUID id : breaches.alertCandidates(threshold, from, until, BATCH)) {
            Breach breach = breaches.find(id);
            if (breaches.claimAlert(breach, threshold, now, claimer)) {
                claimed.add(new BreachEvents.Alert(breach.reference(), breach.status().name(),
                        breach.deadline().lastDay(), breach.deadline().dueAt()));
            }
        }
        return claimed;
    }
}
