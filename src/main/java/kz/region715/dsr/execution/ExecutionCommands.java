package kz.region715.dsr.execution;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the officer actions on executions. */
public final class ExecutionCommands {

    private ExecutionCommands() {
    }

    @Schema(name = "RestrictionLiftCommand")
    public record Lift(@NotBlank @Size(max = 2000)
            @Schema(examples = "The subject's dispute is resolved: the data was checked and is accurate.") String reason) {
    }
}
