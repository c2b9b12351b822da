package kz.region715.dsr.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kz.region715.dsr.request.domain.EmailAddress;
import kz.region715.dsr.request.domain.PhoneNumber;
import kz.region715.dsr.request.domain.RequestType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subject's request as filed through the public API. */
@ConsistentRequest
@Schema(name = "FileRequest")
public record FileRequestCommand(
        @NotNull RequestType type,
        @NotBlank @Size(max = EmailAddress.MAX_LENGTH)
        @Schema(description = "Where the verification e-mail goes; kept as given for sending.",
                examples = "aigerim@example.kz") String email,
        @NotBlank @Size(max = 200) @Schema(examples = "Айгерим Серикова") String name,
        @Size(max = PhoneNumber.MAX_INPUT_LENGTH)
        @Schema(description = "Optional; read as a Kazakh number unless it has a country code. Stored in E.164.",
                examples = "8 701 123 45 67") String phone,
        @Pattern(regexp = "ru|kk|en", message = "must be one of ru, kk, en")
        @Schema(description = "Language of the e-mails; default ru.", examples = "ru") String locale,
        @Valid RequestDetails.Correction correction,
        @Valid RequestDetails.Restriction restriction,
        @Valid RequestDetails.Withdrawal withdrawal,
        @Valid RequestDetails.Deletion deletion) implements Filing {
}
