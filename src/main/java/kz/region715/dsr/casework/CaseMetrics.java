package kz.region715.dsr.casework;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import kz.region715.dsr.platform.jobs.JobRounds;
import kz.region715.dsr.request.SubjectRequestRepository;
import kz.region715.dsr.request.domain.RequestStatus;
import kz.region715.dsr.request.domain.RequestType;

/**
 * Case metrics at /q/metrics: open cases by status and type and overdue cases
 * (gauges refreshed from the database, so every replica reports the same
 * numbers), deadline breaches (counted once, when the watch claims an overdue
 * alert) and time to close.
 */
@ApplicationScoped
public class CaseMetrics {

    private final SubjectRequestRepository requests;
    private final Clock clock;
    private final Map<String, AtomicLong> open = new HashMap<>();
    private final AtomicLong overdue = new AtomicLong();
    private final Counter breaches;
    private final Timer timeToClose;
    private final JobRounds rounds;

    CaseMetrics(MeterRegistry registry, SubjectRequestRepository requests, Clock clock, JobRounds rounds) {
        this.requests = requests;
        this.clock = clock;
        this.rounds = rounds;
        for (RequestStatus status : RequestStatus.OPEN_CASE) {
            for (RequestType type : RequestType.values()) {
                AtomicLong value = new AtomicLong();
                open.put(key(status, type), value);
                registry.gauge("dsr.cases.open", Tags.of("status", status.name(), "type", type.name()), value);
            }
        }
        registry.gauge("dsr.cases.overdue", overdue);
        this.breaches = Counter.builder("dsr.deadline.breaches")
                .description("Cases that passed their due date without a decision").register(registry);
        this.timeToClose = Timer.builder("dsr.case.time.to.close")
                .description("From receipt to rejection, cancellation or completion")
                .publishPercentiles(0.5, 0.9).register(registry);
    }

    @Scheduled(identity = "case-metrics", every = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        rounds.run("Case metrics", this::refresh);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public void refresh() {
        open.values().forEach(v -> v.set(0));
        for (SubjectRequestRepository.StatusTypeCount count : requests.openCaseCounts()) {
            open.get(key(count.status(), count.type())).set(count.count());
        }
        overdue.set(requests.overdueOpenCases(clock.instant()));
    }

    void onClosed(@Observes(during = TransactionPhase.AFTER_SUCCESS) CaseEvents.Closed closed) {
        timeToClose.record(closed.openFor());
    }

    void onAlerts(@Observes(during = TransactionPhase.AFTER_SUCCESS) CaseEvents.DeadlineAlerts alerts) {
        breaches.increment(alerts.overdue().size());
    }

    private static String key(RequestStatus status, RequestType type) {
        return status + "/" + type;
    }
}
