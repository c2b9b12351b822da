package kz.region715.dsr.request;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
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

    private CaseDeadline(String jurisdiction, String policy, Basis basis, String citation, LocalDate dueLastDay,
            Instant dueAt, int extensionsGranted, int pausedWorkingDays, Instant pausedSince) {
        this.jurisdiction = jurisdiction;
        this.policy = policy;
        this.basis = basis;
        this.citation = citation;
        this.dueLastDay = dueLastDay;
        this.dueAt = dueAt;
        this.extensionsGranted = extensionsGranted;
        this.pausedWorkingDays = pausedWorkingDays;
        this.pausedSince = pausedSince;
    }

    static CaseDeadline unset() {
        return new CaseDeadline();
    }

    /** {@code deadline} in {@code jurisdiction}; a wait for the subject that is running goes on. */
    CaseDeadline apply(String jurisdiction, Deadline deadline) {
        return new CaseDeadline(jurisdiction, deadline.policy().id(), deadline.policy().basis(),
                deadline.policy().citation(), deadline.lastDay(), deadline.dueAt(), deadline.extensionsGranted(),
                deadline.pausedWorkingDays(), pausedSince);
    }

    /** The same deadline, waiting for the subject since {@code since} (null: not waiting). */
    CaseDeadline pausedSince(Instant since) {
        return new CaseDeadline(jurisdiction, policy, basis, citation, dueLastDay, dueAt, extensionsGranted,
                pausedWorkingDays, since);
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

    /** Equal when every column is: replacing it with an equal value changes nothing (no dirty UPDATE). */
    @Override
    public boolean equals(Object other) {
        return other instanceof CaseDeadline that && Objects.equals(jurisdiction, that.jurisdiction)
                && Objects.equals(policy, that.policy) && Objects.equals(basis, that.basis)
                && Objects.equals(citation, that.citation) && Objects.equals(dueLastDay, that.dueLastDay)
                && Objects.equals(dueAt, that.dueAt) && extensionsGranted == that.extensionsGranted
                && pausedWorkingDays == that.pausedWorkingDays
                && Objects.equals(pausedSince, that.pausedSince);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jurisdiction, policy, basis, citation, dueLastDay, dueAt, extensionsGranted,
                pausedWorkingDays, pausedSince);
    }
}
