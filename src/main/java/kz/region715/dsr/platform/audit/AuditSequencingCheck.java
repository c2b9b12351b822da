package kz.region715.dsr.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import kz.region715.dsr.platform.problem.DatabaseOutage;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The audit sequencer's backlog on the readiness report: events waiting to enter the chain and how long the oldest
 * has waited. Past {@code dsr.audit.lag-degraded-after} it says {@code degraded: true} and stays UP: the events are
 * committed and safe, and taking the replica out of the load balancer would not sequence them sooner.
 */
@Readiness
@ApplicationScoped
public class AuditSequencingCheck implements HealthCheck {

    static final String NAME = "audit-sequencing";

    private final AuditSequencer sequencer;
    private final AuditConfig config;

    AuditSequencingCheck(AuditSequencer sequencer, AuditConfig config) {
        this.sequencer = sequencer;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder report = HealthCheckResponse.named(NAME).up();
        try {
            AuditSequencer.Backlog backlog = sequencer.backlog();
            return report.withData("pending", backlog.events())
                    .withData("oldestPendingSeconds", backlog.oldest().toSeconds())
                    .withData("degraded", backlog.oldest().compareTo(config.lagDegradedAfter()) > 0)
                    .build();
        } catch (RuntimeException e) {
            if (DatabaseOutage.in(e)) {
                return report.withData("backlog", "unknown: database unavailable").build();
            }
            throw e;
        }
    }
}
