package kz.region715.dsr.platform.audit;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Records refused calls to protected endpoints (401, 403) in the audit trail,
 * in a transaction of their own (there is no change to join). From an I/O
 * thread the write goes to a worker thread, never blocking the event loop.
 */
@ApplicationScoped
public class AccessRefusals {

    private static final Logger LOG = Logger.getLogger(AccessRefusals.class);

    private final AuditTrail audit;

    AccessRefusals(AuditTrail audit) {
        this.audit = audit;
    }

    /**
     * @param endpoint the endpoint's path template (such as {@code /api/v1/cases/{id}/approval}), never the
     *                 path as sent, which could carry whatever a client typed
     */
    public void refused(int status, String method, String endpoint, String principal) {
        Runnable write = () -> {
            try {
                audit.record(AuditEventType.ACCESS_REFUSED, principal == null || principal.isBlank() ? "anonymous"
                        : principal, null, null, AuditTrail.details("status", status, "method", method, "endpoint",
                        endpoint));
            } catch (RuntimeException e) {
                LOG.warnf("Could not record an access refusal: %s", e.getClass().getSimpleName());
            }
        };
        if (Context.isOnEventLoopThread()) {
            Infrastructure.getDefaultWorkerPool().execute(write);
        } else {
            write.run();
        }
    }
}
