package kz.region715.dsr.casework;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import kz.region715.dsr.platform.http.ExportFilter;
import kz.region715.dsr.platform.http.QueryParams;
import kz.region715.dsr.platform.http.Tabular;
import kz.region715.dsr.request.domain.RequestType;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import kz.region715.dsr.platform.problem.ProblemException;
import kz.region715.dsr.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reports")
@Tag(name = "Reports", description = "Auditors and officers: how the operator keeps its terms.")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    private static final Duration LONGEST_PERIOD = Duration.ofDays(3660);

    private final SlaReport sla;
    private final RequestReport requests;
    private final Clock clock;

    ReportResource(SlaReport sla, RequestReport requests, Clock clock) {
        this.sla = sla;
        this.requests = requests;
        this.clock = clock;
    }

    @GET
    @Path("/requests")
    @RolesAllowed(Roles.AUDITOR)
    @Produces({Tabular.NDJSON, Tabular.CSV})
    @Operation(operationId = "exportRequestHistories", summary = "Request histories",
            description = "One row per request received in [from, to) (optionally one reference or type): type, "
                    + "channel, received, verified, due date and its policy and basis, extensions, the decision with "
                    + "who and when, rejection basis or cancellation reason, completion, closing, status. NDJSON "
                    + "(default) or CSV by Accept, streamed. No personal data.")
    @APIResponse(responseCode = "200", description = "The rows",
            content = {
                    @Content(mediaType = Tabular.NDJSON, schema = @Schema(type = SchemaType.STRING, format = "binary"),
                            examples = @ExampleObject(name = "ndjson", ref = "RequestHistoriesNdjson")),
                    @Content(mediaType = Tabular.CSV, schema = @Schema(type = SchemaType.STRING, format = "binary"),
                            examples = @ExampleObject(name = "csv", value = "reference,type,channel,receivedAt,verifiedAt,dueLastDay,deadlinePolicy,deadlineBasis,extensions,decision,decidedBy,decidedAt,rejectionBasis,cancellationReason,completedAt,closedAt,status\r\n"))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response requestHistories(
            @Parameter(description = "ISO-8601 instant, inclusive", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("from") String from,
            @Parameter(description = "ISO-8601 instant, exclusive", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("to") String to,
            @Parameter(description = "Request reference") @QueryParam("request") String reference,
            @Parameter(description = "Request type", schema = @Schema(implementation = RequestType.class))
            @QueryParam("type") String type,
            @HeaderParam("Accept") String accept) {
        ExportFilter filter = ExportFilter.parse(from, to, reference, type,
                "ACCESS|CORRECTION|RESTRICTION|DELETION|WITHDRAWAL", "one of " + List.of(RequestType.values()));
        boolean csv = Tabular.wantsCsv(accept);
        StreamingOutput body = out -> requests.write(filter, csv, out);
        return Response.ok(body, Tabular.mediaType(csv)).build();
    }

    @GET
    @Path("/sla")
    @RolesAllowed({Roles.AUDITOR, Roles.OFFICER})
    @Operation(operationId = "getSlaReport", summary = "Service levels over a period",
            description = "Verified cases received in [from, to) by status and type, open cases overdue now, and "
                    + "for cases closed in the period: how many, how many after their due date, median and 90th "
                    + "percentile time from receipt to closing. Default period: the last 30 days.")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SlaReport.View.class),
                    examples = @ExampleObject(name = "report", value = """
                            {"from": "2026-03-01T00:00:00Z", "to": "2026-04-01T00:00:00Z",
                             "cases": [{"status": "COMPLETED", "type": "ACCESS", "count": 12},
                                       {"status": "IN_REVIEW", "type": "CORRECTION", "count": 3}],
                             "overdueNow": 1,
                             "closed": {"count": 14, "afterDueDate": 1, "medianTimeToClose": "PT26H",
                                        "p90TimeToClose": "PT140H"}}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public SlaReport.View sla(
            @Parameter(description = "ISO-8601 instant, inclusive", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("from") String from,
            @Parameter(description = "ISO-8601 instant, exclusive (default now)", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("to") String to) {
        QueryParams parse = new QueryParams();
        Instant givenTo = parse.instant("to", to);
        Instant givenFrom = parse.instant("from", from);
        parse.done();
        Instant end = givenTo == null ? clock.instant() : givenTo;
        Instant start = givenFrom == null ? end.minus(DEFAULT_PERIOD) : givenFrom;
        if (!start.isBefore(end) || Duration.between(start, end).compareTo(LONGEST_PERIOD) > 0) {
            throw ProblemException.invalidField("from", "must be before `to`, at most 10 years apart");
        }
        return sla.report(start, end);
    }
}
