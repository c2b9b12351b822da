package kz.region715.dsr.breach;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.region715.dsr.breach.domain.BreachStatus;
import kz.region715.dsr.breach.domain.DataCategory;
import kz.region715.dsr.request.domain.DataSource;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The notice of a breach to the authorised body, generated from the register: what the Rules for ensuring the
 * security of personal data ask for (the responsible person's contacts, the measures taken) with the register's
 * other facts (the operator, detection, description, data, window, people, deadline). The subjects' own data is not
 * part of it (see docs/breaches.md, "The notice to the authority").
 */
@Schema(name = "BreachAuthorityNoticeDocument", description = "The notice of a breach to the authorised body, "
        + "generated from the register at `generatedAt`. Instants are UTC; the printable page shows them in "
        + "`timeZone`. The subjects' personal data is never part of the document (`subjectsDataIncluded` is false).")
public record AuthorityNoticeDocument(
        @Schema(examples = "BR-2026-000001") String reference,
        UUID breachId,
        BreachStatus status,
        Instant generatedAt,
        @Schema(description = "The operator's time zone, where the page shows dates", examples = "Asia/Almaty")
        String timeZone,
        Operator operator,
        @Schema(description = "The person responsible for organising the processing of personal data")
        BreachView.Responsible responsible,
        Instant detectedAt,
        BreachView.Discovery discovery,
        String description,
        Set<DataCategory> dataCategories,
        Set<DataSource> sources,
        List<String> systems,
        @Schema(nullable = true) BreachView.Window window,
        @Schema(nullable = true, description = "The registered estimate of the people affected") Integer estimatedCount,
        @Schema(nullable = true, description = "How many people the notice states as affected: the frozen set's "
                + "count once the breach has one, otherwise the estimate")
        Integer affectedPeople,
        @Schema(description = "true when `affectedPeople` is a count of the frozen set, false when it is the estimate")
        boolean affectedPeopleCounted,
        @Schema(nullable = true) String assessment,
        @Schema(nullable = true) String measuresTaken,
        @Schema(nullable = true) String measuresPlanned,
        BreachView.AuthorityDeadline authorityDeadline,
        @Schema(nullable = true, description = "The notice as recorded sent, if it was")
        BreachView.AuthorityNotice sent,
        @Schema(nullable = true, description = "The decision that no notice is owed, if one was recorded")
        BreachView.NotNotifiable notNotifiable,
        @Schema(description = "Always false: the subjects' names and phone numbers the authority may need to notify "
                + "them are given on its request in a separate annex, never in this document")
        boolean subjectsDataIncluded) {

    @Schema(name = "BreachNoticeOperator", description = "The operator (DSR_OPERATOR_* settings)")
    public record Operator(String name, @Schema(nullable = true, description = "Business identification number")
            String bin, @Schema(nullable = true) String address, String contactEmail,
            @Schema(nullable = true) String phone) {
    }
}
