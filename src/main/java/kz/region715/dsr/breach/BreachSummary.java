package kz.region715.dsr.breach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kz.region715.dsr.breach.domain.BreachStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A line of the register. */
@Schema(name = "BreachSummary")
public record BreachSummary(UUID id, String reference, BreachStatus status, Instant detectedAt, LocalDate lastDay,
        Instant dueAt, int workingDaysLeft, boolean overdue, @Schema(nullable = true) Integer estimatedCount) {

    @Schema(name = "BreachPage")
    public record Page(List<BreachSummary> items,
            @Schema(description = "Cursor of the next page; null on the last", nullable = true) String nextCursor) {
    }
}
