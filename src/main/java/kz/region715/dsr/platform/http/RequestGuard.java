package kz.region715.dsr.platform.http;

import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import kz.region715.dsr.platform.problem.Problems;
import kz.region715.dsr.platform.text.Text;
import org.eclipse.microprofile.config.Config;

/**
 * What every request must be before any handler reads it, checked once for the whole service:
 * <ul>
 * <li>an address over {@value #MAX_URI_LENGTH} characters is refused;</li>
 * <li>an {@code Origin} that is neither the service's own nor an allowed one is refused (the CORS filter would
 * answer the same with an empty 403);</li>
 * <li>a body larger than the limit is refused by its {@code Content-Length}; a body sent in chunks, without one, is
 * read here up to the same limit and refused as soon as it passes it;</li>
 * <li>a body sent to the API must be declared {@code application/json}: nothing else is read as JSON;</li>
 * <li>an {@code Idempotency-Key}, when sent, is 8 to 255 visible ASCII characters.</li>
 * </ul>
 */
@ApplicationScoped
public class RequestGuard {

    /** Before the CORS filter (300) and authentication (200). */
    static final int PRIORITY = 400;

    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
    /** Longest request target (path and query) served; the HTTP parser itself stops at 64 KiB. */
    static final int MAX_URI_LENGTH = 8192;
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{8,255}");

    private final EdgeProblems problems;
    private final long maxBytes;
    private final BodyHandler chunkedBody;
    private final List<String> origins;
    private final List<Pattern> originPatterns;

    RequestGuard(EdgeProblems problems, HttpLimitsConfig limits, Config config) {
        this.problems = problems;
        this.maxBytes = limits.maxBodySize().asLongValue();
        this.chunkedBody = BodyHandler.create(false).setBodyLimit(maxBytes).setHandleFileUploads(false);
        List<String> configured = config.getOptionalValues("quarkus.http.cors.origins", String.class)
                .orElse(List.of()).stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
        this.origins = configured.stream().filter(o -> !isRegex(o)).map(RequestGuard::canonicalOrigin).toList();
        this.originPatterns = configured.stream().filter(RequestGuard::isRegex)
                .map(o -> Pattern.compile(o.substring(1, o.length() - 1))).toList();
    }

    @RouteFilter(PRIORITY)
    void guard(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (request.uri().length() > MAX_URI_LENGTH) {
            problems.end(rc, 414, "uri-too-long", "URI too long", "The request's address is too long.");
            return;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !allowed(origin, request)) {
            problems.end(rc, 403, "origin-not-allowed", "Origin not allowed",
                    "Requests from this web origin are not accepted.");
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && exceeds(length)) {
            problems.end(rc, 413, "payload-too-large", "Payload too large",
                    "The request body is larger than " + maxBytes + " bytes.");
            return;
        }
        if (request.path().startsWith("/api/") && WITH_BODY.contains(request.method()) && hasBody(request)
                && !isJson(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            problems.end(rc, 415, "unsupported-media-type", "Unsupported media type",
                    "Send the body as application/json (UTF-8).");
            return;
        }
        String key = request.getHeader("Idempotency-Key");
        if (key != null && !IDEMPOTENCY_KEY.matcher(key).matches()) {
            problems.end(rc, Problems.invalidField("idempotencyKey", "must be 8 to 255 visible ASCII characters"));
            return;
        }
        if (request.path().startsWith("/api/") && WITH_BODY.contains(request.method())
                && request.getHeader(HttpHeaders.CONTENT_LENGTH) == null && request.version() != HttpVersion.HTTP_2) {
            chunkedBody.handle(rc); // reads the body up to the limit (413 past it), then goes on
            return;
        }
        rc.next();
    }

    private boolean allowed(String origin, HttpServerRequest request) {
        if (Text.hasForbiddenCharacterInLine(origin)) {
            return false;
        }
        String canonical = canonicalOrigin(origin);
        if (canonical == null) {
            return false;
        }
        if (origins.contains(canonical) || canonical.equals(ownOrigin(request))) {
            return true;
        }
        return originPatterns.stream().anyMatch(p -> p.matcher(origin).matches());
    }

    private static String ownOrigin(HttpServerRequest request) {
        if (request.authority() == null) {
            return null;
        }
        return canonicalOrigin(request.scheme() + "://" + request.authority());
    }

    /** {@code scheme://host:port} in lower case with the port always given, or null when it is not an origin. */
    static String canonicalOrigin(String origin) {
        try {
            URI uri = new URI(origin);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (Exception e) {
            return null;
        }
    }

    private static boolean isRegex(String origin) {
        return origin.length() > 2 && origin.startsWith("/") && origin.endsWith("/");
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.strip().equals("0");
        }
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /** {@code application/json}, with at most a UTF-8 charset. */
    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].strip().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT).replace("\"", "");
            if (!parameter.isEmpty() && !parameter.equals("charset=utf-8")) {
                return false;
            }
        }
        return true;
    }

    private boolean exceeds(String length) {
        try {
            return Long.parseLong(length.strip()) > maxBytes;
        } catch (NumberFormatException e) {
            return false; // Vert.x itself refuses a malformed Content-Length
        }
    }
}
