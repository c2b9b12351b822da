package kz.region715.dsr.platform.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A business rule said no. Plain Java, so domain packages can throw it without
 * framework code; the API maps each {@link Kind} to one HTTP status (the one problem mapper).
 */
public class DomainRuleViolation extends RuntimeException {

    public enum Kind {
        /** The input breaks a rule about one of its fields (HTTP 400, with {@link #errors()}). */
        INVALID,
        /** No such thing, or not for this caller (HTTP 404). */
        NOT_FOUND,
        /** The resource is not in a state that allows the action (HTTP 409). */
        CONFLICT,
        /** The thing is gone for good (HTTP 410). */
        GONE,
        /** The caller's copy is out of date: it changed since it was read (HTTP 412, with its current version). */
        STALE_VERSION,
        /** The input is well-formed but breaks a rule (HTTP 422). */
        UNPROCESSABLE,
        /** A change that must name the version it was based on did not (HTTP 428). */
        VERSION_REQUIRED,
        /** Too many tries; wait or start again (HTTP 429). */
        TOO_MANY
    }

    /** One offending field (a JSON path such as {@code corrections[0].newValue}) and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    private final Kind kind;
    private final String code;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> facts;

    /**
     * @param code  stable, machine-readable reason (becomes the problem type slug)
     * @param title short headline of this reason, or null for the kind's own
     * @param message human text; must never carry personal data
     * @param errors the offending fields, if the input is to blame
     * @param facts extra members for the problem body (no personal data)
     */
    public DomainRuleViolation(Kind kind, String code, String title, String message, List<FieldError> errors,
            Map<String, Object> facts) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.facts = Map.copyOf(facts);
    }

    public DomainRuleViolation(Kind kind, String code, String message, Map<String, Object> facts) {
        this(kind, code, null, message, List.of(), facts);
    }

    public DomainRuleViolation(Kind kind, String code, String message) {
        this(kind, code, message, Map.of());
    }

    /** Nothing to act on: unknown, or not to be disclosed to this caller. */
    public static DomainRuleViolation notFound(String message) {
        return new DomainRuleViolation(Kind.NOT_FOUND, "not-found", message);
    }

    /** One field of the input breaks a rule that its own validation cannot see. */
    public static DomainRuleViolation invalidField(String field, String message) {
        return new DomainRuleViolation(Kind.INVALID, "validation", null, "1 field is invalid",
                List.of(new FieldError(field, message)), Map.of());
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** The headline of this reason, when it is more telling than the kind's. */
    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> facts() {
        return facts;
    }
}
