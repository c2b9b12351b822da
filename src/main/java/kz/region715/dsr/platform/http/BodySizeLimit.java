package kz.region715.dsr.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import kz.region715.dsr.platform.problem.Problem;
import kz.region715.dsr.platform.problem.Problems;

/** Refuses a body larger than the limit before it is read, with a problem body like every other error. */
@ApplicationScoped
public class BodySizeLimit {

    private final long maxBytes;
    private final ObjectMapper json;

    BodySizeLimit(HttpLimitsConfig config, ObjectMapper json) {
        this.maxBytes = config.maxBodySize().asLongValue();
        this.json = json;
    }

    @RouteFilter(RouteFilter.DEFAULT_PRIORITY + 100)
    void limit(RoutingContext rc) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && exceeds(length)) {
            Problem problem = Problems.of(413, "payload-too-large", "Payload too large",
                    "The request body is larger than " + maxBytes + " bytes.", rc.normalizedPath());
            try {
                rc.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(json.writeValueAsString(problem));
            } catch (JsonProcessingException e) {
                rc.fail(413);
            }
            return;
        }
        rc.next();
    }

    private boolean exceeds(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false; // Vert.x itself refuses a malformed Content-Length
        }
    }
}
