package kz.region715.dsr.console;

import static io.restassured.RestAssured.given;
import static kz.region715.dsr.support.Subjects.newEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.region715.dsr.support.AuditLog;
import kz.region715.dsr.support.Cases;
import kz.region715.dsr.support.Subjects;
import org.junit.jupiter.api.Test;

/**
 * The console's officer pages over HTTP (dev users, HTTP Basic): they call the API's services, keep its ETag rules,
 * refuse changes without the CSRF token or the role, and leave the same audit events.
 */
@QuarkusTest
class ConsoleCaseworkTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]+)\"");
    private static final Pattern ETAG = Pattern.compile("name=\"etag\" value=\"([^\"]+)\"");
    private static final Pattern SEEN = Pattern.compile("name=\"seen\" value=\"([0-9]+)\"");

    @Inject
    Subjects subjects;

    /** A case page as a user sees it, with what its forms send back. */
    record Page(String html, String csrf, String cookie, String etag, String seen) {
        static Page of(Response response) {
            String html = response.asString();
            return new Page(html, group(CSRF, html), response.getCookie(ConsoleSession.CSRF_COOKIE),
                    group(ETAG, html).replace("&quot;", "\""), group(SEEN, html));
        }

        private static String group(Pattern pattern, String html) {
            Matcher m = pattern.matcher(html);
            return m.find() ? m.group(1) : null;
        }
    }

    private String verifiedCase() {
        String email = newEmail();
        return subjects.fileAndVerify(Map.of("type", "DELETION", "email", email, "name", "Aigerim Serikova",
                "locale", "en", "deletion", Map.of("scope", "ALL")), email).id();
    }

    private static Page open(String user, String id) {
        return Page.of(given().auth().preemptive().basic(user, user).queryParam("lang", "en")
                .get("/console/cases/{id}", id).then().statusCode(200).extract().response());
    }

    private static Response post(String user, String id, String action, Page page, Map<String, String> fields) {
        var request = given().auth().preemptive().basic(user, user).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").cookie(ConsoleSession.CSRF_COOKIE, page.cookie())
                .cookie(ConsoleSession.LANGUAGE_COOKIE, "en")
                .formParam("csrf", page.csrf()).formParam("etag", page.etag()).formParam("seen", page.seen());
        fields.forEach(request::formParam);
        return request.post("/console/cases/{id}/" + action, id);
    }

    @Test
    void theQueueIsAPageUnderAStrictPolicySortedByDueDate() {
        String id = verifiedCase();
        String reference = Cases.read(id).then().extract().path("reference");
        given().auth().preemptive().basic("officer", "officer").queryParam("lang", "en").queryParam("type", "DELETION")
                .get("/console/cases").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("Cache-Control", "no-store")
                .body(containsString(reference))
                .body(containsString("working days left"))
                .body(containsString("aria-live=\"polite\""));
        given().auth().preemptive().basic("officer", "officer").queryParam("dueWithin", "soon")
                .get("/console/cases").then().statusCode(400).body(containsString("dueWithin"));
    }

    @Test
    void askingTheSubjectGoesThroughTheServiceAndItsAuditTrail() {
        String id = verifiedCase();
        Page page = open("officer", id);
        post("officer", id, "ask", page, Map.of("text", "Which channels did you use?")).then().statusCode(303)
                .header("Location", containsString("/console/cases/" + id + "?done=ask"));
        Cases.read(id).then().body("status", equalTo("AWAITING_SUBJECT"));
        given().auth().preemptive().basic("officer", "officer").queryParam("lang", "en").queryParam("done", "ask")
                .get("/console/cases/{id}", id).then().statusCode(200)
                .body(containsString("Which channels did you use?")).body(containsString("Question sent."));
        String reference = Cases.read(id).then().extract().path("reference");
        assertThat(AuditLog.typesOf(reference)).contains("QUESTION");
    }

    @Test
    void aStaleFormMeetsTheConflictAndOverwritesNothing() {
        String id = verifiedCase();
        Page page = open("officer", id);
        // Another officer assigns the case in the meantime, through the API.
        Cases.act(id, "assignment", Map.of("assignee", "officer-2")).then().statusCode(200);
        Response answer = post("officer", id, "reject", page, Map.of("choice", "NO_DATA_HELD",
                "text", "We hold nothing."));
        answer.then().statusCode(412)
                .body(containsString("Someone changed this case while you were reading it"))
                .body(containsString("officer-2"))
                .body(containsString("Reload the case"));
        Cases.read(id).then().body("status", equalTo("IN_REVIEW")).body("assignee", equalTo("officer-2"));
        // With the page reloaded, the same action goes through.
        Page fresh = open("officer", id);
        post("officer", id, "reject", fresh, Map.of("choice", "NO_DATA_HELD", "text", "We hold nothing."))
                .then().statusCode(303);
        Cases.read(id).then().body("status", equalTo("REJECTED")).body("decision.legalBasis", equalTo("NO_DATA_HELD"));
    }

    @Test
    void aRejectionWithoutLegalBasisIsRefusedByTheApisOwnConstraints() {
        String id = verifiedCase();
        Page page = open("officer", id);
        post("officer", id, "reject", page, Map.of("text", "No.")).then().statusCode(400)
                .body(containsString("legalBasis"));
        Cases.read(id).then().body("status", equalTo("OPEN"));
    }

    @Test
    void aChangeWithoutTheCsrfTokenIsRefused() {
        String id = verifiedCase();
        Page page = open("officer", id);
        Page forged = new Page(page.html(), "forged-token-forged-token-forged-token-forged", page.cookie(),
                page.etag(), page.seen());
        post("officer", id, "approve", forged, Map.of()).then().statusCode(403);
        given().auth().preemptive().basic("officer", "officer").contentType("application/x-www-form-urlencoded")
                .formParam("etag", page.etag()).post("/console/cases/{id}/approve", id).then().statusCode(403);
        Cases.read(id).then().body("status", equalTo("OPEN"));
    }

    @Test
    void aRoleThatMayNotActSeesNoCasesAndIsRefused() {
        String id = verifiedCase();
        Page page = open("officer", id);
        given().auth().preemptive().basic("auditor", "auditor").queryParam("lang", "en").get("/console/cases")
                .then().statusCode(403).contentType(containsString("text/html")).body(containsString("Not allowed"));
        String audit = given().auth().preemptive().basic("auditor", "auditor").queryParam("lang", "en")
                .get("/console/audit").then().statusCode(200).extract().asString();
        assertThat(audit).doesNotContain("/console/cases");
        post("auditor", id, "approve", page, Map.of()).then().statusCode(403);
        Cases.read(id).then().body("status", equalTo("OPEN"));
        given().get("/console/cases").then().statusCode(401);
        given().auth().preemptive().basic("officer", "officer").get("/console/outbox").then().statusCode(403);
        given().auth().preemptive().basic("admin", "admin").queryParam("lang", "en").get("/console/outbox").then()
                .statusCode(200).body(containsString("Outgoing e-mail"));
        given().auth().preemptive().basic("auditor", "auditor").queryParam("lang", "en").get("/console/breaches")
                .then().statusCode(200).body(containsString("Breach register"));
        given().auth().preemptive().basic("ingest", "ingest").get("/console/breaches").then().statusCode(403);
        given().get("/console/cases").then().header("WWW-Authenticate", org.hamcrest.Matchers.containsStringIgnoringCase("basic"));
    }

    @Test
    void thePagesSpeakTheChosenLanguage() {
        String id = verifiedCase();
        given().auth().preemptive().basic("officer", "officer").queryParam("lang", "kk")
                .get("/console/cases/{id}", id).then().statusCode(200)
                .body(containsString("lang=\"kk\"")).body(containsString("Субъектіге сұрақ қою"));
        given().auth().preemptive().basic("officer", "officer").header("Accept-Language", "ru-RU,ru;q=0.9")
                .get("/console/cases/{id}", id).then().statusCode(200)
                .body(containsString("lang=\"ru\"")).body(containsString("Задать вопрос субъекту"));
    }
}
