package kz.region715.dsr.verification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import kz.region715.dsr.platform.problem.Problem;
import kz.region715.dsr.platform.ratelimit.RateLimitedPublicEndpoint;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/requests/{id}/verification")
@Tag(name = "Subject requests")
@RateLimitedPublicEndpoint
@Produces(MediaType.APPLICATION_JSON)
public class VerificationResource {

    private final VerificationService service;

    VerificationResource(VerificationService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyRequest", summary = "Verify the e-mail address",
            description = "Proves the e-mail address with the token from the e-mailed link or the six-digit code. "
                    + "On success the request is OPEN and an acknowledgement with the status link is e-mailed. "
                    + "After 5 wrong attempts a new e-mail must be requested.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "code", value = "{\"code\": \"482913\"}"),
            @ExampleObject(name = "link token", value = "{\"token\": \"Vq2xH0m3bS9yQ1k7J4p8W5n6R0t2Y3u4I5o6P7a8S9d\"}")}))
    @APIResponse(responseCode = "200", description = "Verified",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = VerificationOutcome.class),
                    examples = @ExampleObject(name = "verified", value = """
                            {"id": "3f0c6a4e-6d1e-4d55-9c7a-0b7b9f1d2e11", "reference": "DSR-2026-000042",
                             "status": "OPEN", "verifiedAt": "2026-03-20T09:15:02Z"}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "Already verified (links and codes work once)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "The link or code expired, or the request itself expired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Wrong token or code; `attemptsLeft` says how many tries remain",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many wrong attempts (`verification-locked`: ask for a new "
            + "e-mail) or too many calls (`rate-limited`: wait as Retry-After says)",
            headers = @Header(name = "Retry-After", description = "Seconds to wait; only with `rate-limited`",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public VerificationOutcome verify(@RestPath UUID id, @Valid @NotNull VerifyCommand body) {
        return service.verify(id, body);
    }

    @POST
    @Path("/telegram-login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyRequestWithTelegramLogin", summary = "Verify with Telegram's Login Widget",
            description = "For a request filed through the Telegram bot: the data Telegram's Login Widget gave the "
                    + "page, as received. It proves the account when Telegram's hash over it is right (HMAC-SHA-256 "
                    + "under the SHA-256 of the bot token), it is recent and it names the request's Telegram user. "
                    + "Refused data counts as a wrong attempt.")
    @APIResponse(responseCode = "200", description = "Verified",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = VerificationOutcome.class),
                    examples = @ExampleObject(name = "verified", value = """
                            {"id": "3f0c6a4e-6d1e-4d55-9c7a-0b7b9f1d2e11", "reference": "DSR-2026-000042",
                             "status": "OPEN", "verifiedAt": "2026-03-20T09:15:02Z"}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "Already verified",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "The login is too old, or the request expired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not signed by Telegram for our bot, or another account; "
            + "`attemptsLeft` says how many tries remain",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public VerificationOutcome verifyWithTelegramLogin(@RestPath UUID id, @Valid @NotNull TelegramLoginCommand body) {
        return service.verifyTelegramLogin(id, body.fields());
    }

    @POST
    @Path("/resend")
    @Operation(operationId = "resendVerificationCode", summary = "Send a new verification e-mail",
            description = "Sends a new link and code; earlier ones stop working. At most 3 an hour.")
    @APIResponse(responseCode = "202", description = "A new e-mail is on its way",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResendOutcome.class),
                    examples = @ExampleObject(name = "resent", value = """
                            {"linkExpiresAt": "2026-03-21T09:20:00Z", "codeExpiresAt": "2026-03-20T09:50:00Z",
                             "resendsLeftThisHour": 2}""")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "Already verified",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "The request expired unverified",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Resend limit reached; see Retry-After",
            headers = @Header(name = "Retry-After", ref = "RetryAfter"),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ResendOutcome> resend(@RestPath UUID id) {
        return RestResponse.accepted(service.resend(id));
    }
}
