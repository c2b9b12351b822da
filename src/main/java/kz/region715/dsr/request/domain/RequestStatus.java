package kz.region715.dsr.request.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a request stands. The allowed successors of each status are the whole
 * state machine; {@link RequestLifecycle} enforces them.
 */
public enum RequestStatus {
    PENDING_VERIFICATION,
    EXPIRED,
    OPEN,
    IN_REVIEW,
    AWAITING_SUBJECT,
    APPROVED,
    EXECUTING,
    COMPLETED,
    REJECTED,
    FAILED,
    CANCELLED;

    /** Verified and not closed: a case being worked, whose deadline runs (in the order of the statuses). */
    public static final Set<RequestStatus> OPEN_CASE = Collections.unmodifiableSet(
            EnumSet.of(OPEN, IN_REVIEW, AWAITING_SUBJECT, APPROVED, EXECUTING, FAILED));

    /** Statuses a request may move to from this one. */
    public Set<RequestStatus> successors() {
        return switch (this) {
            // Only a successful verification opens a request; unverified ones can only expire.
            case PENDING_VERIFICATION -> EnumSet.of(OPEN, EXPIRED);
            case OPEN -> EnumSet.of(IN_REVIEW, AWAITING_SUBJECT, APPROVED, REJECTED, CANCELLED);
            case IN_REVIEW -> EnumSet.of(AWAITING_SUBJECT, APPROVED, REJECTED, CANCELLED);
            case AWAITING_SUBJECT -> EnumSet.of(IN_REVIEW, REJECTED, CANCELLED);
            case APPROVED -> EnumSet.of(EXECUTING, CANCELLED);
            case EXECUTING -> EnumSet.of(COMPLETED, FAILED);
            case FAILED -> EnumSet.of(EXECUTING, CANCELLED);
            case EXPIRED, COMPLETED, REJECTED, CANCELLED -> EnumSet.noneOf(RequestStatus.class);
        };
    }

    public boolean isTerminal() {
        return successors().isEmpty();
    }

    /** Whether the subject's identity has been proven in this status. */
    public boolean isVerified() {
        return this != PENDING_VERIFICATION && this != EXPIRED;
    }

    /** Whether a request in this status is a case being worked: verified and not terminal. */
    public boolean isOpenCase() {
        return OPEN_CASE.contains(this);
    }
}
