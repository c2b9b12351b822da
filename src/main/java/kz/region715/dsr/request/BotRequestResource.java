package kz.region715.dsr.request;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kz.region715.dsr.platform.problem.Problem;
import kz.region715.dsr.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The operator's Telegram bot back end files requests for the Telegram users it talks to (docs/telegram.md). */
@Path("/api/v1/bot/requests")
@Tag(name = "Telegram bot", description = "The operator's Telegram bot back end (role bot) files and verifies "
        + "requests for Telegram users; the service writes to them in Telegram.")
@RolesAllowed(Roles.BOT)
@Produces(MediaType.APPLICATION_JSON)
public class BotRequestResource {

    private final RequestService service;

    BotRequestResource(RequestService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "fileRequestFromBot", summary = "File a request for a Telegram user",
            description = "Files a request for the Telegram user the bot talks to (channel TELEGRAM_BOT), checked as "
                    + "the web intake checks it. The service sends the verification code to the user's chat with "
                    + "the bot; the user sends it back to the bot, whose back end relays it with "
                    + "verifyRequestFromBot. Every later message to the subject goes to that chat. Repeat with the "
                    + "same Idempotency-Key and body to get the first answer again.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "access", value = """
                    {"type": "ACCESS", "telegramUserId": "123456789", "name": "Айгерим", "phone": "+7 701 123 45 67",
                     "locale": "kk"}"""),
            @ExampleObject(name = "deletion", value = """
                    {"type": "DELETION", "telegramUserId": "123456789", "name": "Aigerim", "locale": "en",
                     "deletion": {"scope": "ALL"}}""")}))
    @APIResponse(responseCode = "202", description = "Filed; the verification code is on its way to the chat.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FiledRequest.class),
                    examples = @ExampleObject(name = "filed", value = """
                            {"id": "3f0c6a4e-6d1e-4d55-9c7a-0b7b9f1d2e11", "reference": "DSR-2026-000042",
                             "status": "PENDING_VERIFICATION"}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", description = "Idempotency-Key already used with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public RestResponse<FiledRequest> file(
            @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key",
                    description = "A unique key per intended filing (for example a UUID), to make retries safe.")
            @HeaderParam("Idempotency-Key") @Size(min = 8, max = 255)
            @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII without spaces") String idempotencyKey,
            @Valid @NotNull BotFileRequestCommand body) {
        return RestResponse.accepted(service.fileFromBot(body, idempotencyKey));
    }
}
