package kz.region715.dsr.breach.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import kz.region715.dsr.platform.domain.DomainRuleViolation;

/**
 * Where a breach stands. The successors of each status are the whole state machine; every change goes through
 * {@link #moveTo}, which refuses any other. The authority may be notified before the assessment is done: the
 * one-working-day term does not wait for it. NOT_NOTIFIABLE (with its legal basis) is possible only before the
 * authority is notified; a breach is closed only once its authority notice is recorded or ruled out.
 */
public enum BreachStatus {
    DETECTED,
    ASSESSED,
    NOT_NOTIFIABLE,
    AUTHORITY_NOTIFIED,
    SUBJECTS_NOTIFIED,
    CLOSED;

    public Set<BreachStatus> successors() {
        return switch (this) {
            case DETECTED -> EnumSet.of(ASSESSED, NOT_NOTIFIABLE, AUTHORITY_NOTIFIED);
            case ASSESSED -> EnumSet.of(NOT_NOTIFIABLE, AUTHORITY_NOTIFIED);
            case AUTHORITY_NOTIFIED -> EnumSet.of(SUBJECTS_NOTIFIED, CLOSED);
            case SUBJECTS_NOTIFIED, NOT_NOTIFIABLE -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(BreachStatus.class);
        };
    }

    public boolean isTerminal() {
        return successors().isEmpty();
    }

    /** Whether the notice to the authority is still owed in this status (the clock runs). */
    public boolean authorityNoticeDue() {
        return this == DETECTED || this == ASSESSED;
    }

    /**
     * The status after moving to {@code next}.
     *
     * @throws IllegalTransition when the table does not allow it
     */
    public BreachStatus moveTo(BreachStatus next) {
        if (!successors().contains(next)) {
            throw new IllegalTransition(this, next);
        }
        return next;
    }

    /** A status change the table does not allow; the API answers 409 with the current and the requested status. */
    public static final class IllegalTransition extends DomainRuleViolation {
        public IllegalTransition(BreachStatus from, BreachStatus to) {
            super(Kind.CONFLICT, "illegal-transition", "A breach in status " + from + " cannot move to " + to + ".",
                    Map.of("currentStatus", from.name(), "requestedStatus", to.name()));
        }
    }
}
