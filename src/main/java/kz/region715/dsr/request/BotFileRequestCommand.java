package kz.region715.dsr.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kz.region715.dsr.request.domain.PhoneNumber;
import kz.region715.dsr.request.domain.RequestType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request the Telegram bot back end files for the Telegram user it talks to. Checked as the web intake is. */
@ConsistentRequest
@Schema(name = "BotFileRequest")
public record BotFileRequestCommand(
        @NotNull RequestType type,
        @NotBlank @Pattern(regexp = TELEGRAM_USER_ID, message = "must be a Telegram user id (digits)")
        @Schema(description = "The Telegram user's id (from the update the bot received); the service writes to "
                + "this user's private chat with the bot.", examples = "123456789") String telegramUserId,
        @NotBlank @Size(max = 200) @Schema(examples = "Айгерим Серикова") String name,
        @Size(max = PhoneNumber.MAX_INPUT_LENGTH)
        @Schema(description = "The phone the user gave the bot, if any; read as a Kazakh number unless it has a "
                + "country code. Never proof of identity: officers may confirm it for matching.",
                examples = "+7 701 123 45 67") String phone,
        @Pattern(regexp = "ru|kk|en", message = "must be one of ru, kk, en")
        @Schema(description = "Language of the messages; default ru.", examples = "kk") String locale,
        @Valid RequestDetails.Correction correction,
        @Valid RequestDetails.Restriction restriction,
        @Valid RequestDetails.Withdrawal withdrawal,
        @Valid RequestDetails.Deletion deletion) implements Filing {

    /** Telegram user ids are positive integers of at most 52 bits (16 digits). */
    public static final String TELEGRAM_USER_ID = "[1-9][0-9]{0,15}";

    /** The bot has no e-mail address for the user. */
    @Override
    public String email() {
        return null;
    }
}
