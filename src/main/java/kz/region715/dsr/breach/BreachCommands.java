package kz.region715.dsr.breach;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import kz.region715.dsr.breach.domain.DataCategory;
import kz.region715.dsr.breach.domain.DiscoveryMethod;
import kz.region715.dsr.breach.domain.NoticeChannel;
import kz.region715.dsr.request.domain.DataSource;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the breach register's operations. */
public final class BreachCommands {

    public static final int MAX_TEXT = 4000;
    public static final int MAX_COUNT = 1_000_000_000;

    private BreachCommands() {
    }

    @Schema(name = "BreachRegistration", description = "A breach as the officer registers it on detection.")
    public record Register(
            @NotNull @Schema(description = "When the operator detected the breach: the one-working-day clock starts "
                    + "here. Not in the future.", examples = "2026-05-08T14:30:00Z") Instant detectedAt,
            @NotNull @Valid Discovery discovery,
            @NotBlank @Size(max = MAX_TEXT) @Schema(examples = "The web form's export folder was readable without "
                    + "a login for two days.") String description,
            @NotNull @Size(min = 1, max = 6) @Schema(description = "The categories of personal data involved "
                    + "(privacy policy section 2)") List<@NotNull DataCategory> dataCategories,
            @NotNull @Size(min = 1, max = 2) @Schema(description = "The lead sources whose data is involved")
            List<@NotNull DataSource> sources,
            @Size(max = 20) @Schema(description = "The systems involved, one line each")
            List<@NotBlank @Size(max = 200) String> systems,
            @Valid @Schema(description = "When the breach took place, as far as known") Window window,
            @PositiveOrZero @Max(MAX_COUNT) @Schema(description = "How many people are likely affected",
                    examples = "120") Integer estimatedCount,
            @Size(max = MAX_TEXT) @Schema(examples = "Folder closed; access keys rotated.") String measuresTaken,
            @Size(max = MAX_TEXT) @Schema(examples = "Review of every export job by 15 May.") String measuresPlanned,
            @NotNull @Valid Responsible responsible) {
    }

    @Schema(name = "BreachDiscovery", description = "How the breach was found.")
    public record Discovery(@NotNull DiscoveryMethod method,
            @Size(max = 2000) @Schema(examples = "Alert of the storage access monitor.") String details) {
    }

    @Schema(name = "BreachWindow", description = "When the breach took place: from (required), to (null while it "
            + "is not known to have ended).")
    public record Window(@NotNull @Schema(examples = "2026-05-06T08:00:00Z") Instant from,
            @Schema(examples = "2026-05-08T14:00:00Z") Instant to) {
    }

    @Schema(name = "BreachResponsible", description = "The operator's person responsible for organising the "
            + "processing of personal data (a member of staff, not a data subject).")
    public record Responsible(
            @NotBlank @Size(max = 200) @Schema(examples = "Dana Seitkali") String name,
            @NotBlank @Size(max = 200) @Schema(examples = "Data protection officer") String position,
            @NotBlank @Size(max = 254) @Schema(examples = "dpo@region715.kz") String email,
            @Size(max = 32) @Schema(examples = "+77172000000") String phone) {
    }

    @Schema(name = "BreachAssessment", description = "The assessment's result; measures and the estimate, when "
            + "given, replace the registered ones.")
    public record Assess(
            @NotBlank @Size(max = MAX_TEXT) @Schema(examples = "Names and phones of about 120 web-form leads were "
                    + "exposed; no messages.") String assessment,
            @Size(max = MAX_TEXT) String measuresTaken,
            @Size(max = MAX_TEXT) String measuresPlanned,
            @PositiveOrZero @Max(MAX_COUNT) Integer estimatedCount) {
    }

    @Schema(name = "BreachNotNotifiable", description = "Why no notice is owed: the legal basis, in words and as "
            + "a reference to the provision.")
    public record NotNotifiable(
            @NotBlank @Size(max = 2000) @Schema(examples = "The exposed copy was encrypted and the key was not "
                    + "exposed: no personal data was accessible.") String legalBasis,
            @NotBlank @Size(max = 300) @Schema(examples = "Law 94-V, Art. 1 (definition of a breach of personal "
                    + "data security)") String reference) {
    }

    @Schema(name = "BreachAuthorityNotification", description = "The notice to the authorised body as it was "
            + "sent: the service records it, it does not send it.")
    public record AuthorityNotification(
            @NotNull @Schema(examples = "2026-05-11T09:30:00Z") Instant sentAt,
            @NotNull NoticeChannel channel,
            @Size(max = 200) @Schema(description = "The reference the authority gave, if any",
                    examples = "KZ-PD-2026-00042") String reference) {
    }

    @Schema(name = "BreachClosure", description = "`{}` closes without a summary; an empty body is refused.")
    public record Close(@Size(max = MAX_TEXT) @Schema(examples = "Measures done; no complaints received.")
            String summary) {
    }

    @Schema(name = "BreachNoteText")
    public record Note(@NotBlank @Size(max = MAX_TEXT) @Schema(examples = "Hosting provider confirmed the logs.")
            String text) {
    }
}
