package kz.region715.dsr.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import kz.region715.dsr.platform.audit.AccessRefusals;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The console's entry, sign-out and the answers every console page shares: HTML under a strict Content-Security-Policy,
 * never cached, with the session's cookies; a refusal as a page, recorded like the API's.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {

    /** Only the service's own scripts and styles; no inline code; never framed; forms post to the console only. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final ConsoleSession session;
    private final Template signedOut;
    private final Template forbidden;
    private final AccessRefusals refusals;

    ConsoleResource(ConsoleSession session, @Location("console/signed-out.html") Template signedOut,
            @Location("console/forbidden.html") Template forbidden, AccessRefusals refusals) {
        this.session = session;
        this.signedOut = signedOut;
        this.forbidden = forbidden;
        this.refusals = refusals;
    }

    @GET
    @Authenticated
    @Operation(hidden = true)
    public Response home() {
        String home = session.officer() ? "/console/cases" : session.auditor() ? "/console/audit"
                : session.admin() ? "/console/outbox" : null;
        if (home == null) {
            throw new ForbiddenException();
        }
        return seeOther(session, home);
    }

    /**
     * Sign-out, a link: with the OIDC provider the code flow's logout path handles it before this, ending the session
     * at the provider too (a form could not follow that redirect to the provider's origin under
     * {@code form-action 'self'}); a dev run's HTTP Basic sign-in has no session to end.
     */
    @GET
    @Path("/sign-out")
    @Authenticated
    @Operation(hidden = true)
    public Response signOut() {
        return seeOther(session, "/console/signed-out");
    }

    @GET
    @Path("/signed-out")
    @PermitAll
    @Operation(hidden = true)
    public Response signedOut() {
        return html(session, signedOut.data("section", ""), 200);
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException e, ResourceInfo resource) {
        return refused(session, refusals, forbidden, resource);
    }

    static Response html(ConsoleSession session, TemplateInstance page, int status) {
        String language = session.language();
        String body = page.setLocale(Locale.forLanguageTag(language)).data("session", session).render();
        Response.ResponseBuilder answer = Response.status(status).entity(body)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        return withHeaders(session, answer);
    }

    static Response seeOther(ConsoleSession session, String path) {
        return withHeaders(session, Response.seeOther(URI.create(path)));
    }

    private static Response withHeaders(ConsoleSession session, Response.ResponseBuilder answer) {
        answer.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY");
        session.cookies().forEach(cookie -> answer.header("Set-Cookie", cookie));
        return answer.build();
    }

    /** The console's 403: a page in the person's language, recorded in the audit trail as the API's refusals are. */
    static Response refused(ConsoleSession session, AccessRefusals refusals, Template forbidden,
            ResourceInfo resource) {
        String endpoint = template(resource);
        refusals.refused(403, resource.getResourceMethod().isAnnotationPresent(POST.class) ? "POST" : "GET",
                endpoint, session.user());
        return html(session, forbidden.data("section", ""), 403);
    }

    private static String template(ResourceInfo resource) {
        Path type = resource.getResourceClass().getAnnotation(Path.class);
        Path method = resource.getResourceMethod().getAnnotation(Path.class);
        return (type == null ? "" : type.value()) + (method == null ? "" : "/" + method.value().replaceFirst("^/", ""));
    }
}
