package kz.region715.dsr.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Pattern;
import kz.region715.dsr.support.Subjects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The pages as HTTP sees them: headers, no inline code, languages; and who may call the API from elsewhere. */
@QuarkusTest
class PagesTest {

    @Inject
    Subjects subjects;

    private static final String EMBEDDER = "http://127.0.0.1:8089";
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_STYLE = Pattern.compile("<style|\\sstyle=|\\son[a-z]+=", Pattern.CASE_INSENSITIVE);

    @ParameterizedTest
    @ValueSource(strings = {"/", "/verify", "/status"})
    void pagesAllowOnlyTheirOwnScriptsStylesAndApiAndSetNoCookies(String path) {
        Response page = given().get(path + "?lang=kk");
        page.then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", equalTo("default-src 'none'; script-src 'self'; style-src 'self'; "
                        + "img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
                        + "frame-ancestors " + EMBEDDER))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                // framing is allowed to the configured site only, by the CSP; X-Frame-Options would forbid it
                .header("X-Frame-Options", nullValue())
                .header("Set-Cookie", nullValue());
        String html = page.asString();
        assertThat(html).contains("<html lang=\"kk\"");
        assertThat(INLINE_SCRIPT.matcher(html).find()).as("inline script").isFalse();
        assertThat(INLINE_STYLE.matcher(html).find()).as("inline style or handler").isFalse();
        assertThat(html).doesNotContain("http://", "//cdn", "fonts.googleapis")
                .contains("href=\"https://region715.kz/privacy\"");
    }

    @Test
    void withoutConfiguredSitesThePagesCannotBeFramedAtAll() {
        assertThat(PageResource.contentSecurityPolicy(List.of())).endsWith("frame-ancestors 'none'");
        assertThat(PageResource.contentSecurityPolicy(List.of("https://region715.kz", "https://www.region715.kz")))
                .endsWith("frame-ancestors https://region715.kz https://www.region715.kz");
    }

    @Test
    void aClientThatWantsJsonFromAPageGetsAProblemNotAnError() {
        given().accept("application/json").get("/status").then().statusCode(406)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void anUnknownLanguageOpensThePageInTheDefaultOne() {
        given().get("/?lang=de").then().statusCode(200).body(containsString("<html lang=\"ru\""));
        given().get("/verify?lang=%3Cscript%3E").then().statusCode(200).body(containsString("<html lang=\"ru\""))
                .body(not(containsString("<script>")));
    }

    @Test
    void theApiIsNeverFramedAndAssetsAreServed() {
        given().get("/api/v1/requests/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Content-Security-Policy", equalTo("default-src 'none'; frame-ancestors 'none'"));
        for (String asset : List.of("app.css", "common.js", "form.js", "verify.js", "status.js", "i18n-en.js",
                "i18n-ru.js", "i18n-kk.js")) {
            given().get("/assets/" + asset).then().statusCode(200).header("Set-Cookie", nullValue());
        }
    }

    @Test
    void aConfiguredSitePostsToThePublicApiAcrossOrigins() {
        given().header("Origin", EMBEDDER)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,idempotency-key")
                .options("/api/v1/requests")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(EMBEDDER))
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"))
                .header("Access-Control-Allow-Credentials", not(equalTo("true")));
        given().header("Origin", EMBEDDER).contentType("application/json")
                .body(Subjects.access(Subjects.newEmail()))
                .post("/api/v1/requests")
                .then().statusCode(202)
                .header("Access-Control-Allow-Origin", equalTo(EMBEDDER))
                .header("Access-Control-Expose-Headers", containsString("Retry-After"));
    }

    @Test
    void anyOtherSiteIsRefusedAndChangesNothing() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/requests")
                .then().header("Access-Control-Allow-Origin", nullValue());
        String email = Subjects.newEmail();
        given().header("Origin", "https://evil.example").contentType("application/json")
                .body(Subjects.access(email))
                .post("/api/v1/requests")
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
        assertThat(subjects.mailTo(email)).as("nothing filed, nothing sent").isEmpty();
        // bearer tokens are not for other sites: the Authorization header is not among the allowed ones
        given().header("Origin", EMBEDDER)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .options("/api/v1/cases")
                .then().header("Access-Control-Allow-Headers", not(containsString("Authorization")));
    }

    @Test
    void theServicesOwnPagesPostToTheApi() {
        given().header("Origin", "http://localhost:8081").contentType("application/json")
                .body(Subjects.access(Subjects.newEmail()))
                .post("/api/v1/requests")
                .then().statusCode(202);
    }
}
