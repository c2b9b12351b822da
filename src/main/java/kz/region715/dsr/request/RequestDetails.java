package kz.region715.dsr.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import kz.region715.dsr.request.domain.CorrectableField;
import kz.region715.dsr.request.domain.DataSource;
import kz.region715.dsr.request.domain.ProcessingPurpose;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The type-specific part of a request, as filed and as stored. Exactly the block of the request's type is set. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestDetails(
        @Valid Correction correction,
        @Valid Restriction restriction,
        @Valid Withdrawal withdrawal,
        @Valid Deletion deletion) {

    public static final int MAX_TEXT = 2000;
    public static final int MAX_MESSAGE = 4000;

    @Schema(name = "CorrectionDetails", description = "CORRECTION: the fields to change and why.")
    public record Correction(
            @NotEmpty @Size(max = 4) List<@NotNull @Valid FieldChange> changes,
            @NotBlank @Size(max = MAX_TEXT)
            @Schema(examples = "I changed my phone number in March.") String explanation) {
    }

    @Schema(name = "FieldChange")
    public record FieldChange(
            @NotNull CorrectableField field,
            @NotBlank @Size(max = MAX_MESSAGE) @Schema(examples = "+7 701 765 43 21") String newValue) {
    }

    @Schema(name = "RestrictionDetails", description = "RESTRICTION: why processing should be blocked.")
    public record Restriction(
            @NotBlank @Size(max = MAX_TEXT) @Schema(examples = "I dispute the accuracy of my data.") String reason) {
    }

    @Schema(name = "WithdrawalDetails",
            description = "WITHDRAWAL: consent withdrawn for all purposes or for the listed ones (policy 3.1-3.5).")
    public record Withdrawal(
            @NotNull Scope scope,
            @Size(max = 5) @Schema(description = "The purposes withdrawn when scope is PURPOSES; null or empty when"
                    + " scope is ALL", nullable = true) List<@NotNull ProcessingPurpose> purposes) {

        @Schema(name = "WithdrawalScope")
        public enum Scope { ALL, PURPOSES }
    }

    @Schema(name = "DeletionDetails", description = "DELETION: all data, or only the data from the listed sources.")
    public record Deletion(
            @NotNull Scope scope,
            @Size(max = 2) @Schema(description = "The sources to erase when scope is SOURCES; null or empty when"
                    + " scope is ALL", nullable = true) List<@NotNull DataSource> sources) {

        @Schema(name = "DeletionScope")
        public enum Scope { ALL, SOURCES }
    }
}
