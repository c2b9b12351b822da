package kz.region715.dsr.execution;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An execution as officers see it: progress, tries, the last error, what was done, the package, a lift. */
@Schema(name = "Execution")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecutionView(String status, int attempts, Instant queuedAt, Instant startedAt, Instant finishedAt,
        Instant nextAttemptAt, String lastError, ExecutionSummary summary, PackageInfo accessPackage,
        Lift restrictionLift) {

    @Schema(name = "AccessPackageInfo")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PackageInfo(Instant issuedAt, Instant expiresAt, int downloads, Instant lastDownloadedAt,
            Instant purgedAt) {
    }

    @Schema(name = "RestrictionLift")
    public record Lift(Instant at, String by, String reason) {
    }
}
