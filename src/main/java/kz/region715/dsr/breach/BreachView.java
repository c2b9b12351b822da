package kz.region715.dsr.breach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.region715.dsr.breach.domain.BreachStatus;
import kz.region715.dsr.breach.domain.DataCategory;
import kz.region715.dsr.breach.domain.DiscoveryMethod;
import kz.region715.dsr.breach.domain.NoticeChannel;
import kz.region715.dsr.request.domain.DataSource;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A breach as officers and auditors read it. */
@Schema(name = "Breach")
public record BreachView(
        UUID id,
        @Schema(examples = "BR-2026-000001") String reference,
        BreachStatus status,
        Instant detectedAt,
        Instant registeredAt,
        String registeredBy,
        Discovery discovery,
        String description,
        Set<DataCategory> dataCategories,
        Set<DataSource> sources,
        List<String> systems,
        @Schema(nullable = true) Window window,
        @Schema(nullable = true) Integer estimatedCount,
        @Schema(nullable = true) String measuresTaken,
        @Schema(nullable = true) String measuresPlanned,
        Responsible responsible,
        AuthorityDeadline authorityDeadline,
        @Schema(nullable = true) Assessment assessment,
        @Schema(nullable = true) NotNotifiable notNotifiable,
        @Schema(nullable = true) AuthorityNotice authorityNotice,
        @Schema(nullable = true) Closure closure,
        @Schema(nullable = true, description = "The affected people, once their set is frozen") Affected affected,
        @Schema(examples = "\"3\"") String etag,
        List<Note> notes) {

    @Schema(name = "BreachDiscoveryView")
    public record Discovery(DiscoveryMethod method, @Schema(nullable = true) String details) {
    }

    @Schema(name = "BreachWindowView")
    public record Window(Instant from, @Schema(nullable = true) Instant to) {
    }

    @Schema(name = "BreachResponsibleView")
    public record Responsible(String name, String position, String email, @Schema(nullable = true) String phone) {
    }

    @Schema(name = "BreachAuthorityDeadline", description = "When the notice to the authority is due: the last "
            + "working day after detection and the end of it in the operator's time zone, with the policy and its "
            + "citation. `due` is true while the notice is owed and unrecorded; `overdue` when it is due and "
            + "`dueAt` has passed.")
    public record AuthorityDeadline(String jurisdiction, String policy, String basis, String citation,
            LocalDate lastDay, Instant dueAt, int workingDaysLeft, boolean due, boolean overdue) {
    }

    @Schema(name = "BreachAssessmentView")
    public record Assessment(String text, Instant at, String by) {
    }

    @Schema(name = "BreachNotNotifiableView")
    public record NotNotifiable(String legalBasis, String reference, Instant at, String by) {
    }

    @Schema(name = "BreachAuthorityNotice", description = "The recorded notice to the authority; `late` when it "
            + "was sent after `dueAt`.")
    public record AuthorityNotice(Instant sentAt, NoticeChannel channel, @Schema(nullable = true) String reference,
            Instant recordedAt, String recordedBy, boolean late) {
    }

    @Schema(name = "BreachClosureView")
    public record Closure(Instant at, String by, @Schema(nullable = true) String summary) {
    }

    @Schema(name = "BreachNote")
    public record Note(long id, Instant at, String author, String text) {
    }

    @Schema(name = "BreachAffectedView", description = "The frozen set of affected leads: how many leads, how many "
            + "people (distinct e-mail pseudonyms; a lead without e-mail counts by its phone's or Telegram id's "
            + "pseudonym, else alone), and once notified how many people were written to and how many could not be "
            + "reached (no e-mail address left, or erased). A large set is notified in rounds: between the start "
            + "(`noticesStartedAt`) and the last round, `noticesQueued` counts the people written to so far.")
    public record Affected(long leads, long people, Instant frozenAt, @Schema(nullable = true) Integer notified,
            @Schema(nullable = true) Integer unreachable, @Schema(nullable = true) Instant notifiedAt,
            @Schema(nullable = true, description = "When the notices were started (`subject-notices`); null before")
            Instant noticesStartedAt,
            @Schema(nullable = true, description = "How many people's notices are queued so far, while the notices "
                    + "are being queued and after; null before they start") Long noticesQueued) {
    }

    @Schema(name = "BreachAffectedPage", description = "The leads a selection finds, as officers preview them "
            + "before freezing: the count of the whole selection and a page of leads in the order received.")
    public record AffectedPage(long count, List<AffectedLead> items,
            @Schema(description = "Pass as `cursor` for the next page; null on the last page", nullable = true)
            String nextCursor) {
    }

    @Schema(name = "BreachAffectedLead", description = "A selected lead with its contact as officers read leads, "
            + "and the categories of the selection it holds.")
    public record AffectedLead(UUID id, DataSource source, Instant receivedAt, @Schema(nullable = true) String name,
            @Schema(nullable = true) String phone, @Schema(nullable = true) String email,
            Set<DataCategory> categories) {
    }
}
