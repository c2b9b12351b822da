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
}
