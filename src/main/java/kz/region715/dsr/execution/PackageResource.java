package kz.region715.dsr.execution;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import kz.region715.dsr.platform.domain.DomainRuleViolation;
import kz.region715.dsr.platform.operator.OperatorConfig;
import kz.region715.dsr.platform.problem.Problem;
import kz.region715.dsr.platform.ratelimit.RateLimitedPublicEndpoint;
import kz.region715.dsr.request.RequestResource;
import kz.region715.dsr.request.domain.SubjectLocale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The subject downloads the access package with the token from the completion
 * e-mail: as a readable page in a browser, or as JSON. Expired and wrong links
 * get a page that explains, in the subject's language.
 */
@Path("/api/v1/requests/{id}/package")
@Tag(name = "Subject requests")
@RateLimitedPublicEndpoint
public class PackageResource {

    public static final String TOKEN_HEADER = "X-Package-Token";

    private final AccessPackages packages;
    private final Template page;
    private final Template notice;
    private final OperatorConfig operator;

    PackageResource(AccessPackages packages, @Location("package/package.html") Template page,
            @Location("package/notice.html") Template notice, OperatorConfig operator) {
        this.packages = packages;
        this.page = page;
        this.notice = notice;
        this.operator = operator;
    }

    @GET
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @Operation(operationId = "downloadAccessPackage", summary = "Download the access package",
            description = "With the token from the completion e-mail (query `token`, or the X-Package-Token "
                    + "header), until the link expires (7 days by default). `format=html` or a browser's Accept "
                    + "gives a readable page in the subject's language; `format=json` or Accept: application/json "
                    + "the JSON package (as an attachment with `format=json`). Every download is recorded on the "
                    + "request's timeline. An expired link answers 410 with an explanation; a wrong token or "
                    + "unknown id 404, also explained on a page for browsers.")
    @APIResponse(responseCode = "200", description = "The package",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PackageContent.class),
                            examples = @ExampleObject(name = "package", value = """
                                    {"reference": "DSR-2026-000042", "language": "en",
                                     "generatedAt": "2026-03-24T05:00:11Z",
                                     "operator": {"name": "Region715", "contactEmail": "privacy@region715.kz",
                                                  "privacyPolicy": "https://region715.kz/privacy"},
                                     "subjectEmail": "aigerim@example.kz",
                                     "leads": [{"id": "7a1d0c3e-94b2-4f7e-8d7c-2f0b1e6a9c55", "source": "WEB_FORM",
                                                "sourceLabel": "the website form",
                                                "receivedAt": "2026-03-02T10:00:00Z", "name": "Aigerim",
                                                "email": "aigerim@example.kz", "phone": "+77011234567",
                                                "message": "Please call me back",
                                                "consent": {"at": "2026-03-02T10:00:00Z", "policyVersion": "2025-01",
                                                            "purposes": ["FEEDBACK"]},
                                                "storedUntil": "2028-03-01T10:00:00Z", "processing": ["in use"],
                                                "disclosures": []}],
                                     "purposes": [{"code": "FEEDBACK", "clause": "3.1",
                                                   "description": "answering your inquiries and feedback",
                                                   "consented": true}],
                                     "sources": [{"code": "WEB_FORM", "label": "the website form", "leads": 1}],
                                     "storagePeriods": [{"data": "Applications", "period": "730 days after receipt, unless the law requires longer; then erased or anonymised (policy 5.1, 5.2)"}],
                                     "thirdParties": [],
                                     "requests": [{"reference": "DSR-2026-000042", "type": "ACCESS",
                                                   "status": "EXECUTING", "receivedAt": "2026-03-20T09:12:44Z"}]}""")),
                    @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = org.eclipse.microprofile
                            .openapi.annotations.enums.SchemaType.STRING),
                            examples = @ExampleObject(name = "page", value = "<!DOCTYPE html><html lang=\"en\">…"))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", description = "Unknown id or wrong token (explained on a page for browsers)",
            content = {@Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)),
                    @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "410", description = "The link has expired and the copy was deleted "
            + "(explained on a page for browsers)",
            content = {@Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)),
                    @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response download(@RestPath UUID id,
            @Parameter(description = "The download token from the completion e-mail")
            @QueryParam("token") @Size(max = 200) String token,
            @Parameter(in = ParameterIn.HEADER, name = TOKEN_HEADER, description = "The download token, for scripts")
            @HeaderParam(TOKEN_HEADER) @Size(max = 200) String headerToken,
            @Parameter(in = ParameterIn.HEADER, name = RequestResource.ACCESS_TOKEN_HEADER,
                    description = "Instead of the download token: the request's own access token (the status page)")
            @HeaderParam(RequestResource.ACCESS_TOKEN_HEADER) @Size(max = 200) String accessToken,
            @Parameter(description = "html or json; without it the Accept header decides",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"html", "json"}))
            @QueryParam("format") @Pattern(regexp = "html|json", message = "must be html or json") String format,
            @Parameter(description = "Language of the explanation pages (ru, kk, en) when the link is not valid",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"ru", "kk", "en"}))
            @QueryParam("lang") @Pattern(regexp = "ru|kk|en", message = "must be ru, kk or en") String lang,
            @HeaderParam("Accept") @Size(max = 1000) String accept) {
        boolean html = "html".equals(format) || format == null && accept != null && accept.contains("text/html");
        String secret = token != null ? token : headerToken;
        AccessPackages.Download download = secret == null && accessToken != null
                ? packages.downloadAsSubject(id, accessToken)
                : packages.download(id, secret);
        return switch (download) {
            case AccessPackages.NotFound notFound -> {
                if (!html) {
                    throw DomainRuleViolation.notFound(notFound.detail());
                }
                String language = lang == null ? "en" : lang;
                PackageMessages words = AccessPackages.words(language);
                yield page(404, notice.data("p", new NoticePage(language, words.invalid_title(),
                        words.invalid_body(operator.contactEmail()))).render());
            }
            case AccessPackages.Expired expired -> {
                PackageMessages words = AccessPackages.words(expired.language());
                Locale locale = SubjectLocale.ofTag(expired.language()).toLocale();
                String until = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale)
                        .withZone(operator.timeZone()).format(expired.expiredAt());
                String body = words.expired_body(until, operator.contactEmail());
                if (!html) {
                    throw new DomainRuleViolation(DomainRuleViolation.Kind.GONE, "package-expired", body,
                            Map.of("expiredAt", expired.expiredAt().toString()));
                }
                yield page(410, notice.data("p", new NoticePage(expired.language(), words.expired_title(), body))
                        .render());
            }
            case AccessPackages.Ready ready -> {
                if (!html) {
                    Response.ResponseBuilder response = Response.ok(ready.json(), MediaType.APPLICATION_JSON_TYPE);
                    if ("json".equals(format)) {
                        response.header("Content-Disposition", "attachment; filename=\""
                                + ready.content().reference() + "-personal-data.json\"");
                    }
                    yield response.build();
                }
                // A page opened with the request's access token (a header) gets no link that would need it in a URL
                String jsonUrl = secret == null ? null
                        : "package?format=json&token=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
                Locale locale = SubjectLocale.ofTag(ready.content().language()).toLocale();
                yield page(200, page.data("p", new PackagePage(ready.content(), jsonUrl, operator.timeZone(), locale))
                        .setLocale(locale).render());
            }
        };
    }

    private static Response page(int status, String body) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(body).build();
    }
}
