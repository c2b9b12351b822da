package kz.region715.dsr.execution;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import kz.region715.dsr.casework.CaseView;
import kz.region715.dsr.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/cases/{id}")
@Tag(name = "Cases")
@RolesAllowed(Roles.OFFICER)
@Produces(MediaType.APPLICATION_JSON)
public class ExecutionResource {

    private final Executions executions;

    ExecutionResource(Executions executions) {
        this.executions = executions;
    }

    @GET
    @Path("/execution")
    @Operation(operationId = "getExecution", summary = "The execution of an approved case",
            description = "Status (QUEUED, RUNNING, DONE, FAILED, CANCELLED), tries, the last error (exception "
                    + "class names only), what was done to the subject's leads per outcome, the leads kept under "
                    + "legal hold and why, the disclosure recipients told of the erasure, the access package "
                    + "(issued, expires, downloads) and a restriction lift.")
    @APIResponse(responseCode = "200", description = "The execution",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExecutionView.class),
                    examples = @ExampleObject(name = "deletion", value = """
                            {"status": "DONE", "attempts": 1, "queuedAt": "2026-03-24T05:00:00Z",
                             "startedAt": "2026-03-24T05:00:10Z", "finishedAt": "2026-03-24T05:00:11Z",
                             "summary": {"type": "DELETION", "leadsHandled": 3,
                                         "outcomes": {"ANONYMISED": 2, "KEPT_LEGAL_HOLD": 1},
                                         "keptUnderLegalHold": [{"source": "WEB_FORM",
                                             "receivedAt": "2025-11-02T08:00:00Z",
                                             "reason": "Tax audit 2025: contract records (Tax Code Art. 48)"}],
                                         "recipientsNotified": ["Courier LLP"]}}""")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ExecutionView execution(@RestPath UUID id) {
        return executions.view(id);
    }

    @POST
    @Path("/retry")
    @Operation(operationId = "retryExecution", summary = "Retry a failed execution", description = "The case goes from FAILED back to EXECUTING and "
            + "the execution continues from where it stopped: leads already handled are not touched again.")
    public RestResponse<CaseView> retry(@RestPath UUID id,
            @Parameter(ref = "IfMatch") @HeaderParam("If-Match") String ifMatch) {
        return withEtag(executions.retry(id, ifMatch));
    }

    @POST
    @Path("/restriction-lift")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "liftRestriction", summary = "Lift a restriction", description = "For a COMPLETED restriction: unblocks the leads it "
            + "blocked and those of the subject stored blocked since, records the reason and tells the subject by "
            + "e-mail. Once per case.")
    public RestResponse<CaseView> liftRestriction(@RestPath UUID id,
            @Parameter(ref = "IfMatch") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ExecutionCommands.Lift body) {
        return withEtag(executions.liftRestriction(id, ifMatch, body));
    }

    private static RestResponse<CaseView> withEtag(CaseView view) {
        return RestResponse.ResponseBuilder.ok(view).header("ETag", view.etag()).build();
    }
}
