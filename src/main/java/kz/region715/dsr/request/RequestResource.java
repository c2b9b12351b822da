package kz.region715.dsr.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import kz.region715.dsr.platform.problem.Problem;
import kz.region715.dsr.platform.ratelimit.RateLimitedPublicEndpoint;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/requests")
@Tag(name = "Subject requests", description = "Public: a data subject files a request and follows it.")
@RateLimitedPublicEndpoint
@Produces(MediaType.APPLICATION_JSON)
public class RequestResource {

    /** Header carrying a request's own secret access token (from the acknowledgement e-mail). */
    public static final String ACCESS_TOKEN_HEADER = "X-Request-Token";

    private final RequestService service;

    RequestResource(RequestService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "fileRequest", summary = "File a request",
            description = "Files an ACCESS, CORRECTION, RESTRICTION, DELETION or WITHDRAWAL request and e-mails a "
                    + "verification link and code to the address given. The answer is the same whether or not the "
                    + "address is already known. Repeat with the same Idempotency-Key and body to get the first "
                    + "answer again without a second request or e-mail.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "access", value = """
                    {"type": "ACCESS", "email": "aigerim@example.kz", "name": "Айгерим Серикова", "locale": "ru"}"""),
            @ExampleObject(name = "correction", value = """
                    {"type": "CORRECTION", "email": "aigerim@example.kz", "name": "Aigerim Serikova",
                     "phone": "8 701 123 45 67", "locale": "en",
                     "correction": {"changes": [{"field": "PHONE", "newValue": "+7 701 765 43 21"}],
                                    "explanation": "My number changed in March."}}"""),
            @ExampleObject(name = "restriction", value = """
                    {"type": "RESTRICTION", "email": "aigerim@example.kz", "name": "Aigerim Serikova",
                     "restriction": {"reason": "I dispute the accuracy of my data."}}"""),
            @ExampleObject(name = "withdrawal", value = """
                    {"type": "WITHDRAWAL", "email": "aigerim@example.kz", "name": "Aigerim Serikova", "locale": "kk",
                     "withdrawal": {"scope": "PURPOSES", "purposes": ["CONSULTING", "SERVICE_IMPROVEMENT"]}}"""),
            @ExampleObject(name = "deletion", value = """
                    {"type": "DELETION", "email": "aigerim@example.kz", "name": "Aigerim Serikova",
                     "deletion": {"scope": "SOURCES", "sources": ["TELEGRAM_BOT"]}}""")}))
    @APIResponse(responseCode = "202", description = "Filed; a verification e-mail is on its way.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FiledRequest.class),
                    examples = @ExampleObject(name = "filed", value = """
                            {"id": "3f0c6a4e-6d1e-4d55-9c7a-0b7b9f1d2e11", "reference": "DSR-2026-000042",
                             "status": "PENDING_VERIFICATION"}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", description = "Idempotency-Key already used with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many filings from this client or for this e-mail address; "
            + "see Retry-After", headers = @Header(name = "Retry-After", ref = "RetryAfter"),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<FiledRequest> file(
            @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key",
                    description = "A unique key per intended filing (for example a UUID), to make retries safe.")
            @HeaderParam("Idempotency-Key") @Size(min = 8, max = 255)
            @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII without spaces") String idempotencyKey,
            @Valid @NotNull FileRequestCommand body) {
        return RestResponse.accepted(service.file(body, idempotencyKey));
    }

    @POST
    @Path("/{id}/status-link")
    @Operation(operationId = "resendStatusLink", summary = "E-mail the status link again",
            description = "For a verified request whose subject lost the acknowledgement e-mail: a new status link "
                    + "goes to the address the request was filed with. The link the subject holds keeps working "
                    + "until the new one is first used (then only the new one works); asking again replaces a new "
                    + "link not used yet. Needs no token (only that address's owner receives anything); counts "
                    + "against the address's hourly e-mail limit.")
    @APIResponse(responseCode = "202", description = "A new status link is on its way",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LinkSent"),
                    examples = @ExampleObject(name = "sent", value = "{\"sent\": true}")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "Not verified yet (use the verification e-mail)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "Expired unverified, or its details deleted after retention",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public RestResponse<java.util.Map<String, Boolean>> resendStatusLink(@RestPath UUID id) {
        service.reissueAccessLink(id);
        // Says nothing of the request: whoever knows its id learns only that the owner was written to
        return RestResponse.accepted(java.util.Map.of("sent", true));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getRequestStatus", summary = "See a request as its subject",
            description = "Type, reference, status, received time, due date once known and the public timeline. "
                    + "Needs the request's access token from the acknowledgement e-mail in the X-Request-Token "
                    + "header; a wrong or missing token answers 404 like an unknown id.")
    @APIResponse(responseCode = "200", description = "The request",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubjectRequestView.class),
                    examples = @ExampleObject(name = "verified", value = """
                            {"id": "3f0c6a4e-6d1e-4d55-9c7a-0b7b9f1d2e11", "reference": "DSR-2026-000042",
                             "type": "CORRECTION", "status": "OPEN", "locale": "ru",
                             "receivedAt": "2026-03-20T09:12:44Z", "verifiedAt": "2026-03-20T09:15:02Z",
                             "dueAt": "2026-03-23T18:59:59Z", "closedAt": null,
                             "timeline": [{"at": "2026-03-20T09:12:44Z", "kind": "FILED", "status": "PENDING_VERIFICATION"},
                                          {"at": "2026-03-20T09:15:02Z", "kind": "VERIFIED", "status": "OPEN"}]}""")))
    @APIResponse(responseCode = "404", description = "Unknown id, or wrong or missing token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public SubjectRequestView get(@RestPath UUID id,
            @Parameter(in = ParameterIn.HEADER, name = ACCESS_TOKEN_HEADER, description = "The request's access token")
            @HeaderParam(ACCESS_TOKEN_HEADER) @Size(max = 200) String accessToken) {
        return service.viewAsSubject(id, accessToken);
    }
}
