package kz.region715.dsr.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.region715.dsr.platform.problem.DatabaseOutage;
import kz.region715.dsr.platform.problem.OutageConfig;
import kz.region715.dsr.platform.problem.Problem;
import kz.region715.dsr.platform.problem.Problems;
import org.eclipse.microprofile.config.Config;

/**
 * Problems for what is refused before an endpoint is reached: by the guards of {@link RequestGuard}, and by the
 * HTTP layer itself (a path that cannot be decoded, a body over the limit on the stream, an error no other handler
 * answered). Each answer is problem+json with the security headers every other answer carries, and never quotes
 * the request.
 */
@ApplicationScoped
public class EdgeProblems {

    /** Statuses the router may fail with on its own; each gets a problem instead of an empty body. */
    private static final List<Integer> ROUTER_STATUSES = List.of(400, 403, 404, 405, 406, 413, 414, 415, 431, 500,
            501, 503);

    private final ObjectMapper json;
    private final Map<String, String> securityHeaders;

    private final OutageConfig outage;

    EdgeProblems(ObjectMapper json, Config config, OutageConfig outage) {
        this.json = json;
        this.securityHeaders = securityHeaders(config);
        this.outage = outage;
    }

    void routes(@Observes Router router) {
        // First of the failure handlers: a failure with a status and no exception (a path that cannot be decoded,
        // a body over the limit) would otherwise end with an empty body.
        router.route().order(Integer.MIN_VALUE).failureHandler(rc -> {
            if (rc.failure() == null && rc.statusCode() >= 400) {
                answer(rc, rc.statusCode());
            } else if (rc.failure() != null && DatabaseOutage.in(rc.failure())) {
                answer(rc, 503); // a route outside JAX-RS (a page): the same 503 as the API answers
            } else {
                rc.next();
            }
        });
        for (int status : ROUTER_STATUSES) {
            router.errorHandler(status, rc -> answer(rc, status));
        }
    }

    /** Ends the exchange with the problem of {@code status}, unless an answer is already on its way. */
    public void answer(RoutingContext rc, int status) {
        if (status == 503) {
            rc.response().putHeader("Retry-After", Long.toString(outage.retryAfter().toSeconds()));
        }
        end(rc, Problems.ofStatus(status, null));
    }

    public void end(RoutingContext rc, int status, String slug, String title, String detail) {
        end(rc, Problems.of(status, slug, title, detail, null));
    }

    public void end(RoutingContext rc, Problem problem) {
        HttpServerResponse response = rc.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        int status = problem.status;
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        securityHeaders.forEach((name, value) -> {
            if (!response.headers().contains(name)) {
                response.putHeader(name, value);
            }
        });
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (status == 413 || status == 414 || status == 431 || status == 400 && rc.failure() != null) {
            response.putHeader(HttpHeaders.CONNECTION, "close"); // the rest of the request is not read
        }
        response.end(body);
    }

    /** The headers of {@code quarkus.http.header."X".value} and of the no-framing filter, as configured. */
    private static Map<String, String> securityHeaders(Config config) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("quarkus.http.header.") && name.endsWith(".value")) {
                String header = name.substring("quarkus.http.header.".length(), name.length() - ".value".length());
                config.getOptionalValue(name, String.class)
                        .ifPresent(value -> headers.put(header.replace("\"", ""), value));
            }
            if (name.startsWith("quarkus.http.filter.") && name.contains(".header.")) {
                String header = name.substring(name.indexOf(".header.") + ".header.".length());
                config.getOptionalValue(name, String.class)
                        .ifPresent(value -> headers.put(header.replace("\"", ""), value));
            }
        }
        headers.put("Cache-Control", "no-store");
        return Map.copyOf(headers);
    }
}
