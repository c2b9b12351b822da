package kz.region715.dsr.notification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import kz.region715.dsr.platform.http.QueryParams;
import kz.region715.dsr.platform.problem.Problem;
import kz.region715.dsr.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1/admin/outbox")
@Tag(name = "Operations", description = "Operator staff: delivery of e-mail.")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class OutboxAdminResource {

    private final Outbox outbox;

    OutboxAdminResource(Outbox outbox) {
        this.outbox = outbox;
    }

    @GET
    @Operation(operationId = "listOutbox", summary = "List queued and sent e-mail",
            description = "Delivery state of outgoing e-mail, newest first: status, attempts, next attempt, kind of "
                    + "the last error. Addresses and content are never shown.")
    @APIResponse(responseCode = "200", description = "Outbox entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY,
                            implementation = OutboxEntryView.class),
                    examples = @ExampleObject(name = "failed", value = """
                            [{"id": "0d9b1e52-5c37-4f0e-9a40-3c1f4b6f7a21",
                              "requestId": "3f0c6a4e-6d1e-4d55-9c7a-0b7b9f1d2e11", "kind": "VERIFICATION",
                              "status": "FAILED", "attempts": 20,
                              "messageId": "<0d9b1e52-5c37-4f0e-9a40-3c1f4b6f7a21@region715.kz>", "tries": 20,
                              "ambiguousTries": 0, "nextAttemptAt": "2026-03-21T08:00:00Z",
                              "lastError": "ConnectException", "createdAt": "2026-03-20T09:12:44Z", "sentAt": null,
                              "failedAt": "2026-03-21T08:00:00Z", "contentHeld": true}]""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public List<OutboxEntryView> list(
            @Parameter(description = "Only messages in this delivery state",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"PENDING", "SENT", "FAILED"}))
            @QueryParam("status") String status,
            @Parameter(description = "How many, newest first: 1 to 500 (default 50)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50"))
            @QueryParam("limit") String limit) {
        QueryParams parse = new QueryParams();
        String state = parse.matching("status", status, "PENDING|SENT|FAILED", "must be one of PENDING, SENT, FAILED");
        int size = parse.limit(limit, 50, 500);
        parse.done();
        return outbox.list(state, size);
    }

    @POST
    @Path("/{id}/requeue")
    @Operation(operationId = "requeueOutboxMessage", summary = "Send a failed e-mail again",
            description = "Puts a FAILED message back in the queue with a fresh count of attempts, if its content is "
                    + "still held (content carrying a token is purged once it can no longer be used).")
    @APIResponse(responseCode = "200", description = "Requeued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OutboxEntryView.class),
                    examples = @ExampleObject(name = "requeued", value = """
                            {"id": "0d9b1e52-5c37-4f0e-9a40-3c1f4b6f7a21",
                             "requestId": "3f0c6a4e-6d1e-4d55-9c7a-0b7b9f1d2e11", "kind": "VERIFICATION",
                             "status": "PENDING", "attempts": 0,
                             "messageId": "<0d9b1e52-5c37-4f0e-9a40-3c1f4b6f7a21@region715.kz>", "tries": 20,
                             "ambiguousTries": 0, "nextAttemptAt": "2026-03-22T10:00:00Z",
                             "lastError": "ConnectException", "createdAt": "2026-03-20T09:12:44Z", "sentAt": null,
                             "failedAt": null, "contentHeld": true}""")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "Not FAILED, or its content is no longer held",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OutboxEntryView requeue(@RestPath UUID id) {
        return outbox.requeue(id);
    }
}
