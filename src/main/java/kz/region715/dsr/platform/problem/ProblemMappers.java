package kz.region715.dsr.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Request;
import kz.region715.dsr.platform.audit.AccessRefusals;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import kz.region715.dsr.platform.domain.DomainRuleViolation;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become RFC 9457 problem details. Each kind of
 * error has a stable type URI ({@link Problem#TYPE_BASE} + slug). Details never
 * quote client input or exception messages, which may hold personal data.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final AccessRefusals refusals;
    private final SecurityIdentity identity;
    private final OutageConfig outage;

    ProblemMappers(AccessRefusals refusals, SecurityIdentity identity, OutageConfig outage) {
        this.refusals = refusals;
        this.identity = identity;
        this.outage = outage;
    }

    @ServerExceptionMapper
    public RestResponse<Problem> problem(ProblemException e, ResourceInfo resource) {
        RestResponse.ResponseBuilder<Problem> response = respond(e.status(),
                new Problem(e.slug(), e.title(), e.status(), e.getMessage(), instance(resource), e.errors(), e.extensions()));
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> domainRule(DomainRuleViolation e, ResourceInfo resource) {
        int status = status(e.kind());
        List<Problem.FieldError> errors = e.errors().stream()
                .map(error -> new Problem.FieldError(error.field(), error.message()))
                .toList();
        RestResponse.ResponseBuilder<Problem> response = respond(status, new Problem(e.code(),
                e.title().orElse(title(e.kind())), status, e.getMessage(), instance(resource), errors, e.facts()));
        if (e.facts().get("retryAfterSeconds") instanceof Number seconds) {
            response.header("Retry-After", Long.toString(seconds.longValue()));
        }
        return response.build();
    }

    /** The HTTP status of each kind of domain rule violation: the one place where the domain meets HTTP. */
    static int status(DomainRuleViolation.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case GONE -> 410;
            case STALE_VERSION -> 412;
            case UNPROCESSABLE -> 422;
            case VERSION_REQUIRED -> 428;
            case TOO_MANY -> 429;
        };
    }

    /** The title of a kind, unless the violation brings its own. */
    static String title(DomainRuleViolation.Kind kind) {
        return switch (kind) {
            case INVALID -> "Invalid request";
            case NOT_FOUND -> "Not found";
            case CONFLICT -> "Not possible in the current state";
            case GONE -> "No longer available";
            case STALE_VERSION -> "Changed since it was read";
            case UNPROCESSABLE -> "Request cannot be processed";
            case VERSION_REQUIRED -> "If-Match required";
            case TOO_MANY -> "Too many attempts";
        };
    }

    @ServerExceptionMapper
    public RestResponse<Problem> beanValidation(ConstraintViolationException e, ResourceInfo resource) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        return validation(errors, resource);
    }

    // Named explicitly: Quarkus ships its own mapper for MismatchedInputException, which would win otherwise.
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public RestResponse<Problem> json(JsonProcessingException e, ResourceInfo resource) {
        return jsonProblem(e, resource);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> webApplication(WebApplicationException e, ResourceInfo resource) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return jsonProblem(json, resource);
        }
        int status = e instanceof NotFoundException ? 404 : e instanceof NotAllowedException ? 405
                : e instanceof NotSupportedException ? 415 : e instanceof NotAcceptableException ? 406
                : e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 400 && status < 500) {
            return respond(status, Problems.ofStatus(status, instance(resource))).build();
        }
        return internal(e, resource);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public RestResponse<Problem> unauthorized(RuntimeException e, Request request, ResourceInfo resource) {
        refusals.refused(401, request.getMethod(), endpoint(resource), null);
        return respond(401, new Problem("unauthorized", "Authentication required", 401,
                "Present a valid bearer token.", instance(resource), List.of(), Map.of()))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e, Request request, ResourceInfo resource) {
        refusals.refused(403, request.getMethod(), endpoint(resource),
                identity.isAnonymous() ? null : identity.getPrincipal().getName());
        return simple(403, "forbidden", "Forbidden", "Your role does not allow this action.", resource);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public RestResponse<Problem> concurrentChange(RuntimeException e, ResourceInfo resource) {
        return simple(409, "concurrent-modification", "Changed concurrently",
                "The resource was changed by someone else at the same time; read it again and retry.", resource);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Throwable e, ResourceInfo resource) {
        if (DatabaseOutage.in(e)) {
            // Not an incident of this request: the database is down or the pool exhausted; it passes.
            LOG.debugf("Database unavailable on %s: %s", instance(resource), SafeLog.describe(e));
            return respond(503, Problems.databaseUnavailable(instance(resource)))
                    .header("Retry-After", Long.toString(outage.retryAfter().toSeconds()))
                    .build();
        }
        // Unique-key races (two identical submissions at once) surface from deep in the persistence stack.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException
                    || cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                LOG.debugf("Conflict on %s: %s", instance(resource), SafeLog.describe(e));
                return simple(409, "concurrent-modification", "Changed concurrently",
                        "A conflicting change happened at the same time; retry the request.", resource);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return internal(e, resource);
    }

    private RestResponse<Problem> internal(Throwable e, ResourceInfo resource) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf("Unhandled error, incident %s on %s: %s", incident, instance(resource), SafeLog.describe(e));
        return respond(500, new Problem("internal", "Internal error", 500,
                "Something went wrong on our side. Quote incident " + incident + " if you contact us.", instance(resource),
                List.of(), Map.of("incident", incident))).build();
    }

    private RestResponse<Problem> jsonProblem(JsonProcessingException e, ResourceInfo resource) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            String message;
            if (e instanceof PropertyBindingException) {
                message = "unknown field";
            } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                    && invalid.getTargetType().isEnum()) {
                message = "must be one of " + java.util.Arrays.stream(invalid.getTargetType().getEnumConstants())
                        .map(Object::toString).collect(Collectors.joining(", "));
            } else if (e instanceof kz.region715.dsr.platform.http.StrictJson.RuleViolation rule) {
                message = rule.getOriginalMessage();
            } else {
                message = "has the wrong type or format";
            }
            return validation(List.of(new Problem.FieldError(field, message)), resource);
        }
        return simple(400, "malformed-request", "Malformed request", "The body is not well-formed JSON.", resource);
    }

    private static String jsonPath(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The path of a violation below the method parameter: {@code correction.changes[0].newValue}. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        String parameter = null;
        Iterator<Path.Node> nodes = violation.getPropertyPath().iterator();
        while (nodes.hasNext()) {
            Path.Node node = nodes.next();
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null && !parts.isEmpty()) {
                    parts.set(parts.size() - 1, parts.getLast() + "[" + node.getIndex() + "]");
                }
                continue;
            }
            String name = node.getName();
            if (node.isInIterable() && node.getIndex() != null && !parts.isEmpty()) {
                parts.set(parts.size() - 1, parts.getLast() + "[" + node.getIndex() + "]");
            }
            if (name != null) {
                parts.add(name);
            }
        }
        if (parts.isEmpty()) {
            return parameter == null ? "body" : parameter;
        }
        return String.join(".", parts);
    }

    private RestResponse<Problem> validation(List<Problem.FieldError> errors, ResourceInfo resource) {
        Set<String> fields = errors.stream().map(Problem.FieldError::field).collect(Collectors.toSet());
        String detail = fields.size() == 1 ? "1 field is invalid" : fields.size() + " fields are invalid";
        return respond(400, new Problem("validation", "Invalid request", 400, detail, instance(resource), errors, Map.of()))
                .build();
    }

    private RestResponse<Problem> simple(int status, String slug, String title, String detail, ResourceInfo resource) {
        return respond(status, new Problem(slug, title, status, detail, instance(resource), List.of(), Map.of())).build();
    }

    private static RestResponse.ResponseBuilder<Problem> respond(int status, Problem problem) {
        return RestResponse.ResponseBuilder.<Problem>create(status).entity(problem).type(Problem.MEDIA_TYPE);
    }

    /** The path template of the endpoint called: its class's and its method's {@code @Path}. */
    private static String endpoint(ResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null || resource.getResourceMethod() == null) {
            return "(no endpoint)";
        }
        jakarta.ws.rs.Path type = resource.getResourceClass().getAnnotation(jakarta.ws.rs.Path.class);
        jakarta.ws.rs.Path method = resource.getResourceMethod().getAnnotation(jakarta.ws.rs.Path.class);
        return (type == null ? "" : type.value()) + (method == null ? "" : method.value());
    }

    /**
     * The problem's {@code instance}: the template of the endpoint called ({@code /api/v1/cases/{id}}), never the
     * path as sent, which can carry whatever a client typed; absent when no endpoint matched.
     */
    private static String instance(ResourceInfo resource) {
        String template = endpoint(resource);
        return template.startsWith("/") ? template : null;
    }
}
