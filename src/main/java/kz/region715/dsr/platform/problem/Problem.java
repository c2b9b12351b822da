package kz.region715.dsr.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/** An RFC 9457 problem details body. Messages are for humans and never carry personal data. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
@Schema(name = "Problem", description = "RFC 9457 problem details. `type` is stable per kind of error. Extension"
        + " members stand at the top level beside the standard ones; those listed here are typed, and a client keeps"
        + " any other (additionalProperties).",
        additionalProperties = Schema.True.class,
        requiredProperties = {"type", "title", "status"},
        properties = {
            @SchemaProperty(name = "currentStatus", type = SchemaType.STRING,
                    description = "409 illegal-transition: the status the request, case or breach is in now"),
            @SchemaProperty(name = "requestedStatus", type = SchemaType.STRING,
                    description = "409 illegal-transition: the status the action would have moved it to"),
            @SchemaProperty(name = "currentEtag", type = SchemaType.STRING,
                    description = "412 precondition-failed: the case's (or breach's) current ETag, to read again or"
                            + " retry with"),
            @SchemaProperty(name = "dueAt", type = SchemaType.STRING, format = "date-time",
                    description = "409 authority-notice-unrecorded: when the breach's notice to the authority is due"),
            @SchemaProperty(name = "attemptsLeft", type = SchemaType.INTEGER, format = "int32",
                    description = "422 wrong token or code: how many tries remain"),
            @SchemaProperty(name = "retryAfterSeconds", type = SchemaType.INTEGER, format = "int64",
                    description = "429 rate-limited or resend-limit: seconds to wait, as in the Retry-After header"),
            @SchemaProperty(name = "incident", type = SchemaType.STRING,
                    description = "500: the reference of the unexpected error in the service's log")
        })
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://dsr.region715.kz/problems/";

    @Schema(description = "Stable URI of the kind of error", examples = "https://dsr.region715.kz/problems/validation")
    public final URI type;
    @Schema(examples = "Invalid request")
    public final String title;
    @Schema(examples = "400")
    public final int status;
    @Schema(examples = "2 fields are invalid")
    public final String detail;
    @Schema(examples = "/api/v1/requests")
    public final String instance;
    @Schema(description = "The offending fields, for validation errors")
    public final List<FieldError> errors;
    @Schema(hidden = true)
    private final Map<String, Object> extensions;

    Problem(String slug, String title, int status, String detail, String instance, List<FieldError> errors,
            Map<String, Object> extensions) {
        this.type = URI.create(TYPE_BASE + slug);
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
        this.extensions = new LinkedHashMap<>(extensions);
    }

    @JsonAnyGetter
    @Schema(hidden = true)
    public Map<String, Object> extensions() {
        return extensions;
    }

    /** One invalid field: a JSON path such as {@code correction.changes[0].newValue}, and why. */
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(examples = "email") String field,
            @Schema(examples = "must be a well-formed e-mail address") String message) {
    }
}
