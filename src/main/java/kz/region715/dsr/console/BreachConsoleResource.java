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
import java.util.List;
import java.util.UUID;
import kz.region715.dsr.breach.BreachQuery;
import kz.region715.dsr.breach.BreachService;
import kz.region715.dsr.breach.domain.BreachStatus;
import kz.region715.dsr.platform.audit.AccessRefusals;
import kz.region715.dsr.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The breach register and a breach's page with its clock to the authority notice (reading only, for now). */
@Path("/console/breaches")
@RolesAllowed({Roles.OFFICER, Roles.ADMIN, Roles.AUDITOR})
@Produces(MediaType.TEXT_HTML)
public class BreachConsoleResource {

    private final ConsoleSession session;
    private final BreachService breaches;
    private final Template register;
    private final Template page;
    private final Template forbidden;
    private final AccessRefusals refusals;

    BreachConsoleResource(ConsoleSession session, BreachService breaches,
            @Location("console/breaches.html") Template register, @Location("console/breach.html") Template page,
            @Location("console/forbidden.html") Template forbidden, AccessRefusals refusals) {
        this.session = session;
        this.breaches = breaches;
        this.register = register;
        this.page = page;
        this.forbidden = forbidden;
        this.refusals = refusals;
    }

    @GET
    @Operation(hidden = true)
    public Response list(@QueryParam("overdue") String overdue) {
        boolean onlyOverdue = "true".equals(overdue);
        var entries = breaches.list(new BreachQuery(null, onlyOverdue ? Boolean.TRUE : null, null, 200));
        return ConsoleResource.html(session, register.data("entries", entries.items()).data("overdue", onlyOverdue)
                .data("section", "breaches"), 200);
    }

    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    public Response show(@RestPath UUID id) {
        var breach = breaches.get(id);
        boolean open = breach.status() == BreachStatus.DETECTED || breach.status() == BreachStatus.ASSESSED;
        String urgency = !open ? "closed" : breach.authorityDeadline().overdue() ? "overdue" : "urgent";
        return ConsoleResource.html(session, page.data("breach", breach).data("urgency", urgency)
                .data("notes", breach.notes() == null ? List.of() : breach.notes()).data("section", "breaches"), 200);
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException e, ResourceInfo resource) {
        return ConsoleResource.refused(session, refusals, forbidden, resource);
    }
}
