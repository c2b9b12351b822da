package kz.region715.dsr.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import kz.region715.dsr.platform.http.ExportFilter;
import kz.region715.dsr.platform.http.Tabular;
import kz.region715.dsr.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/audit")
@Tag(name = "Audit", description = "Auditors: the tamper-evident trail of everything done to requests and data.")
@RolesAllowed(Roles.AUDITOR)
public class AuditResource {

    private static final String EVENT_TYPE = "[A-Z_]{1,40}";

    /** Response header: the chain's size (last seq) the export covers. */
    static final String CHAIN_SIZE = "Audit-Chain-Size";
    /** Response header: events recorded but not yet sequenced when the export began (not in it). */
    static final String PENDING = "Audit-Pending-Events";

    private final AuditExport export;
    private final ChainVerification verification;
    private final TreeHeads treeHeads;

    AuditResource(AuditExport export, ChainVerification verification, TreeHeads treeHeads) {
        this.export = export;
        this.verification = verification;
        this.treeHeads = treeHeads;
    }

    @GET
    @Path("/events")
    @Produces({Tabular.NDJSON, Tabular.CSV})
    @Operation(operationId = "exportAuditEvents", summary = "Export the audit trail",
            description = "Events in sequence order, filtered by time range [from, to), request reference and event "
                    + "type; NDJSON (default) or CSV by Accept; streamed from the database. The export covers the "
                    + "chain as it stood when it began (`Audit-Chain-Size`); events recorded but not yet sequenced "
                    + "(`Audit-Pending-Events`, in the chain within seconds) are in a later export. Each NDJSON line is the "
                    + "event's canonical form with `hash` added last: remove `hash` and print with sorted keys "
                    + "(`jq -cS 'del(.hash)'`) to get the exact bytes whose SHA-256 is `hash`; `prev` is the hash of "
                    + "the event before. No personal data: the subject is a keyed pseudonym.")
    @APIResponse(responseCode = "200", description = "The events",
            headers = {
                    @Header(name = CHAIN_SIZE, required = true, description = "The chain's size (last seq) the export"
                            + " covers", schema = @Schema(type = SchemaType.INTEGER, format = "int64")),
                    @Header(name = PENDING, required = true, description = "Events recorded but not yet in the chain"
                            + " when the export began; not in this export",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64"))},
            content = {
                    @Content(mediaType = Tabular.NDJSON, schema = @Schema(type = SchemaType.STRING, format = "binary"),
                            examples = @ExampleObject(name = "ndjson", ref = "AuditEventsNdjson")),
                    @Content(mediaType = Tabular.CSV, schema = @Schema(type = SchemaType.STRING, format = "binary"),
                            examples = @ExampleObject(name = "csv", value = "seq,at,actor,type,request,subject,details,prev,hash\r\n"))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response events(
            @Parameter(description = "ISO-8601 instant, inclusive", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("from") String from,
            @Parameter(description = "ISO-8601 instant, exclusive", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("to") String to,
            @Parameter(description = "Request reference") @QueryParam("request") String request,
            @Parameter(description = "Event type, e.g. APPROVED") @QueryParam("type") String type,
            @HeaderParam("Accept") String accept) {
        ExportFilter filter = ExportFilter.parse(from, to, request, type, EVENT_TYPE, "an event type such as APPROVED");
        boolean csv = Tabular.wantsCsv(accept);
        AuditExport.Snapshot snapshot = export.snapshot();
        StreamingOutput body = out -> export.write(filter, csv, snapshot.chainSize(), out);
        return Response.ok(body, Tabular.mediaType(csv)).header(CHAIN_SIZE, snapshot.chainSize())
                .header(PENDING, snapshot.pending()).build();
    }

    @GET
    @Path("/verification")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyAuditChain", summary = "Verify the hash chain",
            description = "Recomputes the chain over the events of [from, to) (the whole trail without them): each "
                    + "event's hash, its link to the event before, an unbroken sequence, the indexed columns against "
                    + "the hashed content, and for an open end the chain's head and the newest signed tree head "
                    + "(signature, and the hash the chain has at its size). OK, or BROKEN with the first event where "
                    + "it breaks; `pending` counts the events recorded but not yet sequenced (not checked).")
    @APIResponse(responseCode = "200", description = "The result",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChainVerification.Result.class),
                    examples = @ExampleObject(name = "broken", value = """
                            {"status": "BROKEN", "from": "2026-03-01T00:00:00Z", "checked": 1041, "firstSeq": 1,
                             "lastSeq": 1041, "lastHash": "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b",
                             "firstBreak": {"seq": 1042, "problem": "hash does not match the event's content"}}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public ChainVerification.Result verify(
            @Parameter(description = "ISO-8601 instant, inclusive", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("from") String from,
            @Parameter(description = "ISO-8601 instant, exclusive", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("to") String to) {
        ExportFilter filter = ExportFilter.parse(from, to, null, null, EVENT_TYPE, "an event type");
        return verification.verify(filter.from(), filter.to());
    }

    @GET
    @Path("/tree-head")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getAuditTreeHead", summary = "The newest signed tree head",
            description = "The chain's size and last hash when the sequencer's last batch ended, signed with Ed25519, "
                    + "with the public key that checks it, and the sequencing backlog. Keep the head with an export: "
                    + "`java docs/audit/VerifyAuditExport.java trail.ndjson --tree-head head.json --public-key KEY` "
                    + "checks the signature and that the export holds the chain the head was signed over.")
    @APIResponse(responseCode = "200", description = "The tree head",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TreeHeads.Status.class),
                    examples = @ExampleObject(name = "head", value = """
                            {"treeHead": {"treeSize": 1042, "rootHash": "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b",
                                          "signedAt": "2026-12-07T08:00:01.120301Z", "keyId": "5d0e3b1f9a2c4e77",
                                          "publicKey": "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=",
                                          "signature": "q0nX2bYk0f3Tg8v4m9Q6yZ1c7W5uE3rJ2hL8sN4pD6aB0kF9tG7xV1zC3oM5iR8eU2wY4nH6jK0lP9qS7dT1fA=="},
                             "publicKey": "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=",
                             "keyId": "5d0e3b1f9a2c4e77", "pendingEvents": 3, "oldestPendingSeconds": 0}""")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public TreeHeads.Status treeHead() {
        return treeHeads.status();
    }
}
