package kz.region715.dsr.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kz.region715.dsr.request.domain.RequestStatus;
import kz.region715.dsr.request.domain.RequestType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Service levels over a period: counts by status and type, overdue cases, time to close. */
@ApplicationScoped
public class SlaReport {

    private final EntityManager em;
    private final Clock clock;

    SlaReport(EntityManager em, Clock clock) {
        this.em = em;
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
        List<Count> counts = em.createQuery("select r.status, r.type, count(r) from SubjectRequest r"
                        + " where r.verifiedAt is not null and r.receivedAt >= :from and r.receivedAt < :to"
                        + " group by r.status, r.type order by r.status, r.type", Object[].class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultStream()
                .map(row -> new Count((RequestStatus) row[0], (RequestType) row[1], ((Number) row[2]).longValue()))
                .toList();
        long overdue = em.createQuery("select count(r) from SubjectRequest r where r.status in :open"
                        + " and r.dueAt < :now", Long.class)
                .setParameter("open", CaseService.OPEN_STATUSES)
                .setParameter("now", clock.instant())
                .getSingleResult();
        List<Object[]> closings = em.createQuery("select r.receivedAt, r.closedAt, r.dueAt from SubjectRequest r"
                        + " where r.verifiedAt is not null and r.closedAt >= :from and r.closedAt < :to", Object[].class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        List<Duration> durations = new ArrayList<>();
        long late = 0;
        for (Object[] row : closings) {
            Instant closedAt = (Instant) row[1];
            durations.add(Duration.between((Instant) row[0], closedAt).withNanos(0));
            if (row[2] != null && closedAt.isAfter((Instant) row[2])) {
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
