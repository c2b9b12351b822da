package kz.region715.dsr.breach;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.region715.dsr.breach.domain.DataCategory;
import kz.region715.dsr.request.domain.DataSource;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which leads a breach affected: by {@code leadIds}, or by source, the time the lead was received and the data it
 * holds. The breach's own sources and categories are the defaults.
 */
@Schema(name = "BreachAffectedSelection", description = "The leads a breach affected: either `leadIds` (then no "
        + "`sources`, `receivedFrom` or `receivedTo`), or the leads of `sources` (default: the breach's) received in "
        + "[`receivedFrom`, `receivedTo`) (either end open when absent) that hold at least one datum of "
        + "`dataCategories` (default: the breach's). Anonymised leads hold nothing of the person and are never "
        + "selected.")
public record AffectedSelection(
        @Size(min = 1, max = 2) @Schema(description = "Lead sources; default the breach's")
        List<@NotNull DataSource> sources,
        @Schema(description = "Leads received at or after", examples = "2026-05-06T08:00:00Z") Instant receivedFrom,
        @Schema(description = "Leads received before", examples = "2026-05-08T14:00:00Z") Instant receivedTo,
        @Size(min = 1, max = 6) @Schema(description = "A lead is selected when it holds one of these; default the "
                + "breach's categories. The categories a lead holds of these are the ones recorded for it.")
        List<@NotNull DataCategory> dataCategories,
        @Size(min = 1, max = AffectedSelection.MAX_IDS) @Schema(description = "Explicit leads, at most 1,000")
        List<@NotNull UUID> leadIds) {

    public static final int MAX_IDS = 1000;
}
