package kz.region715.dsr.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kz.region715.dsr.request.SubjectRequestRepository;
import kz.region715.dsr.request.domain.RequestStatus;
import kz.region715.dsr.request.domain.RequestType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Service levels over a period: counts by status and type, overdue cases, time to close. */
@ApplicationScoped
public class SlaReport {

    private final SubjectRequestRepository requests;
    private final Clock clock;

    SlaReport(SubjectRequestRepository requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    @Schema(name = "SlaReport")
    public record View(Instant from, Instant to,
            @Schema(description = "Verified cases received in the period, by status and type") List<Count> cases,
            @Schema(description = "Open cases past their due date now") long overdueNow,
            @Schema(description = "Cases closed in the period") Closing closed) {
    }

    @Schema(name = "SlaCount")
    public record Count(RequestStatus status, RequestType type, long count) {
    }

    @Schema(name = "SlaClosing")
    public record Closing(long count,
            @Schema(description = "Closed after their due date") long afterDueDate,
            @Schema(description = "Median time from receipt to closing, ISO-8601 duration; null when none closed",
                    nullable = true) Duration medianTimeToClose,
            @Schema(description = "90th percentile (nearest rank); null when none closed", nullable = true)
            Duration p90TimeToClose) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public View report(Instant from, Instant to) {
        List<Count> counts = requests.casesReceived(from, to).stream()
                .map(count -> new Count(count.status(), count.type(), count.count()))
                .toList();
        long overdue = requests.overdueOpenCases(clock.instant());
        List<Duration> durations = new ArrayList<>();
        long late = 0;
        for (SubjectRequestRepository.ClosedCase closed : requests.casesClosed(from, to)) {
            durations.add(Duration.between(closed.receivedAt(), closed.closedAt()).withNanos(0));
            if (closed.dueAt() != null && closed.closedAt().isAfter(closed.dueAt())) {
                late++;
            }
        }
        durations.sort(null);
        return new View(from, to, counts, overdue,
                new Closing(durations.size(), late, percentile(durations, 50), percentile(durations, 90)));
    }

    /** Nearest-rank percentile; null when there is nothing to measure. */
    static Duration percentile(List<Duration> sorted, int percent) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
