package kz.region715.dsr.casework;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
    private final Clock clock;

    ReportResource(SlaReport sla, Clock clock) {
        this.sla = sla;
        this.clock = clock;
    }

    @GET
    @Path("/sla")
    @RolesAllowed({Roles.AUDITOR, Roles.OFFICER})
    @Operation(summary = "Service levels over a period",
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
            @Parameter(description = "ISO-8601 instant, inclusive") @QueryParam("from") String from,
            @Parameter(description = "ISO-8601 instant, exclusive (default now)") @QueryParam("to") String to) {
        Instant end = to == null ? clock.instant() : instant("to", to);
        Instant start = from == null ? end.minus(DEFAULT_PERIOD) : instant("from", from);
        if (!start.isBefore(end) || Duration.between(start, end).compareTo(LONGEST_PERIOD) > 0) {
            throw ProblemException.invalidField("from", "must be before `to`, at most 10 years apart");
        }
        return sla.report(start, end);
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "must be an ISO-8601 instant such as 2026-03-01T00:00:00Z");
        }
    }
}
