package kz.region715.dsr.request;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.time.LocalDate;
import kz.region715.dsr.deadline.domain.Basis;
import kz.region715.dsr.deadline.domain.Deadline;

/**
 * The case's deadline as stored: the jurisdiction and policy it follows, the last day and instant, the extensions
 * granted, the working days it was paused for, and since when it waits for the subject. Unset before verification.
 */
@Embeddable
public class CaseDeadline {

    private String jurisdiction;
    @Column(name = "deadline_policy")
    private String policy;
    @Enumerated(EnumType.STRING)
    @Column(name = "deadline_basis")
    private Basis basis;
    @Column(name = "deadline_citation")
    private String citation;
    @Column(name = "due_last_day")
    private LocalDate dueLastDay;
    @Column(name = "due_at")
    private Instant dueAt;
    @Column(name = "extensions_granted")
    private int extensionsGranted;
    @Column(name = "paused_working_days")
    private int pausedWorkingDays;
    @Column(name = "paused_since")
    private Instant pausedSince;

    protected CaseDeadline() {
    }

    static CaseDeadline unset() {
        return new CaseDeadline();
    }

    /** {@code deadline} in {@code jurisdiction}, keeping when the case began to wait (a pause outlives a new deadline). */
    CaseDeadline apply(String jurisdiction, Deadline deadline) {
        CaseDeadline next = new CaseDeadline();
        next.jurisdiction = jurisdiction;
        next.policy = deadline.policy().id();
        next.basis = deadline.policy().basis();
        next.citation = deadline.policy().citation();
        next.dueLastDay = deadline.lastDay();
        next.dueAt = deadline.dueAt();
        next.extensionsGranted = deadline.extensionsGranted();
        next.pausedWorkingDays = deadline.pausedWorkingDays();
        next.pausedSince = pausedSince;
        return next;
    }

    /** The same deadline, waiting for the subject since {@code since} (null: not waiting). */
    CaseDeadline pausedSince(Instant since) {
        CaseDeadline next = copy();
        next.pausedSince = since;
        return next;
    }

    private CaseDeadline copy() {
        CaseDeadline copy = new CaseDeadline();
        copy.jurisdiction = jurisdiction;
        copy.policy = policy;
        copy.basis = basis;
        copy.citation = citation;
        copy.dueLastDay = dueLastDay;
        copy.dueAt = dueAt;
        copy.extensionsGranted = extensionsGranted;
        copy.pausedWorkingDays = pausedWorkingDays;
        copy.pausedSince = pausedSince;
        return copy;
    }

    /** Whether a deadline was set (at verification). */
    public boolean isSet() {
        return dueLastDay != null;
    }

    public String jurisdiction() {
        return jurisdiction;
    }

    /** The id of the deadline policy applied. */
    public String policy() {
        return policy;
    }

    public Basis basis() {
        return basis;
    }

    public String citation() {
        return citation;
    }

    public LocalDate dueLastDay() {
        return dueLastDay;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public int extensionsGranted() {
        return extensionsGranted;
    }

    public int pausedWorkingDays() {
        return pausedWorkingDays;
    }

    /** When the case began to wait for the subject's answer; null when it is not waiting. */
    public Instant pausedSince() {
        return pausedSince;
    }
}
