package kz.region715.dsr.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import kz.region715.dsr.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1/cases/{id}/history")
@Tag(name = "Cases")
@RolesAllowed({Roles.OFFICER, Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    private final AuditHistory history;

    HistoryResource(AuditHistory history) {
        this.history = history;
    }

    @GET
    @Operation(operationId = "getCaseHistory", summary = "A case's audit history",
            description = "Everything recorded about the case in the audit trail, in order: transitions, decisions "
                    + "with actor and reason, verification attempts, e-mails, data operations on the subject's leads, "
                    + "package issue and downloads. The same events, with their hashes, as the auditors' export.")
    @APIResponse(responseCode = "200", description = "The events",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = AuditHistory.Event.class),
                    examples = @ExampleObject(name = "history", value = """
                            [{"seq": 1040, "at": "2026-03-20T09:12:44.120301Z", "actor": "subject", "type": "FILED",
                              "details": {"requestType": "DELETION", "toStatus": "PENDING_VERIFICATION",
                                          "visibleToSubject": true},
                              "hash": "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b"}]""")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<AuditHistory.Event> history(@RestPath UUID id) {
        return history.of(id);
    }
}
