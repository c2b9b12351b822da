package kz.region715.dsr.casework;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import kz.region715.dsr.platform.problem.Problem;
import kz.region715.dsr.platform.ratelimit.RateLimitedPublicEndpoint;
import kz.region715.dsr.request.RequestResource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/requests/{id}/messages")
@Tag(name = "Subject requests")
@RateLimitedPublicEndpoint
@Produces(MediaType.APPLICATION_JSON)
public class SubjectMessageResource {

    private final CaseService cases;

    SubjectMessageResource(CaseService cases) {
        this.cases = cases;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "answerQuestion", summary = "Answer the officer's question",
            description = "With the request's access token (X-Request-Token). The case returns to review.")
    @APIResponse(responseCode = "202", description = "Received",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AnswerReceived"),
                    examples = @ExampleObject(name = "received", value = "{\"status\": \"IN_REVIEW\"}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", description = "Unknown id, or wrong or missing token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No question is waiting for an answer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public RestResponse<java.util.Map<String, String>> answer(@RestPath UUID id,
            @Parameter(in = ParameterIn.HEADER, name = RequestResource.ACCESS_TOKEN_HEADER,
                    description = "The request's access token")
            @HeaderParam(RequestResource.ACCESS_TOKEN_HEADER) @Size(max = 200) String accessToken,
            @Valid @NotNull CaseCommands.SubjectMessage body) {
        cases.answer(id, accessToken, body);
        return RestResponse.accepted(java.util.Map.of("status", "IN_REVIEW"));
    }
}
