package kz.region715.dsr.execution;

import static io.restassured.RestAssured.given;
import static kz.region715.dsr.support.Cases.act;
import static kz.region715.dsr.support.Cases.asOfficer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import kz.region715.dsr.support.Leads;
import kz.region715.dsr.support.Subjects;
import kz.region715.dsr.support.TestClock;
import org.junit.jupiter.api.Test;

/** A subject's access package names the breaches that involved their data, in their language. */
@QuarkusTest
class AccessPackageBreachesTest {

    @Inject
    Subjects subjects;
    @Inject
    ExecutionWorker worker;
    @Inject
    TestClock clock;

    private String breachOf(List<String> leadIds, boolean notify) {
        Instant detected = clock.instant().minusSeconds(3600);
        Map<String, Object> body = new HashMap<>(Map.of("detectedAt", detected.toString(),
                "discovery", Map.of("method", "MONITORING"),
                "description", "The form's export folder was readable without a login.",
                "dataCategories", List.of("NAME", "PHONE"), "sources", List.of("WEB_FORM", "TELEGRAM_BOT"),
                "measuresTaken", "Folder closed; keys rotated.",
                "responsible", Map.of("name", "Dana Seitkali", "position", "DPO", "email", "dpo@region715.kz")));
        String id = asOfficer().body(body).post("/api/v1/breaches").then().statusCode(201).extract().path("id");
        post(id, "affected-set", Map.of("leadIds", leadIds));
        if (notify) {
            post(id, "authority-notification", Map.of("sentAt", clock.instant().minusSeconds(60).toString(),
                    "channel", "EMAIL"));
            post(id, "subject-notices", null);
        }
        return id;
    }

    private static void post(String id, String action, Object body) {
        String etag = asOfficer().get("/api/v1/breaches/{id}", id).then().statusCode(200).extract().header("ETag");
        var request = asOfficer().header("If-Match", etag);
        if (body != null) {
            request.body(body);
        }
        request.post("/api/v1/breaches/{id}/" + action, id).then().statusCode(200);
    }

    @Test
    void thePackageNamesTheBreachesOfTheSubjectsDataAndWhetherTheyWereTold() {
        String email = Subjects.newEmail();
        String web = Leads.store(email, null, "WEB_FORM");
        String notified = breachOf(List.of(web), true);
        String other = breachOf(List.of(Leads.store(Subjects.newEmail(), null, "WEB_FORM")), false);
        String notYet = breachOf(List.of(web), false);
        String notifiedRef = asOfficer().get("/api/v1/breaches/{id}", notified).path("reference");
        String notYetRef = asOfficer().get("/api/v1/breaches/{id}", notYet).path("reference");
        String otherRef = asOfficer().get("/api/v1/breaches/{id}", other).path("reference");

        Subjects.Verified c = subjects.fileAndVerify(Map.of("type", "ACCESS", "email", email, "name", "Aigerim",
                "locale", "ru"), email);
        act(c.id(), "approval", Map.of()).then().statusCode(200);
        worker.runDue("test-worker");
        Mail completion = subjects.mailTo(email).stream()
                .filter(m -> ExecutionTest.PACKAGE_LINK.matcher(m.getText()).find()).reduce((a, b) -> b).orElseThrow();
        Matcher link = ExecutionTest.PACKAGE_LINK.matcher(completion.getText());
        assertThat(link.find()).isTrue();
        String token = link.group(3);

        var json = given().accept("application/json").get("/api/v1/requests/{id}/package?token=" + token, c.id())
                .then().statusCode(200)
                .body("breaches.size()", equalTo(2))
                .body("breaches.find { it.reference == '" + notifiedRef + "' }.categoryCodes", equalTo(List.of("NAME")))
                .body("breaches.find { it.reference == '" + notifiedRef + "' }.categories", equalTo(List.of("Имя")))
                .body("breaches.find { it.reference == '" + notifiedRef + "' }.description",
                        equalTo("The form's export folder was readable without a login."))
                .body("breaches.find { it.reference == '" + notifiedRef + "' }.measuresTaken",
                        equalTo("Folder closed; keys rotated."))
                .body("breaches.find { it.reference == '" + notifiedRef + "' }.notifiedAt", notNullValue())
                .body("breaches.find { it.reference == '" + notYetRef + "' }.notifiedAt", nullValue())
                .body("breaches.find { it.reference == '" + notYetRef + "' }.detectedAt", notNullValue());
        assertThat(json.extract().asString()).doesNotContain(otherRef);
        given().accept("text/html").get("/api/v1/requests/{id}/package?token=" + token, c.id()).then()
                .statusCode(200)
                .body(containsString("Нарушения безопасности персональных данных, затронувшие ваши данные"))
                .body(containsString(notifiedRef)).body(containsString(notYetRef))
                .body(containsString("не направлялось"))
                .body(containsString("The form&#39;s export folder was readable without a login."));
    }
}
