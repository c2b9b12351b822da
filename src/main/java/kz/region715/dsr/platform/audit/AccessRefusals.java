package kz.region715.dsr.platform.audit;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Records refused calls to protected endpoints (401, 403) in the audit trail,
 * in a transaction of their own (there is no change to join). From an I/O
 * thread the write goes to a worker thread, never blocking the event loop.
 */
@ApplicationScoped
public class AccessRefusals {

    private static final Logger LOG = Logger.getLogger(AccessRefusals.class);
    /** Path segments that are not ids are kept; anything else odd is cut, so no input is echoed. */
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9/_.-]{1,200}");

    private final AuditTrail audit;

    AccessRefusals(AuditTrail audit) {
        this.audit = audit;
    }

    public void refused(int status, String method, String path, String principal) {
        String safePath = path != null && SAFE_PATH.matcher(path).matches() ? path : "(unreadable path)";
        Runnable write = () -> {
            try {
                audit.record("ACCESS_REFUSED", principal == null || principal.isBlank() ? "anonymous" : principal,
                        null, null, AuditTrail.details("status", status, "method", method, "path", safePath));
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
