package kz.region715.dsr.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import kz.region715.dsr.notification.Outbox;
import kz.region715.dsr.notification.OutboxEntryView;
import kz.region715.dsr.platform.audit.AccessRefusals;
import kz.region715.dsr.platform.domain.DomainRuleViolation;
import kz.region715.dsr.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The admin's page: outgoing e-mail by delivery state (failed first), and sending a failed one again. */
@Path("/console/outbox")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class OutboxConsoleResource {

    private static final List<String> STATES = List.of("FAILED", "PENDING", "SENT");

    private final ConsoleSession session;
    private final Outbox outbox;
    private final Template page;
    private final Template forbidden;
    private final AccessRefusals refusals;

    OutboxConsoleResource(ConsoleSession session, Outbox outbox, @Location("console/outbox.html") Template page,
            @Location("console/forbidden.html") Template forbidden, AccessRefusals refusals) {
        this.session = session;
        this.outbox = outbox;
        this.page = page;
        this.forbidden = forbidden;
        this.refusals = refusals;
    }

    @GET
    @Operation(hidden = true)
    public Response list(@QueryParam("status") String status, @QueryParam("done") String done) {
        return render(status != null && STATES.contains(status) ? status : "FAILED", "requeued".equals(done), null);
    }

    @POST
    @Path("/{id}/requeue")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response requeue(@RestPath UUID id, @RestForm String csrf) {
        session.requireCsrf(csrf);
        try {
            outbox.requeue(id);
        } catch (DomainRuleViolation e) {
            return render("FAILED", false, e);
        }
        return ConsoleResource.seeOther(session, "/console/outbox?status=FAILED&done=requeued");
    }

    private Response render(String status, boolean requeued, DomainRuleViolation problem) {
        List<OutboxEntryView> entries = outbox.list(status, 200);
        return ConsoleResource.html(session, page.data("status", status).data("states", STATES)
                .data("entries", entries).data("requeued", requeued).data("problem", problem)
                .data("section", "outbox"), problem == null ? 200 : 409);
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException e, ResourceInfo resource) {
        return ConsoleResource.refused(session, refusals, forbidden, resource);
    }
}
