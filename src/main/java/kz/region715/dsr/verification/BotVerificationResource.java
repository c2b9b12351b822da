package kz.region715.dsr.verification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import kz.region715.dsr.platform.problem.Problem;
import kz.region715.dsr.platform.security.Roles;
import kz.region715.dsr.request.BotFileRequestCommand;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** The bot back end relays the code its Telegram user sent it (docs/telegram.md). */
@Path("/api/v1/bot/requests/{id}/verification")
@Tag(name = "Telegram bot")
@RolesAllowed(Roles.BOT)
@Produces(MediaType.APPLICATION_JSON)
public class BotVerificationResource {

    /** The code a Telegram user sent the bot, and who sent it. */
    @Schema(name = "BotVerify")
    public record BotVerifyCommand(
            @NotBlank @Pattern(regexp = BotFileRequestCommand.TELEGRAM_USER_ID,
                    message = "must be a Telegram user id (digits)")
            @Schema(description = "The Telegram user who sent the code to the bot", examples = "123456789")
            String telegramUserId,
            @NotBlank @Pattern(regexp = "[0-9]{6}", message = "must be six digits")
            @Schema(description = "The six-digit code the service sent to that user's chat", examples = "482913")
            String code) {
    }

    private final VerificationService service;

    BotVerificationResource(VerificationService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyRequestFromBot", summary = "Relay the code a Telegram user sent the bot",
            description = "Checks the code as verifyRequest does (same expiry and attempt limits), only for the "
                    + "request filed for that Telegram user: for another user the request is not found. On success "
                    + "the request is OPEN and the acknowledgement with the status link goes to the user's chat.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples =
            @ExampleObject(name = "code", value = "{\"telegramUserId\": \"123456789\", \"code\": \"482913\"}")))
    @APIResponse(responseCode = "200", description = "Verified",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = VerificationOutcome.class),
                    examples = @ExampleObject(name = "verified", value = """
                            {"id": "3f0c6a4e-6d1e-4d55-9c7a-0b7b9f1d2e11", "reference": "DSR-2026-000042",
                             "status": "OPEN", "verifiedAt": "2026-03-20T09:15:02Z"}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "Already verified",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "The code expired, or the request itself expired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Wrong code; `attemptsLeft` says how many tries remain",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many wrong attempts (`verification-locked`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public VerificationOutcome verify(@RestPath UUID id, @Valid @NotNull BotVerifyCommand body) {
        return service.verifyFromBot(id, body.telegramUserId(), body.code());
    }
}
