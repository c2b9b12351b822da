package kz.region715.dsr.platform.domain;

import java.util.Map;

/**
 * A business rule said no. Plain Java, so domain packages can throw it without
 * framework code; the API maps each {@link Kind} to one problem type.
 */
public class DomainRuleViolation extends RuntimeException {

    public enum Kind {
        /** The resource is not in a state that allows the action (HTTP 409). */
        CONFLICT,
        /** The input is well-formed but breaks a rule (HTTP 422). */
        UNPROCESSABLE,
        /** The thing is gone for good (HTTP 410). */
        GONE,
        /** Too many tries; wait or start again (HTTP 429). */
        TOO_MANY
    }

    private final Kind kind;
    private final String code;
    private final Map<String, Object> facts;

    /**
     * @param code  stable, machine-readable reason (becomes the problem type slug)
     * @param message human text; must never carry personal data
     * @param facts extra members for the problem body (no personal data)
     */
    public DomainRuleViolation(Kind kind, String code, String message, Map<String, Object> facts) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.facts = Map.copyOf(facts);
    }

    public DomainRuleViolation(Kind kind, String code, String message) {
        this(kind, code, message, Map.of());
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> facts() {
        return facts;
    }
}
