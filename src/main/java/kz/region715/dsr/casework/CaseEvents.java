package kz.region715.dsr.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import kz.region715.dsr.request.RequestDetails;
import kz.region715.dsr.request.RequestSnapshot;
import kz.region715.dsr.request.domain.CancellationReason;
import kz.region715.dsr.request.domain.RejectionBasis;

/** Officer decisions the subject is told about; fired inside the transaction of the change. */
public final class CaseEvents {

    private CaseEvents() {
    }

    public record Questioned(RequestSnapshot request, String question, Instant at) {
    }

    /**
     * An officer approved the request; {@code corrections} are the officer's
     * version of a CORRECTION's changes, or null to apply the subject's.
     */
    public record Approved(RequestSnapshot request, List<RequestDetails.FieldChange> corrections, Instant at) {
    }

    public record Rejected(RequestSnapshot request, RejectionBasis basis, String reason, Instant at) {
    }

    public record Extended(RequestSnapshot request, String reason, LocalDate newLastDay, Instant at) {
    }

    public record Cancelled(RequestSnapshot request, CancellationReason reason, String duplicateOfReference,
            Instant at) {
    }

    /** Cases that crossed a deadline threshold, each claimed once across replicas; staff are to be told. */
    public record DeadlineAlerts(List<Alert> dueSoon, List<Alert> overdue, Instant at) {
    }

    /** One case in an alert; no personal data. */
    public record Alert(String reference, String type, String assignee, LocalDate lastDay, int workingDaysLeft) {
    }

    /** A case was closed (for metrics). */
    public record Closed(RequestSnapshot request, String status, java.time.Duration openFor) {
    }
}
