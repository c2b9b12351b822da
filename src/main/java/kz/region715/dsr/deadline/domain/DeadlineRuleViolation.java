package kz.region715.dsr.deadline.domain;

/**
 * A deadline rule said no. Carries a stable, machine-readable {@link #code()}; the message names the policy
 * and counts only, never personal data.
 */
public class DeadlineRuleViolation extends RuntimeException {

    public static final String EXTENSION_NOT_ALLOWED = "extension-not-allowed";

    private final String code;

    public DeadlineRuleViolation(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
