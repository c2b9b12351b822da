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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import kz.region715.dsr.platform.problem.Problem;
import kz.region715.dsr.platform.problem.ProblemException;
import kz.region715.dsr.platform.security.Roles;
import kz.region715.dsr.request.domain.RequestStatus;
import kz.region715.dsr.request.domain.RequestType;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

    CaseResource(CaseService cases, CaseQueue queue) {
        this.cases = cases;
        this.queue = queue;
    }

    @GET
    @Operation(summary = "The work queue",
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
            @Parameter(description = "Status filter; repeat for several") @QueryParam("status") List<String> status,
            @Parameter(description = "Type filter; repeat for several") @QueryParam("type") List<String> type,
            @QueryParam("assignee") String assignee,
            @Parameter(description = "Only cases nobody is assigned to") @QueryParam("unassigned") String unassigned,
            @Parameter(description = "true: open cases past their due date; false: the others") @QueryParam("overdue") String overdue,
            @Parameter(description = "ISO-8601 instant: due before it") @QueryParam("dueBefore") String dueBefore,
            @Parameter(description = "ISO-8601 instant, inclusive") @QueryParam("receivedFrom") String receivedFrom,
            @Parameter(description = "ISO-8601 instant, exclusive") @QueryParam("receivedTo") String receivedTo,
            @QueryParam("reference") String reference,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") String limit) {
        Parser parse = new Parser();
        CaseQuery query = new CaseQuery(parse.each("status", status, RequestStatus::valueOf),
                parse.each("type", type, RequestType::valueOf), parse.text("assignee", assignee, 100),
                parse.bool("unassigned", unassigned), parse.bool("overdue", overdue),
                parse.instant("dueBefore", dueBefore), parse.instant("receivedFrom", receivedFrom),
                parse.instant("receivedTo", receivedTo), parse.text("reference", reference, 32),
                parse.text("cursor", cursor, 200), parse.limit(limit));
        parse.done();
        return queue.list(query);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A case", description = "The request, the subject, the deadline (date, basis, citation, "
            + "working days left) and the full timeline with actor and time of every entry. The ETag header is "
            + "what If-Match needs for a change.")
    @APIResponse(responseCode = "200", description = "The case",
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
    @Operation(summary = "Assign the case", description = "To the caller (no assignee) or to another officer. "
            + "An OPEN case moves to IN_REVIEW.")
    public RestResponse<CaseView> assign(@RestPath UUID id, @Parameter(ref = "IfMatch") @HeaderParam("If-Match") String ifMatch,
            @Valid CaseCommands.Assign body) {
        return withEtag(cases.assign(id, ifMatch, body));
    }

    @POST
    @Path("/{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an internal note", description = "Never shown to the subject.")
    public RestResponse<CaseView> note(@RestPath UUID id, @Parameter(ref = "IfMatch") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseCommands.Note body) {
        return withEtag(cases.addNote(id, ifMatch, body));
    }

    @POST
    @Path("/{id}/questions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask the subject", description = "E-mails the question; the case waits in AWAITING_SUBJECT "
            + "until the subject answers (POST /api/v1/requests/{id}/messages). Where the deadline policy says so, "
            + "the wait does not count against the deadline.")
    public RestResponse<CaseView> ask(@RestPath UUID id, @Parameter(ref = "IfMatch") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseCommands.Question body) {
        return withEtag(cases.ask(id, ifMatch, body));
    }

    @POST
    @Path("/{id}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve", description = "The case waits in APPROVED for execution.")
    public RestResponse<CaseView> approve(@RestPath UUID id, @Parameter(ref = "IfMatch") @HeaderParam("If-Match") String ifMatch,
            @Valid CaseCommands.Approve body) {
        return withEtag(cases.approve(id, ifMatch, body));
    }

    @POST
    @Path("/{id}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject", description = "With a reason and a legal basis; the subject's e-mail gives both "
            + "and the right to appeal to the authorised body or a court (policy 7.6).")
    public RestResponse<CaseView> reject(@RestPath UUID id, @Parameter(ref = "IfMatch") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseCommands.Reject body) {
        return withEtag(cases.reject(id, ifMatch, body));
    }

    @POST
    @Path("/{id}/extension")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Extend the deadline", description = "Only as the deadline policy allows; the new due date "
            + "is computed and the subject is told why by e-mail. 409 `extension-not-allowed` otherwise.")
    public RestResponse<CaseView> extend(@RestPath UUID id, @Parameter(ref = "IfMatch") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseCommands.Extend body) {
        return withEtag(cases.extend(id, ifMatch, body));
    }

    @POST
    @Path("/{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel", description = "As a duplicate, withdrawn by the subject, or other; the subject is told.")
    public RestResponse<CaseView> cancel(@RestPath UUID id, @Parameter(ref = "IfMatch") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseCommands.Cancel body) {
        return withEtag(cases.cancel(id, ifMatch, body));
    }

    @POST
    @Path("/{id}/jurisdiction")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the jurisdiction", description = "With a reason; the due date is recomputed under "
            + "the new jurisdiction's policy from the original receipt or verification.")
    public RestResponse<CaseView> jurisdiction(@RestPath UUID id, @Parameter(ref = "IfMatch") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseCommands.ChangeJurisdiction body) {
        return withEtag(cases.changeJurisdiction(id, ifMatch, body));
    }

    private static RestResponse<CaseView> withEtag(CaseView view) {
        return RestResponse.ResponseBuilder.ok(view).header("ETag", view.etag()).build();
    }

    /** Collects every invalid query parameter, then fails once with all of them. */
    private static final class Parser {
        private final List<Problem.FieldError> errors = new ArrayList<>();

        <T> List<T> each(String name, List<String> values, Function<String, T> parse) {
            if (values == null) {
                return List.of();
            }
            List<T> parsed = new ArrayList<>();
            for (String value : values) {
                try {
                    parsed.add(parse.apply(value));
                } catch (IllegalArgumentException e) {
                    errors.add(new Problem.FieldError(name, "is not a known value"));
                }
            }
            return parsed;
        }

        String text(String name, String value, int max) {
            if (value != null && (value.isBlank() || value.length() > max)) {
                errors.add(new Problem.FieldError(name, "must be 1 to " + max + " characters"));
                return null;
            }
            return value;
        }

        Boolean bool(String name, String value) {
            if (value == null) {
                return null;
            }
            if (!value.equals("true") && !value.equals("false")) {
                errors.add(new Problem.FieldError(name, "must be true or false"));
                return null;
            }
            return Boolean.valueOf(value);
        }

        Instant instant(String name, String value) {
            if (value == null) {
                return null;
            }
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                errors.add(new Problem.FieldError(name, "must be an ISO-8601 instant such as 2026-03-27T00:00:00Z"));
                return null;
            }
        }

        int limit(String value) {
            if (value == null) {
                return 50;
            }
            try {
                int limit = Integer.parseInt(value);
                if (limit >= 1 && limit <= 200) {
                    return limit;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            errors.add(new Problem.FieldError("limit", "must be a whole number from 1 to 200"));
            return 50;
        }

        void done() {
            if (!errors.isEmpty()) {
                throw new ProblemException(400, "validation", "Invalid request",
                        errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid", errors,
                        java.util.Map.of(), java.util.Map.of());
            }
        }
    }
}
