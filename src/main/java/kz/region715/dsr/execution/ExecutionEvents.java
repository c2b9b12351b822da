package kz.region715.dsr.execution;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import kz.region715.dsr.request.RequestSnapshot;

/** Events of the execution capability, fired inside the transaction of the change they report. */
public final class ExecutionEvents {

    private ExecutionEvents() {
    }

    /**
     * The request is carried out. For ACCESS, {@code packageToken} is the
     * download token (only its hash is stored) and {@code packageExpiresAt} its end.
     */
    public record Completed(RequestSnapshot request, ExecutionSummary summary, String packageToken,
            Instant packageExpiresAt, Instant at) {
    }

    /** Out of tries; officers are to look. No personal data: the error is a class name. */
    public record Failed(RequestSnapshot request, int attempts, String error, Instant at) {
    }

    /** An officer lifted a restriction; the subject is to be told. */
    public record RestrictionLifted(RequestSnapshot request, String reason, int leads, Instant at) {
    }

    /**
     * Leads disclosed to a recipient were erased; the recipient is to be asked
     * to erase them too (Law 94-V Art. 25). The identifiers are those the
     * recipient received, so it can find the data; the mail body is purged on delivery.
     */
    public record RecipientToNotify(String reference, String recipient, String recipientEmail,
            List<DisclosedLead> leads, Instant at) {
    }

    public record DisclosedLead(LocalDate disclosedOn, String purpose, String name, String email, String phone) {
    }
}
