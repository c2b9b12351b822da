package kz.region715.dsr.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import kz.region715.dsr.audit.ChainVerification;
import kz.region715.dsr.platform.audit.AccessRefusals;
import kz.region715.dsr.platform.domain.DomainRuleViolation;
import kz.region715.dsr.platform.http.ExportFilter;
import kz.region715.dsr.platform.http.Tabular;
import kz.region715.dsr.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The auditor's page: exports, the chain's verification and signed tree head, and the SLA charts. */
@Path("/console/audit")
@RolesAllowed(Roles.AUDITOR)
@Produces(MediaType.TEXT_HTML)
public class AuditConsoleResource {

    private final ConsoleSession session;
    private final AuditScreen audit;
    private final SlaCharts charts;
    private final Template page;
    private final Template forbidden;
    private final AccessRefusals refusals;

    AuditConsoleResource(ConsoleSession session, AuditScreen audit, SlaCharts charts,
            @Location("console/audit.html") Template page, @Location("console/forbidden.html") Template forbidden,
            AccessRefusals refusals) {
        this.session = session;
        this.audit = audit;
        this.charts = charts;
        this.page = page;
        this.forbidden = forbidden;
        this.refusals = refusals;
    }

    /** The page; with {@code verify=true} it also verifies the chain (over the days given, or all of it). */
    @GET
    @Operation(hidden = true)
    public Response show(@QueryParam("verify") String verify, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        ChainVerification.Result result = null;
        DomainRuleViolation problem = null;
        if ("true".equals(verify)) {
            try {
                result = audit.verify(from, to);
            } catch (DomainRuleViolation e) {
                problem = e;
            }
        }
        return render(result, problem);
    }

    @GET
    @Path("/export")
    @Produces({Tabular.CSV, Tabular.NDJSON, MediaType.TEXT_HTML})
    @Operation(hidden = true)
    public Response export(@QueryParam("what") String what, @QueryParam("format") String format,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("type") String type,
            @QueryParam("request") String reference) {
        AuditScreen.Export export = new AuditScreen.Export("requests".equals(what), !"ndjson".equals(format), from, to,
                type, reference);
        ExportFilter filter;
        try {
            filter = audit.filter(export);
        } catch (DomainRuleViolation e) {
            return render(null, e);
        }
        StreamingOutput body = out -> audit.write(export, filter, out);
        String name = (export.requests() ? "requests" : "audit-events") + (export.csv() ? ".csv" : ".ndjson");
        return Response.ok(body, Tabular.mediaType(export.csv()))
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store").build();
    }

    private Response render(ChainVerification.Result result, DomainRuleViolation problem) {
        return ConsoleResource.html(session, page.data("treeHead", audit.treeHead()).data("verification", result)
                .data("problem", problem).data("sla", charts.show(session.language())).data("section", "audit"),
                problem == null ? 200 : 400);
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException e, ResourceInfo resource) {
        return ConsoleResource.refused(session, refusals, forbidden, resource);
    }
}
