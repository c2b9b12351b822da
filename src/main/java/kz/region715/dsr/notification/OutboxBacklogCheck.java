package kz.region715.dsr.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import kz.region715.dsr.platform.problem.DatabaseOutage;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The outbox's backlog on the readiness report: how many messages wait and how long the oldest due one has waited.
 * It degrades readiness without failing it: past {@code dsr.outbox.backlog-degraded-after} it says
 * {@code degraded: true} and stays UP, since the service still takes and works requests and the mail goes out
 * once the relay is back (a replica taken out of the load balancer would not send it sooner). During a database
 * outage it says nothing of the backlog; the datasource check is DOWN then.
 */
@Readiness
@ApplicationScoped
public class OutboxBacklogCheck implements HealthCheck {

    static final String NAME = "outbox-backlog";

    private final EntityManager em;
    private final OutboxConfig config;
    private final Clock clock;

    OutboxBacklogCheck(EntityManager em, OutboxConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder report = HealthCheckResponse.named(NAME).up();
        Instant now = clock.instant();
        try {
            Object[] row = (Object[]) em.createQuery("select count(m), sum(case when m.nextAttemptAt <= :now then 1"
                            + " else 0 end), min(case when m.nextAttemptAt <= :now then m.createdAt end)"
                            + " from OutboxMessage m where m.status = :pending")
                    .setParameter("now", now)
                    .setParameter("pending", OutboxMessage.Status.PENDING)
                    .getSingleResult();
            long pending = ((Number) row[0]).longValue();
            long due = row[1] == null ? 0 : ((Number) row[1]).longValue();
            long oldestDueSeconds = row[2] == null ? 0 : Math.max(0, Duration.between((Instant) row[2], now).toSeconds());
            return report.withData("pending", pending).withData("due", due)
                    .withData("oldestDueSeconds", oldestDueSeconds)
                    .withData("degraded", oldestDueSeconds > config.backlogDegradedAfter().toSeconds())
                    .build();
        } catch (RuntimeException e) {
            if (DatabaseOutage.in(e)) {
                return report.withData("backlog", "unknown: database unavailable").build();
            }
            throw e;
        }
    }
}
