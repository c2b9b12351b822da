package kz.region715.dsr.breach;

import io.vertx.core.http.HttpServerResponse;
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
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.region715.dsr.audit.AuditHistory;
import kz.region715.dsr.breach.domain.BreachStatus;
import kz.region715.dsr.platform.http.QueryParams;
import kz.region715.dsr.platform.http.Tabular;
import kz.region715.dsr.platform.security.Roles;
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

@Path("/api/v1/breaches")
@Tag(name = "Breaches", description = "The register of personal-data breaches: what happened, to which data, the "
        + "one-working-day term to notify the authorised body, what was done and recorded. Officers and admins "
        + "write; auditors read and export.")
// The answers of the If-Match operations are documented once, by BreachChangeResponses.
@RolesAllowed({Roles.OFFICER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class BreachResource {

    private static final String BREACH_EXAMPLE = """
            {"id": "5d9f3c1e-2b4a-4e6f-8a1b-3c5d7e9f0a2b", "reference": "BR-2026-000001", "status": "DETECTED",
             "detectedAt": "2026-05-08T14:30:00Z", "registeredAt": "2026-05-08T15:02:11Z", "registeredBy": "officer-1",
             "discovery": {"method": "MONITORING", "details": "Alert of the storage access monitor."},
             "description": "The web form's export folder was readable without a login for two days.",
             "dataCategories": ["NAME", "PHONE"], "sources": ["WEB_FORM"], "systems": ["Website form export"],
             "window": {"from": "2026-05-06T08:00:00Z", "to": "2026-05-08T14:00:00Z"}, "estimatedCount": 120,
             "measuresTaken": "Folder closed; access keys rotated.", "measuresPlanned": null,
             "responsible": {"name": "Dana Seitkali", "position": "Data protection officer",
                             "email": "dpo@region715.kz", "phone": "+77172000000"},
             "authorityDeadline": {"jurisdiction": "KZ", "policy": "KZ/BREACH_AUTHORITY_NOTICE", "basis": "STATUTORY",
                                   "citation": "Law 94-V as amended by Law 44-VIII of 11.12.2023 ...",
                                   "lastDay": "2026-05-12", "dueAt": "2026-05-12T18:59:59Z", "workingDaysLeft": 1,
                                   "due": true, "overdue": false},
             "assessment": null, "notNotifiable": null, "authorityNotice": null, "closure": null,
             "affected": null, "etag": "\\"0\\"", "notes": []}""";

    private static final String NOTICE_EXAMPLE = """
            {"reference": "BR-2026-000001", "breachId": "5d9f3c1e-2b4a-4e6f-8a1b-3c5d7e9f0a2b", "status": "ASSESSED",
             "generatedAt": "2026-05-11T05:10:00Z", "timeZone": "Asia/Almaty",
             "operator": {"name": "Region715", "bin": "123456789012", "address": "Astana, Mangilik El avenue 55/8",
                          "contactEmail": "sales@region715.kz", "phone": "+77172000001"},
             "responsible": {"name": "Dana Seitkali", "position": "Data protection officer",
                             "email": "dpo@region715.kz", "phone": "+77172000000"},
             "detectedAt": "2026-05-08T14:30:00Z",
             "discovery": {"method": "MONITORING", "details": "Alert of the storage access monitor."},
             "description": "The web form's export folder was readable without a login for two days.",
             "dataCategories": ["NAME", "PHONE"], "sources": ["WEB_FORM"], "systems": ["Website form export"],
             "window": {"from": "2026-05-06T08:00:00Z", "to": "2026-05-08T14:00:00Z"}, "estimatedCount": 120,
             "affectedPeople": 120, "affectedPeopleCounted": false, "assessment": "Names and phones of web leads.",
             "measuresTaken": "Folder closed; access keys rotated.", "measuresPlanned": "Access review of exports.",
             "authorityDeadline": {"jurisdiction": "KZ", "policy": "KZ/BREACH_AUTHORITY_NOTICE", "basis": "STATUTORY",
                                   "citation": "Law 94-V as amended by Law 44-VIII of 11.12.2023 ...",
                                   "lastDay": "2026-05-12", "dueAt": "2026-05-12T18:59:59Z", "workingDaysLeft": 1,
                                   "due": true, "overdue": false},
             "sent": null, "notNotifiable": null, "subjectsDataIncluded": false}""";

    private static final String EXPORT_CSV = "reference,status,detectedAt,registeredAt,registeredBy,discoveryMethod,"
            + "discoveryDetails,description,dataCategories,sources,systems,windowFrom,windowTo,estimatedCount,"
            + "measuresTaken,measuresPlanned,responsibleName,responsiblePosition,jurisdiction,deadlinePolicy,dueLastDay,"
            + "dueAt,assessedAt,assessment,notNotifiableAt,notNotifiableBasis,notNotifiableReference,authoritySentAt,"
            + "authorityChannel,authorityReference,subjectsNotifiedAt,closedAt\r\n";

    private final BreachService breaches;
    private final BreachExport export;
    private final AuthorityNotices notices;

    BreachResource(BreachService breaches, BreachExport export, AuthorityNotices notices) {
        this.breaches = breaches;
        this.export = export;
        this.notices = notices;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerBreach", summary = "Register a breach",
            description = "On detection. The term to notify the authorised body (one working day after detection on "
                    + "the jurisdiction's working calendar, policy `BREACH_AUTHORITY_NOTICE`) starts at `detectedAt`, "
                    + "which may not lie in the future. The breach is DETECTED.")
    @APIResponse(responseCode = "201", description = "Registered; Location names the breach",
            headers = {
                    @Header(name = "Location", required = true, description = "The breach's address",
                            schema = @Schema(type = SchemaType.STRING, format = "uri-reference",
                                    examples = "/api/v1/breaches/5d9f3c1e-2b4a-4e6f-8a1b-3c5d7e9f0a2b")),
                    @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BreachView.class),
                    examples = @ExampleObject(name = "breach", value = BREACH_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public RestResponse<BreachView> register(@Valid @NotNull BreachCommands.Register body) {
        BreachView registered = breaches.register(body);
        return RestResponse.ResponseBuilder.<BreachView>created(URI.create("/api/v1/breaches/" + registered.id()))
                .header("ETag", registered.etag()).entity(registered).build();
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(operationId = "listBreaches", summary = "The register",
            description = "Breaches ordered by the due instant of their authority notice (then id), filtered; keyset "
                    + "pagination with `cursor`.")
    @APIResponse(responseCode = "200", description = "A page of breaches",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BreachSummary.Page.class),
                    examples = @ExampleObject(name = "page", value = """
                            {"items": [{"id": "5d9f3c1e-2b4a-4e6f-8a1b-3c5d7e9f0a2b", "reference": "BR-2026-000001",
                                        "status": "DETECTED", "detectedAt": "2026-05-08T14:30:00Z",
                                        "lastDay": "2026-05-12", "dueAt": "2026-05-12T18:59:59Z",
                                        "workingDaysLeft": 1, "overdue": false, "estimatedCount": 120}],
                             "nextCursor": null}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public BreachSummary.Page list(
            @Parameter(description = "Status filter; repeat for several", explode = Explode.TRUE,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = BreachStatus.class)) @QueryParam("status") List<String> status,
            @Parameter(description = "true: the authority notice is owed and past due; false: the others",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("overdue") String overdue,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") String limit) {
        QueryParams parse = new QueryParams();
        BreachQuery query = new BreachQuery(parse.each("status", status, BreachStatus::valueOf),
                parse.bool("overdue", overdue), parse.text("cursor", cursor, 200), parse.limit(limit, 50, 200));
        parse.done();
        return breaches.list(query);
    }

    @GET
    @Path("/export")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Produces({Tabular.NDJSON, Tabular.CSV})
    @Operation(operationId = "exportBreaches", summary = "Export the register",
            description = "Breaches detected in [from, to), optionally in the given statuses, by detection time; "
                    + "NDJSON (default) or CSV by Accept; streamed from the database. The responsible person appears "
                    + "by name and position only; internal notes are not exported.")
    @APIResponse(responseCode = "200", description = "The breaches",
            content = {
                    @Content(mediaType = Tabular.NDJSON, schema = @Schema(type = SchemaType.STRING, format = "binary"),
                            examples = @ExampleObject(name = "ndjson", ref = "BreachesNdjson")),
                    @Content(mediaType = Tabular.CSV, schema = @Schema(type = SchemaType.STRING, format = "binary"),
                            examples = @ExampleObject(name = "csv", value = EXPORT_CSV))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response exportRegister(
            @Parameter(description = "ISO-8601 instant, inclusive (detection)", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("from") String from,
            @Parameter(description = "ISO-8601 instant, exclusive (detection)", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("to") String to,
            @Parameter(description = "Status filter; repeat for several", explode = Explode.TRUE,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = BreachStatus.class)) @QueryParam("status") List<String> status,
            @HeaderParam("Accept") String accept) {
        QueryParams parse = new QueryParams();
        Instant start = parse.instant("from", from);
        Instant end = parse.instant("to", to);
        parse.ordered("from", start, end);
        BreachExport.Filter filter = new BreachExport.Filter(start, end,
                parse.each("status", status, BreachStatus::valueOf));
        parse.done();
        boolean csv = Tabular.wantsCsv(accept);
        StreamingOutput body = out -> export.write(filter, csv, out);
        return Response.ok(body, Tabular.mediaType(csv)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(operationId = "getBreach", summary = "A breach",
            description = "The register entry, its authority deadline (last day, due instant, basis, citation, "
                    + "working days left), the recorded decisions and notices, and the internal notes. The ETag "
                    + "header is what If-Match needs for a change.")
    @APIResponse(responseCode = "200", description = "The breach",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BreachView.class),
                    examples = @ExampleObject(name = "breach", value = BREACH_EXAMPLE)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<BreachView> get(@RestPath UUID id) {
        return withEtag(breaches.get(id));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(operationId = "getBreachHistory", summary = "A breach's audit history",
            description = "Everything recorded about the breach in the audit trail, in order, under its reference: "
                    + "registration, assessment, decisions and notices, notes, by codes, counts and lengths.")
    @APIResponse(responseCode = "200", description = "The events",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = AuditHistory.Event.class),
                    examples = @ExampleObject(name = "history", value = """
                            [{"seq": 2040, "at": "2026-05-08T15:02:11.120301Z", "actor": "officer-1",
                              "type": "BREACH_REGISTERED",
                              "details": {"toStatus": "DETECTED", "detectedAt": "2026-05-08T14:30:00Z",
                                          "discovery": "MONITORING", "categories": "NAME,PHONE",
                                          "sources": "WEB_FORM", "systems": 1, "estimatedCount": 120,
                                          "descriptionLength": 70, "measuresTakenLength": 35,
                                          "policy": "KZ/BREACH_AUTHORITY_NOTICE", "lastDay": "2026-05-12",
                                          "dueAt": "2026-05-12T18:59:59Z"},
                              "hash": "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b"}]""")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<AuditHistory.Event> history(@RestPath UUID id) {
        return breaches.history(id);
    }

    @GET
    @Path("/{id}/authority-notice")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN, Roles.AUDITOR})
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(operationId = "getBreachAuthorityNotice", summary = "The notice to the authority",
            description = "The notice of the breach to the authorised body, generated from the register: the "
                    + "operator, the person responsible for organising the processing and their contacts, detection, "
                    + "description, the data and systems concerned, the period, the people affected, the measures "
                    + "taken and planned, and the term with its basis. `format=json` (or Accept: application/json, "
                    + "the default) gives the document as JSON; `format=html` (or Accept: text/html) a printable "
                    + "page in `lang` (ru by default, kk, en) with dates in the operator's time zone. The subjects' "
                    + "own data is not part of it. Every generation is recorded in the audit trail; recording that "
                    + "the notice was sent is `recordBreachAuthorityNotification`.")
    @APIResponse(responseCode = "200", description = "The notice",
            headers = @Header(name = "Content-Language", description = "The page's language (html only)",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"ru", "kk", "en"})),
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AuthorityNoticeDocument.class),
                            examples = @ExampleObject(name = "notice", value = NOTICE_EXAMPLE)),
                    @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "page",
                                    value = "<!DOCTYPE html><html lang=\"ru\">…"))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response authorityNotice(@RestPath UUID id,
            @Parameter(description = "html or json; without it the Accept header decides (JSON unless it prefers "
                    + "text/html)", schema = @Schema(type = SchemaType.STRING, enumeration = {"html", "json"}))
            @QueryParam("format") @Pattern(regexp = "html|json", message = "must be html or json") String format,
            @Parameter(description = "Language of the printable page (ru, kk, en); ru by default",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"ru", "kk", "en"}))
            @QueryParam("lang") @Pattern(regexp = "ru|kk|en", message = "must be ru, kk or en") String lang,
            @HeaderParam("Accept") String accept, @Context HttpServerResponse vertxResponse) {
        boolean html = format == null ? prefersHtml(accept) : "html".equals(format);
        if (!html) {
            return Response.ok(notices.json(id), MediaType.APPLICATION_JSON_TYPE).build();
        }
        String language = lang == null ? AuthorityNotices.DEFAULT_LANGUAGE : lang;
        String page = notices.html(id, language);
        // The page's own policy replaces the API's (which allows no style at all); framing stays refused by both
        // it and the API's X-Frame-Options.
        vertxResponse.headers().set("Content-Security-Policy", AuthorityNoticePage.CONTENT_SECURITY_POLICY);
        return Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).language(language).build();
    }

    /** Whether the Accept header names HTML before JSON (a browser's does); JSON otherwise. */
    private static boolean prefersHtml(String accept) {
        if (accept == null) {
            return false;
        }
        int html = accept.indexOf(MediaType.TEXT_HTML);
        int json = accept.indexOf(MediaType.APPLICATION_JSON);
        return html >= 0 && (json < 0 || html < json);
    }

    @POST
    @Path("/{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addBreachNote", summary = "Add an internal note")
    public RestResponse<BreachView> note(@RestPath UUID id,
            @Parameter(ref = "BreachIfMatch") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull BreachCommands.Note body) {
        return withEtag(breaches.addNote(id, ifMatch, body));
    }

    @POST
    @Path("/{id}/assessment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "assessBreach", summary = "Record the assessment",
            description = "DETECTED → ASSESSED; measures and the estimate, when given, replace the registered ones.")
    public RestResponse<BreachView> assess(@RestPath UUID id,
            @Parameter(ref = "BreachIfMatch") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull BreachCommands.Assess body) {
        return withEtag(breaches.assess(id, ifMatch, body));
    }

    @POST
    @Path("/{id}/not-notifiable")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "declareBreachNotNotifiable", summary = "Record that no notice is owed",
            description = "With the legal basis (text and reference); only before the authority is notified. "
                    + "The authority deadline stops being watched.")
    public RestResponse<BreachView> notNotifiable(@RestPath UUID id,
            @Parameter(ref = "BreachIfMatch") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull BreachCommands.NotNotifiable body) {
        return withEtag(breaches.declareNotNotifiable(id, ifMatch, body));
    }

    @POST
    @Path("/{id}/authority-notification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordBreachAuthorityNotification", summary = "Record the notice to the authority",
            description = "When and how the notice was sent to the authorised body, and the reference it gave. The "
                    + "service records it; it sends nothing. `sentAt` lies between detection and now; a notice sent "
                    + "after the due instant is recorded as late.")
    public RestResponse<BreachView> authorityNotification(@RestPath UUID id,
            @Parameter(ref = "BreachIfMatch") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull BreachCommands.AuthorityNotification body) {
        return withEtag(breaches.recordAuthorityNotification(id, ifMatch, body));
    }

    @POST
    @Path("/{id}/closure")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "closeBreach", summary = "Close the breach",
            description = "From AUTHORITY_NOTIFIED, SUBJECTS_NOTIFIED or NOT_NOTIFIABLE. While the authority "
                    + "notice is owed and unrecorded the answer is 409 `authority-notice-unrecorded`.")
    public RestResponse<BreachView> close(@RestPath UUID id,
            @Parameter(ref = "BreachIfMatch") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull BreachCommands.Close body) {
        return withEtag(breaches.close(id, ifMatch, body));
    }

    @POST
    @Path("/{id}/affected-set/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "previewBreachAffectedLeads", summary = "Preview the affected leads",
            description = "The leads a selection finds (by ids, or by source, time received and the data held; the "
                    + "breach's sources and categories are the defaults): their count and a page in the order "
                    + "received, with each lead's contact as officers read leads and the selection's categories it "
                    + "holds. Changes nothing; freeze the set with `freezeBreachAffectedSet`.")
    @APIResponse(responseCode = "200", description = "The count and a page of leads",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BreachView.AffectedPage.class),
                    examples = @ExampleObject(name = "page", value = """
                            {"count": 1, "items": [{"id": "0b7e5c2a-8f3d-4a1e-9c6b-2d4f6a8b0c1e",
                              "source": "WEB_FORM", "receivedAt": "2026-05-07T10:15:00Z", "name": "Aigerim Serikova",
                              "phone": "+77011234567", "email": "aigerim@example.kz", "categories": ["NAME", "PHONE"]}],
                             "nextCursor": null}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public BreachView.AffectedPage previewAffected(@RestPath UUID id,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Valid @NotNull AffectedSelection body) {
        QueryParams parse = new QueryParams();
        String after = parse.text("cursor", cursor, 200);
        int size = parse.limit(limit, 50, 200);
        parse.done();
        return breaches.previewAffected(id, body, after, size);
    }

    @POST
    @Path("/{id}/affected-set")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "freezeBreachAffectedSet", summary = "Freeze the affected people",
            description = "Freezes the selection's leads with the breach: lead ids, the e-mail pseudonyms and the "
                    + "categories each lead holds, no contact details; leads erased later stay counted. A new set "
                    + "replaces the one frozen before, until the people are notified (then 409 "
                    + "`affected-set-locked`). The breach shows the counts of leads and people.")
    public RestResponse<BreachView> freezeAffected(@RestPath UUID id,
            @Parameter(ref = "BreachIfMatch") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull AffectedSelection body) {
        return withEtag(breaches.freezeAffected(id, ifMatch, body));
    }

    @POST
    @Path("/{id}/subject-notices")
    @Operation(operationId = "notifyBreachSubjects", summary = "Notify the people affected",
            description = "AUTHORITY_NOTIFIED → SUBJECTS_NOTIFIED: queues one e-mail per person of the frozen set "
                    + "(distinct e-mail pseudonym) to the address their lead holds now, in their language (the "
                    + "lead's, else ru): what happened, which of their data, what was done, what they can do, the "
                    + "contact and the right to complain. People without an e-mail address left, or erased, are "
                    + "counted as not reached. Needs a frozen set (409 `affected-set-missing`). The notices are "
                    + "queued in rounds of people: when the set fits in one round the answer is 200 and the breach "
                    + "is SUBJECTS_NOTIFIED; otherwise it is 202, the breach stays AUTHORITY_NOTIFIED with "
                    + "`affected.noticesStartedAt` and `affected.noticesQueued` (read it again to follow), and it "
                    + "moves to SUBJECTS_NOTIFIED when the last round is queued. Once started the notices are not "
                    + "started again (409 `subject-notices-under-way`), and the set cannot change nor the breach "
                    + "close until they are done.")
    @APIResponse(responseCode = "202", description = "The first round of notices is queued and the rest are being "
            + "queued; the breach (still AUTHORITY_NOTIFIED) shows how many so far; the ETag header holds its new "
            + "version.", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BreachView.class)))
    public RestResponse<BreachView> notifySubjects(@RestPath UUID id,
            @Parameter(ref = "BreachIfMatch") @HeaderParam("If-Match") String ifMatch) {
        BreachView view = breaches.notifySubjects(id, ifMatch);
        if (view.status() == BreachStatus.SUBJECTS_NOTIFIED) {
            return withEtag(view);
        }
        return RestResponse.ResponseBuilder.create(RestResponse.Status.ACCEPTED, view).header("ETag", view.etag())
                .build();
    }

    private static RestResponse<BreachView> withEtag(BreachView view) {
        return RestResponse.ResponseBuilder.ok(view).header("ETag", view.etag()).build();
    }
}
