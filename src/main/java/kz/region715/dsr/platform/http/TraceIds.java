package kz.region715.dsr.platform.http;

import io.quarkus.vertx.web.RouteFilter;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every HTTP request a trace id, in the log (MDC {@code traceId}, a field of each JSON log line) and in the
 * answer's {@code X-Trace-Id} header: the trace id of a W3C {@code traceparent} the caller (or the ingress) sent,
 * otherwise a new random one. An operator finds every line of one request by it, and a client can quote it. It
 * carries nothing of the request itself. Runs before every other filter, so refusals at the edge have one too.
 */
@ApplicationScoped
public class TraceIds {

    public static final String MDC_KEY = "traceId";
    public static final String HEADER = "X-Trace-Id";
    static final int PRIORITY = RequestGuard.PRIORITY + 10;
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final String INVALID = "00000000000000000000000000000000";
    private static final SecureRandom RANDOM = new SecureRandom();

    @RouteFilter(PRIORITY)
    void trace(RoutingContext rc) {
        String id = of(rc.request().getHeader("traceparent"));
        MDC.put(MDC_KEY, id);
        rc.response().putHeader(HEADER, id);
        rc.next();
    }

    /** The trace id of a valid {@code traceparent}, else a new one. */
    static String of(String traceparent) {
        if (traceparent != null) {
            Matcher m = TRACEPARENT.matcher(traceparent.strip());
            if (m.matches() && !m.group(1).equals(INVALID)) {
                return m.group(1);
            }
        }
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
