package kz.region715.dsr.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import kz.region715.dsr.platform.audit.AccessRefusals;
import kz.region715.dsr.platform.domain.DomainRuleViolation;
import kz.region715.dsr.platform.security.Roles;
import kz.region715.dsr.request.domain.RequestStatus;
import kz.region715.dsr.request.domain.RequestType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The officer's pages: the queue and a case with its actions. Each action posts a form carrying the CSRF token and the
 * ETag the page was rendered with; success redirects to the case (post/redirect/get), a stale ETag answers 412 with
 * the case as it is now and what changed, and nothing is overwritten.
 */
@Path("/console/cases")
@RolesAllowed(Roles.OFFICER)
@Produces(MediaType.TEXT_HTML)
public class CaseConsoleResource {

    private final ConsoleSession session;
    private final QueueScreen queue;
    private final CaseScreen screen;
    private final CaseActions actions;
    private final Template queuePage;
    private final Template casePage;
    private final Template forbidden;
    private final AccessRefusals refusals;

    CaseConsoleResource(ConsoleSession session, QueueScreen queue, CaseScreen screen, CaseActions actions,
            @Location("console/queue.html") Template queuePage, @Location("console/case.html") Template casePage,
            @Location("console/forbidden.html") Template forbidden, AccessRefusals refusals) {
        this.session = session;
        this.queue = queue;
        this.screen = screen;
        this.actions = actions;
        this.queuePage = queuePage;
        this.casePage = casePage;
        this.forbidden = forbidden;
        this.refusals = refusals;
    }

    @GET
    @Operation(hidden = true)
    public Response list(@QueryParam("status") String status, @QueryParam("type") String type,
            @QueryParam("assignee") String assignee, @QueryParam("unassigned") String unassigned,
            @QueryParam("overdue") String overdue, @QueryParam("dueWithin") String dueWithin,
            @QueryParam("cursor") String cursor) {
        QueueScreen.Filters filters = new QueueScreen.Filters(status, type, assignee, "true".equals(unassigned),
                "true".equals(overdue), dueWithin, cursor);
        QueueScreen.View view;
        DomainRuleViolation problem = null;
        try {
            view = queue.show(filters);
        } catch (DomainRuleViolation e) {
            problem = e;
            view = new QueueScreen.View(filters, List.of(), null);
        }
        return ConsoleResource.html(session, queuePage.data("view", view).data("problem", problem)
                .data("statuses", List.of(RequestStatus.values())).data("types", List.of(RequestType.values()))
                .data("section", "cases"), problem == null ? 200 : 400);
    }

    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    public Response show(@RestPath UUID id, @QueryParam("done") String done) {
        CaseAction action = done == null ? null : CaseAction.ofPath(done).orElse(null);
        return page(screen.show(id, null), action, null, 200);
    }

    @POST
    @Path("/{id}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response act(@RestPath UUID id, @RestPath("action") String path, @BeanParam ActionForm form) {
        session.requireCsrf(form.csrf);
        CaseAction action = CaseAction.ofPath(path).orElseThrow(NotFoundException::new);
        try {
            actions.perform(id, action, new CaseActions.Input(form.etag, form.text, form.choice, form.assignee,
                    form.lead));
        } catch (DomainRuleViolation e) {
            if (e.kind() == DomainRuleViolation.Kind.NOT_FOUND) {
                throw e;
            }
            Long seen = e.kind() == DomainRuleViolation.Kind.STALE_VERSION ? form.seen() : null;
            return page(screen.show(id, seen), null, e, status(e.kind()));
        }
        return ConsoleResource.seeOther(session, "/console/cases/" + id + "?done=" + action.path());
    }

    private Response page(CaseScreen.View view, CaseAction done, DomainRuleViolation problem, int status) {
        boolean conflict = problem != null && problem.kind() == DomainRuleViolation.Kind.STALE_VERSION;
        return ConsoleResource.html(session, casePage.data("view", view).data("done", done)
                .data("problem", conflict ? null : problem).data("conflict", conflict).data("section", "cases"),
                status);
    }

    private static int status(DomainRuleViolation.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case CONFLICT -> 409;
            case STALE_VERSION -> 412;
            case VERSION_REQUIRED -> 428;
            case UNPROCESSABLE -> 422;
            default -> 400;
        };
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException e, ResourceInfo resource) {
        return ConsoleResource.refused(session, refusals, forbidden, resource);
    }

    /** A case page's form; which fields an action reads depends on the action. */
    public static class ActionForm {
        @RestForm
        String csrf;
        @RestForm
        String etag;
        @RestForm
        String seen;
        @RestForm
        String text;
        @RestForm
        String choice;
        @RestForm
        String assignee;
        @RestForm
        String lead;

        Long seen() {
            return seen != null && seen.matches("[0-9]{1,18}") ? Long.valueOf(seen) : 0L;
        }
    }
}
