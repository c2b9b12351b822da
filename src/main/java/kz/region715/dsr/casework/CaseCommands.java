package kz.region715.dsr.casework;

import jakarta.validation.Valid;
import java.util.List;
import kz.region715.dsr.request.RequestDetails.FieldChange;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kz.region715.dsr.request.domain.CancellationReason;
import kz.region715.dsr.request.domain.RejectionBasis;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the officer actions. */
public final class CaseCommands {

    public static final int MAX_TEXT = 4000;

    private CaseCommands() {
    }

    @Schema(name = "Assignment", description = "Whom to assign; no assignee (`{}`): the caller.")
    public record Assign(@Size(min = 1, max = 100) @Pattern(regexp = "[\\p{L}\\p{N}._@+-]+",
            message = "must be an officer id") @Schema(examples = "officer-2") String assignee) {
    }

    @Schema(name = "Note")
    public record Note(@NotBlank @Size(max = MAX_TEXT) @Schema(examples = "Called the web team about the form logs.")
            String text) {
    }

    @Schema(name = "Question")
    public record Question(@NotBlank @Size(max = MAX_TEXT)
            @Schema(examples = "Which phone number should we correct: the one ending 4567 or 1234?") String text) {
    }

    @Schema(name = "Approval", description = "For a CORRECTION, `corrections` replaces the changes the subject "
            + "asked for with what the officer checked; absent, the subject's changes are applied as filed. `{}` "
            + "approves without a note or corrections; an empty body is refused.")
    public record Approve(@Size(max = MAX_TEXT) String note,
            @Size(min = 1, max = 4) List<@NotNull @Valid FieldChange> corrections) {
    }

    @Schema(name = "Rejection")
    public record Reject(@NotNull RejectionBasis legalBasis,
            @NotBlank @Size(max = 2000) @Schema(examples = "We hold no data linked to this address.") String reason) {
    }

    @Schema(name = "Extension")
    public record Extend(@NotBlank @Size(max = 2000)
            @Schema(examples = "The data sits in three systems; collecting it needs more time.") String reason) {
    }

    @Schema(name = "Cancellation")
    public record Cancel(@NotNull CancellationReason reason, @Size(max = 2000) String note) {
    }

    @Schema(name = "JurisdictionChange")
    public record ChangeJurisdiction(@NotBlank @Size(max = 8) @Schema(examples = "EU") String jurisdiction,
            @NotBlank @Size(max = 2000) @Schema(examples = "The subject lives in Germany; GDPR applies.") String reason) {
    }

    @Schema(name = "MatchExclusion")
    public record Exclude(@NotBlank @Size(max = 2000)
            @Schema(examples = "Same e-mail, but the lead is a colleague's application from a shared mailbox.")
            String reason) {
    }

    @Schema(name = "SubjectMessage", description = "The subject's answer to an officer's question.")
    public record SubjectMessage(@NotBlank @Size(max = MAX_TEXT)
            @Schema(examples = "The number ending 1234 is my current one.") String text) {
    }
}
