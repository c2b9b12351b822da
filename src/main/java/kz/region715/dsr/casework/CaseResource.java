package kz.region715.dsr.casework;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import kz.region715.dsr.request.domain.RequestStatus;
import kz.region715.dsr.request.domain.RequestType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/cases")
@Tag(name = "Cases", description = "Privacy officers work the queue of verified requests.")
// The answers of the If-Match operations are documented once, by CaseChangeResponses.
@RolesAllowed(Roles.OFFICER)
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {

    private static final String CASE_EXAMPLE = """
            {"id": "3f0c6a4e-6d1e-4d55-9c7a-0b7b9f1d2e11", "reference": "DSR-2026-000042", "type": "CORRECTION",
             "status": "IN_REVIEW", "channel": "WEB", "locale": "ru", "receivedAt": "2026-03-20T09:12:44Z",
             "verifiedAt": "2026-03-20T09:15:02Z",
             "subject": {"email": "aigerim@example.kz", "name": "Айгерим Серикова", "phone": "+77011234567"},
             "details": {"correction": {"changes": [{"field": "PHONE", "newValue": "+77017654321"}],
                                        "explanation": "My number changed in March."}},
             "deadline": {"jurisdiction": "KZ", "policy": "KZ/CORRECTION", "basis": "STATUTORY",
                          "citation": "Law of the Republic of Kazakhstan No. 94-V, Art. 24(1)(2), 25(2)(8)",
                          "lastDay": "2026-03-26", "dueAt": "2026-03-26T18:59:59Z", "workingDaysLeft": 1,
                          "overdue": false, "extensionsGranted": 0, "extensionAvailable": false},
             "assignee": "officer-1", "etag": "\\"4\\"",
             "timeline": [{"id": 1, "at": "2026-03-20T09:12:44Z", "kind": "FILED", "actor": "subject",
                           "visibleToSubject": true, "toStatus": "PENDING_VERIFICATION"},
                          {"id": 5, "at": "2026-03-23T04:01:10Z", "kind": "ASSIGNED", "actor": "officer-1",
                           "visibleToSubject": false, "toStatus": "IN_REVIEW", "text": "officer-1"}]}""";

    private final CaseService cases;
    private final CaseQueue queue;
    private final CaseMatches matches;

    CaseResource(CaseService cases, CaseQueue queue, CaseMatches matches) {
        this.cases = cases;
        this.queue = queue;
        this.matches = matches;
    }

    @GET
    @Operation(operationId = "listCases", summary = "The work queue",
            description = "Verified cases ordered by due date (then id), filtered; keyset pagination with `cursor`. "
                    + "Unverified requests never appear.")
    @APIResponse(responseCode = "200", description = "A page of cases",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseSummary.Page.class),
                    examples = @ExampleObject(name = "page", value = """
                            {"items": [{"id": "3f0c6a4e-6d1e-4d55-9c7a-0b7b9f1d2e11", "reference": "DSR-2026-000042",
                                        "type": "CORRECTION", "status": "IN_REVIEW", "jurisdiction": "KZ",
                                        "receivedAt": "2026-03-20T09:12:44Z", "dueAt": "2026-03-26T18:59:59Z",
                                        "workingDaysLeft": 1, "overdue": false, "assignee": "officer-1"}],
                             "nextCursor": "MTc3NDU1MTU5OTowOjNmMGM2YTRl"}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public CaseSummary.Page list(
            @Parameter(description = "Status filter; repeat for several", explode = Explode.TRUE,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = RequestStatus.class)) @QueryParam("status") List<String> status,
            @Parameter(description = "Type filter; repeat for several", explode = Explode.TRUE,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = RequestType.class)) @QueryParam("type") List<String> type,
            @QueryParam("assignee") String assignee,
            @Parameter(description = "Only cases nobody is assigned to", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("unassigned") String unassigned,
            @Parameter(description = "true: open cases past their due date; false: the others", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("overdue") String overdue,
            @Parameter(description = "ISO-8601 instant: due before it", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("dueBefore") String dueBefore,
            @Parameter(description = "ISO-8601 instant, inclusive", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("receivedFrom") String receivedFrom,
            @Parameter(description = "ISO-8601 instant, exclusive", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("receivedTo") String receivedTo,
            @QueryParam("reference") String reference,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") String limit) {
        QueryParams parse = new QueryParams();
        CaseQuery query = new CaseQuery(parse.each("status", status, RequestStatus::valueOf),
                parse.each("type", type, RequestType::valueOf), parse.text("assignee", assignee, 100),
                parse.bool("unassigned", unassigned), parse.bool("overdue", overdue),
                parse.instant("dueBefore", dueBefore), parse.instant("receivedFrom", receivedFrom),
                parse.instant("receivedTo", receivedTo), parse.text("reference", reference, 32),
                parse.text("cursor", cursor, 200), parse.limit(limit, 50, 200));
        parse.done();
        return queue.list(query);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCase", summary = "A case", description = "The request, the subject, the deadline (date, basis, citation, "
            + "working days left) and the full timeline with actor and time of every entry. The ETag header is "
            + "what If-Match needs for a change.")
    @APIResponse(responseCode = "200", description = "The case",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class),
                    examples = @ExampleObject(name = "case", value = CASE_EXAMPLE)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<CaseView> get(@RestPath UUID id) {
        return withEtag(cases.get(id));
    }

    @POST
    @Path("/{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "assignCase", summary = "Assign the case", description = "To the caller (no assignee) or to another officer. "
            + "An OPEN case moves to IN_REVIEW.")
    public RestResponse<CaseView> assign(@RestPath UUID id, @Parameter(ref = "IfMatch") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseCommands.Assign body) {
        return withEtag(cases.assign(id, ifMatch, body));
    }

    @POST
    @Path("/{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addCaseNote", summary = "Add an internal note", description = "Never shown to the subject.")
    public RestResponse<CaseView> note(@RestPath UUID id, @Parameter(ref = "IfMatch") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseCommands.Note body) {
        return withEtag(cases.addNote(id, ifMatch, body));
    }

    @POST
    @Path("/{id}/questions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "askSubject", summary = "Ask the subject", description = "E-mails the question; the case waits in AWAITING_SUBJECT "
            + "until the subject answers (POST /api/v1/requests/{id}/messages). Where the deadline policy says so, "
            + "the wait does not count against the deadline.")
    public RestResponse<CaseView> ask(@RestPath UUID id, @Parameter(ref = "IfMatch") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseCommands.Question body) {
        return withEtag(cases.ask(id, ifMatch, body));
    }

    @POST
    @Path("/{id}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "approveCase", summary = "Approve", description = "The case waits in APPROVED for execution.")
    @APIResponse(responseCode = "422", description = "A correction's new values would not be valid in the lead store "
            + "(`corrections-invalid`, with `errors`); approve with corrected values in `corrections`.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<CaseView> approve(@RestPath UUID id, @Parameter(ref = "IfMatch") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseCommands.Approve body) {
        return withEtag(cases.approve(id, ifMatch, body));
    }

    @POST
    @Path("/{id}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rejectCase", summary = "Reject", description = "With a reason and a legal basis; the subject's e-mail gives both "
            + "and the right to appeal to the authorised body or a court (policy 7.6).")
    public RestResponse<CaseView> reject(@RestPath UUID id, @Parameter(ref = "IfMatch") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseCommands.Reject body) {
        return withEtag(cases.reject(id, ifMatch, body));
    }

    @POST
    @Path("/{id}/extension")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "extendDeadline", summary = "Extend the deadline", description = "Only as the deadline policy allows; the new due date "
            + "is computed and the subject is told why by e-mail. 409 `extension-not-allowed` otherwise.")
    public RestResponse<CaseView> extend(@RestPath UUID id, @Parameter(ref = "IfMatch") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseCommands.Extend body) {
        return withEtag(cases.extend(id, ifMatch, body));
    }

    @POST
    @Path("/{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cancelCase", summary = "Cancel", description = "As a duplicate, withdrawn by the subject, or other; the subject is told.")
    public RestResponse<CaseView> cancel(@RestPath UUID id, @Parameter(ref = "IfMatch") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseCommands.Cancel body) {
        return withEtag(cases.cancel(id, ifMatch, body));
    }

    @POST
    @Path("/{id}/jurisdiction")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setJurisdiction", summary = "Change the jurisdiction", description = "With a reason; the due date is recomputed under "
            + "the new jurisdiction's policy from the original receipt or verification.")
    public RestResponse<CaseView> jurisdiction(@RestPath UUID id, @Parameter(ref = "IfMatch") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseCommands.ChangeJurisdiction body) {
        return withEtag(cases.changeJurisdiction(id, ifMatch, body));
    }

    @GET
    @Path("/{id}/matches")
    @Operation(operationId = "listCaseMatches", summary = "The subject's data", description = "Leads that belong to the verified subject: by the "
            + "verified e-mail, and by the phone the subject gave once an officer confirmed it, each with why it "
            + "matched and whether it is included or excluded; and the service's own records of the subject "
            + "(requests, e-mails).")
    @APIResponse(responseCode = "200", description = "The matches",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MatchesView.class),
                    examples = @ExampleObject(name = "matches", value = """
                            {"leads": [{"matchedBy": ["EMAIL"], "included": true, "needsConfirmation": false,
                                        "lead": {"id": "7a1d0c3e-94b2-4f7e-8d7c-2f0b1e6a9c55", "source": "WEB_FORM",
                                                 "email": "aigerim@example.kz", "receivedAt": "2026-03-02T10:00:00Z",
                                                 "flags": {"processable": true}}},
                                       {"matchedBy": ["PHONE"], "included": false, "needsConfirmation": true,
                                        "lead": {"id": "0f2b8d4a-1c3e-4a5b-9d6f-7e8a9b0c1d2e", "source": "TELEGRAM_BOT",
                                                 "phone": "+77011234567", "receivedAt": "2026-02-11T16:20:00Z",
                                                 "flags": {"processable": true}}}],
                             "serviceRecords": {"requests": [{"id": "3f0c6a4e-6d1e-4d55-9c7a-0b7b9f1d2e11",
                                                              "reference": "DSR-2026-000042", "type": "ACCESS",
                                                              "status": "IN_REVIEW", "receivedAt": "2026-03-20T09:12:44Z"}],
                                                "emails": [{"requestId": "3f0c6a4e-6d1e-4d55-9c7a-0b7b9f1d2e11",
                                                            "kind": "VERIFICATION", "status": "SENT",
                                                            "createdAt": "2026-03-20T09:12:50Z"}]}}""")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public MatchesView matches(@RestPath UUID id) {
        return matches.matches(id);
    }

    @POST
    @Path("/{id}/matches/{leadId}/exclusion")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "excludeMatch", summary = "Exclude a false match", description = "Before the decision; recorded with the reason. "
            + "The execution of the request leaves the lead alone.")
    public RestResponse<CaseView> exclude(@RestPath UUID id, @RestPath UUID leadId,
            @Parameter(ref = "IfMatch") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseCommands.Exclude body) {
        return withEtag(cases.excludeMatch(id, leadId, ifMatch, body));
    }

    @POST
    @Path("/{id}/phone-confirmation")
    @Operation(operationId = "confirmPhone", summary = "Confirm the subject's phone", description = "The officer checked that the phone the "
            + "subject gave is theirs: leads found by it count as the subject's data. Before the decision.")
    @APIResponse(responseCode = "422", description = "The subject gave no phone (`no-phone`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<CaseView> confirmPhone(@RestPath UUID id,
            @Parameter(ref = "IfMatch") @HeaderParam("If-Match") String ifMatch) {
        return withEtag(cases.confirmPhone(id, ifMatch));
    }

    private static RestResponse<CaseView> withEtag(CaseView view) {
        return RestResponse.ResponseBuilder.ok(view).header("ETag", view.etag()).build();
    }
}
