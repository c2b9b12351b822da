package kz.region715.dsr.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import kz.region715.dsr.platform.operator.OperatorConfig;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The data subject's pages: the request form, the verification page behind
 * the e-mailed link and the status page. They are static apart from the
 * operator's details; a small script calls the public API, and the secrets
 * from the e-mails stay in the URL fragment, which browsers never send.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PageResource {

    static final Set<String> LANGUAGES = Set.of("ru", "kk", "en");
    static final String DEFAULT_LANGUAGE = "ru";

    private final Template form;
    private final Template verify;
    private final Template status;
    private final OperatorConfig operator;
    private final String policy;
    private final boolean framable;

    PageResource(@Location("web/form.html") Template form, @Location("web/verify.html") Template verify,
            @Location("web/status.html") Template status, OperatorConfig operator, WebConfig web) {
        this.form = form;
        this.verify = verify;
        this.status = status;
        this.operator = operator;
        List<String> ancestors = web.frameAncestors().orElse(List.of()).stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        this.framable = !ancestors.isEmpty();
        this.policy = contentSecurityPolicy(ancestors);
    }

    /**
     * Only the service's own scripts, styles and API; no inline code, no other
     * origin, no plugins; framed only by the configured origins.
     */
    static String contentSecurityPolicy(List<String> frameAncestors) {
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                + "form-action 'self'; base-uri 'none'; frame-ancestors "
                + (frameAncestors.isEmpty() ? "'none'" : String.join(" ", frameAncestors));
    }

    @GET
    @Operation(operationId = "showRequestForm", hidden = true)
    public Response form(@QueryParam("lang") String lang) {
        return page(form, "form", lang);
    }

    @GET
    @Path("verify")
    @Operation(operationId = "showVerificationPage", hidden = true)
    public Response verify(@QueryParam("lang") String lang) {
        return page(verify, "verify", lang);
    }

    @GET
    @Path("status")
    @Operation(operationId = "showStatusPage", hidden = true)
    public Response status(@QueryParam("lang") String lang) {
        return page(status, "status", lang);
    }

    private Response page(Template template, String name, String lang) {
        // An unknown language is not an error on a page a person opened: the page starts in the default one.
        String language = lang != null && LANGUAGES.contains(lang) ? lang : DEFAULT_LANGUAGE;
        SitePage site = new SitePage(name, language, operator.name(), operator.contactEmail(),
                operator.privacyPolicyUrl().toString(), operator.timeZone().getId());
        Response.ResponseBuilder response = Response.ok(template.data("site", site).render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Security-Policy", policy)
                .header("Cache-Control", "no-cache");
        if (!framable) {
            response.header("X-Frame-Options", "DENY");
        }
        return response.build();
    }
}
