package kz.region715.dsr.verification;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Proof of the e-mail address: the token from the link, or the six-digit code. Exactly one. */
@Schema(name = "Verify")
public record VerifyCommand(
        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "is not a token from our e-mail")
        @Schema(description = "The token from the e-mailed link") String token,
        @Pattern(regexp = "[0-9]{6}", message = "must be six digits")
        @Schema(description = "The six-digit code from the e-mail", examples = "482913") String code) {
}
