package kz.region715.dsr.execution;

import static io.restassured.RestAssured.given;
import static kz.region715.dsr.support.Cases.act;
import static kz.region715.dsr.support.Cases.asOfficer;
import static kz.region715.dsr.support.Cases.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.region715.dsr.support.AuditLog;
import kz.region715.dsr.support.Leads;
import kz.region715.dsr.support.Subjects;
import kz.region715.dsr.support.TestClock;
import org.junit.jupiter.api.Test;

/** Each request type end to end: file, verify, approve, run the worker, check the lead store and the e-mails. */
@QuarkusTest
class ExecutionTest {

    /** The download link of a completion mail: the request id, the language and the package token. */
    static final Pattern PACKAGE_LINK =
            Pattern.compile("/api/v1/requests/([0-9a-f-]{36})/package\\?lang=(\\w\\w)&token=([A-Za-z0-9_-]+)");

    @Inject
    Subjects subjects;
    @Inject
    ExecutionWorker worker;
    @Inject
    TestClock clock;

    private Subjects.Verified approved(Map<String, Object> body, String email) {
        Subjects.Verified c = subjects.fileAndVerify(body, email);
        act(c.id(), "approval", Map.of()).then().statusCode(200).body("status", equalTo("APPROVED"));
        return c;
    }

    private void runWorker() {
        worker.runDue("test-worker");
    }

    @Test
    void accessBuildsAPackageTheSubjectDownloadsUntilTheLinkExpires() {
        String email = Subjects.newEmail();
        String web = Leads.store(email, null, "WEB_FORM");
        String bot = Leads.store(email.toUpperCase(), null, "TELEGRAM_BOT");
        Leads.disclose(bot, "Courier LLP", "privacy@courier.kz");
        Subjects.Verified c = approved(Subjects.access(email), email);

        runWorker();

        read(c.id()).then().body("status", equalTo("COMPLETED"))
                .body("timeline.kind", hasItem("EXECUTED"));
        Mail completion = subjects.lastMailTo(email);
        assertThat(completion.getSubject()).contains("is done");
        Matcher link = PACKAGE_LINK.matcher(completion.getText());
        assertThat(link.find()).as("download link in the completion mail").isTrue();
        assertThat(link.group(1)).isEqualTo(c.id());
        String token = link.group(3);

        given().accept("application/json").get("/api/v1/requests/{id}/package?token=" + token, c.id()).then()
                .statusCode(200)
                .body("reference", equalTo(read(c.id()).path("reference")))
                .body("subjectEmail", equalTo(email))
                .body("leads.id", org.hamcrest.Matchers.containsInAnyOrder(web, bot))
                .body("leads.find { it.id == '" + web + "' }.ipAddress", equalTo("203.0.113.7"))
                .body("leads.find { it.id == '" + bot + "' }.disclosures[0].recipient", equalTo("Courier LLP"))
                .body("purposes.find { it.code == 'FEEDBACK' }.consented", equalTo(true))
                .body("purposes.find { it.code == 'SECURITY' }.consented", equalTo(false))
                .body("sources.code", org.hamcrest.Matchers.containsInAnyOrder("WEB_FORM", "TELEGRAM_BOT"))
                .body("storagePeriods.size()", equalTo(4))
                .body("thirdParties.recipient", equalTo(List.of("Courier LLP")))
                .body("requests.reference", hasItem((String) read(c.id()).path("reference")));
        given().accept("text/html").get("/api/v1/requests/{id}/package?token=" + token, c.id()).then()
                .statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Your personal data"))
                .body(containsString("Courier LLP"))
                .body(containsString("the Telegram bot"));
        given().get("/api/v1/requests/{id}/package?format=json&token=" + token, c.id()).then()
                .statusCode(200).header("Content-Disposition", containsString("-personal-data.json"));

        asOfficer().get("/api/v1/cases/{id}/execution", c.id()).then().statusCode(200)
                .body("status", equalTo("DONE"))
                .body("accessPackage.downloads", equalTo(3));
        read(c.id()).then().body("timeline.findAll { it.kind == 'PACKAGE_DOWNLOADED' }.size()", equalTo(3));
        assertThat(AuditLog.typesOf(read(c.id()).path("reference"))).contains("PACKAGE_ISSUED", "PACKAGE_DOWNLOADED");

        given().accept("application/json").get("/api/v1/requests/{id}/package?token=wrong", c.id()).then()
                .statusCode(404);
        given().accept("text/html").get("/api/v1/requests/{id}/package?token=wrong&lang=en", c.id()).then()
                .statusCode(404).body(containsString("This link does not work"));

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        given().accept("text/html").get("/api/v1/requests/{id}/package?token=" + token, c.id()).then()
                .statusCode(410).contentType(containsString("text/html"))
                .body(containsString("This download link has expired"));
        given().accept("application/json").get("/api/v1/requests/{id}/package?token=" + token, c.id()).then()
                .statusCode(410).body("type", equalTo("https://dsr.region715.kz/problems/package-expired"));
    }

    @Test
    void thePackageAndItsMailSpeakTheSubjectsLanguage() {
        String email = Subjects.newEmail();
        Leads.store(email, null, "TELEGRAM_BOT");
        Subjects.Verified c = approved(Map.of("type", "ACCESS", "email", email, "name", "Айгерим", "locale", "ru"),
                email);
        runWorker();
        Mail completion = subjects.lastMailTo(email);
        Matcher link = PACKAGE_LINK.matcher(completion.getText());
        assertThat(link.find()).isTrue();
        assertThat(link.group(2)).isEqualTo("ru");
        given().accept("text/html").get("/api/v1/requests/{id}/package?token=" + link.group(3), c.id()).then()
                .statusCode(200).body(containsString("lang=\"ru\"")).body(containsString("Telegram-бот"));
        given().accept("application/json").get("/api/v1/requests/{id}/package?token=" + link.group(3), c.id())
                .then().body("language", equalTo("ru")).body("leads[0].sourceLabel", containsString("Telegram"));
    }

    @Test
    void theStatusPageGetsThePackageWithTheRequestsOwnTokenNeverInAUrl() {
        String email = Subjects.newEmail();
        Leads.store(email, null, "WEB_FORM");
        Subjects.Verified c = approved(Subjects.access(email), email);
        String token = c.accessToken();
        given().header("X-Request-Token", token).accept("application/json")
                .get("/api/v1/requests/{id}/package", c.id()).then().statusCode(404)
                .body("type", equalTo("https://dsr.region715.kz/problems/not-found"))
                .body("detail", equalTo("This request has no access package (yet)."));

        runWorker();
        given().header("X-Request-Token", token).accept("application/json")
                .get("/api/v1/requests/{id}/package?format=json", c.id()).then().statusCode(200)
                .header("Content-Disposition", containsString("attachment"))
                .body("subjectEmail", equalTo(email));
        String page = given().header("X-Request-Token", token).accept("text/html")
                .get("/api/v1/requests/{id}/package?format=html", c.id()).then().statusCode(200)
                .extract().asString();
        assertThat(page).contains(email).doesNotContain(token).doesNotContain("format=json&amp;token");
        given().header("X-Request-Token", token + "x").accept("application/json")
                .get("/api/v1/requests/{id}/package", c.id()).then().statusCode(404)
                .body("detail", equalTo("No such request, or the access token is wrong."));
        given().header("X-Request-Token", token + "x").accept("text/html")
                .get("/api/v1/requests/{id}/package?lang=en", c.id()).then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("This link does not work"));
        read(c.id()).then().body("timeline.findAll { it.kind == 'PACKAGE_DOWNLOADED' }.size()", equalTo(2));

        clock.advance(Duration.ofDays(8));
        given().header("X-Request-Token", token).accept("application/json")
                .get("/api/v1/requests/{id}/package", c.id()).then().statusCode(410);
    }

    @Test
    void expiredPackagesArePurgedAndTheRecordOfIssueStays() {
        String email = Subjects.newEmail();
        Leads.store(email, null, "WEB_FORM");
        Subjects.Verified c = approved(Subjects.access(email), email);
        runWorker();
        clock.advance(Duration.ofDays(8));
        assertThat(packages.purgeExpired()).isPositive();
        asOfficer().get("/api/v1/cases/{id}/execution", c.id()).then().statusCode(200)
                .body("accessPackage.purgedAt", not(nullValue()))
                .body("accessPackage.issuedAt", not(nullValue()));
    }

    @Inject
    AccessPackages packages;

    @Test
    void deletionAnonymisesKeepsLegalHoldsSkipsExclusionsAndTellsRecipientsOnce() {
        String email = Subjects.newEmail();
        String first = Leads.store(email, null, "WEB_FORM");
        String second = Leads.store(email, null, "TELEGRAM_BOT");
        String third = Leads.store(email, null, "WEB_FORM");
        String held = Leads.store(email, null, "WEB_FORM");
        String excluded = Leads.store(email, null, "WEB_FORM");
        String recipientEmail = "privacy-" + System.nanoTime() + "@courier.kz";
        Leads.disclose(first, "Courier LLP", recipientEmail);
        Leads.disclose(second, "Courier LLP", recipientEmail);
        Leads.hold(held, "Tax Code: contract records kept 5 years");
        Subjects.Verified c = subjects.fileAndVerify(Map.of("type", "DELETION", "email", email, "name", "Aigerim",
                "locale", "en", "deletion", Map.of("scope", "ALL")), email);
        act(c.id(), "matches/" + excluded + "/exclusion", Map.of("reason", "A colleague's application.")).then()
                .statusCode(200);
        act(c.id(), "approval", Map.of()).then().statusCode(200);

        runWorker();

        read(c.id()).then().body("status", equalTo("COMPLETED"));
        for (String erased : List.of(first, second, third)) {
            Leads.get(erased).then().statusCode(200)
                    .body("flags.anonymisedAt", not(nullValue()))
                    .body("email", nullValue())
                    .body("ipAddress", nullValue())
                    .body("name", equalTo("anonymised"));
        }
        Leads.get(held).then().body("email", equalTo(email)).body("flags.anonymisedAt", nullValue());
        Leads.get(excluded).then().body("email", equalTo(email)).body("flags.anonymisedAt", nullValue());
        asOfficer().get("/api/v1/cases/{id}/execution", c.id()).then()
                .body("summary.outcomes.ANONYMISED", equalTo(3))
                .body("summary.outcomes.KEPT_LEGAL_HOLD", equalTo(1))
                .body("summary.keptUnderLegalHold[0].reason", equalTo("Tax Code: contract records kept 5 years"))
                .body("summary.recipientsNotified", equalTo(List.of("Courier LLP")));

        List<Mail> toRecipient = subjects.mailTo(recipientEmail);
        assertThat(toRecipient).hasSize(1);
        assertThat(toRecipient.getFirst().getText()).contains(read(c.id()).<String>path("reference"))
                .contains(email);
        Mail completion = subjects.lastMailTo(email);
        assertThat(completion.getText()).contains("3 record(s) erased")
                .contains("Tax Code: contract records kept 5 years")
                .contains("Courier LLP");

        runWorker(); // nothing left to do: no second notice
        assertThat(subjects.mailTo(recipientEmail)).hasSize(1);
    }

    @Test
    void deletionOfSomeSourcesLeavesTheOthers() {
        String email = Subjects.newEmail();
        String web = Leads.store(email, null, "WEB_FORM");
        String bot = Leads.store(email, null, "TELEGRAM_BOT");
        approved(Map.of("type", "DELETION", "email", email, "name", "Aigerim", "locale", "en",
                "deletion", Map.of("scope", "SOURCES", "sources", List.of("TELEGRAM_BOT"))), email);
        runWorker();
        Leads.get(bot).then().body("flags.anonymisedAt", not(nullValue()));
        Leads.get(web).then().body("flags.anonymisedAt", nullValue()).body("email", equalTo(email));
    }

    @Test
    void correctionAppliesTheOfficersVersionOfTheNewValues() {
        String email = Subjects.newEmail();
        String lead = Leads.store(email, "+7 701 111 22 33", "WEB_FORM");
        String other = Leads.store(Subjects.newEmail(), "+7 701 111 22 33", "WEB_FORM");
        Subjects.Verified c = subjects.fileAndVerify(Map.of("type", "CORRECTION", "email", email, "name", "Aigerim",
                "locale", "en", "correction", Map.of("changes", List.of(Map.of("field", "PHONE",
                        "newValue", "8 701 765 43 21")), "explanation", "My number changed.")), email);
        act(c.id(), "approval", Map.of("corrections", List.of(Map.of("field", "PHONE", "newValue", "not a phone"))))
                .then().statusCode(422).body("errors[0].field", equalTo("corrections[0].newValue"));
        read(c.id()).then().body("status", equalTo("OPEN"));
        act(c.id(), "approval", Map.of("corrections", List.of(Map.of("field", "PHONE", "newValue", "8 701 765 43 21"),
                Map.of("field", "NAME", "newValue", "Aigerim Serikova-Nurlanovna")))).then().statusCode(200);

        runWorker();

        Leads.get(lead).then().body("phone", equalTo("+77017654321"))
                .body("name", equalTo("Aigerim Serikova-Nurlanovna"));
        Leads.get(other).then().body("phone", equalTo("+77011112233"));
        asOfficer().get("/api/v1/leads?phone=+77017654321").then().body("items.id", hasItem(lead));
        assertThat(subjects.lastMailTo(email).getText()).contains("name, phone").contains("1 record(s)");
        assertThat(AuditLog.lines("type=LEAD_CORRECTED&request=" + read(c.id()).path("reference")))
                .singleElement().asString().contains("\"fields\":\"NAME,PHONE\"").doesNotContain("7654321");
    }

    @Test
    void restrictionBlocksTheSubjectsLeadsUntilAnOfficerLiftsIt() {
        String email = Subjects.newEmail();
        String lead = Leads.store(email, null, "WEB_FORM");
        Subjects.Verified c = approved(Map.of("type", "RESTRICTION", "email", email, "name", "Aigerim", "locale",
                "en", "restriction", Map.of("reason", "I dispute the accuracy of my data.")), email);
        act(c.id(), "restriction-lift", Map.of("reason", "too early")).then().statusCode(409);

        runWorker();

        Leads.get(lead).then().body("flags.processable", equalTo(false))
                .body("flags.restrictionReason", containsString("restrict"));
        asOfficer().get("/api/v1/leads?email=" + email).then().body("items", org.hamcrest.Matchers.empty());
        String later = Leads.store(email, null, "TELEGRAM_BOT");
        Leads.get(later).then().body("flags.processable", equalTo(false));
        assertThat(subjects.lastMailTo(email).getText()).contains("is blocked");

        act(c.id(), "restriction-lift", Map.of()).then().statusCode(400);
        act(c.id(), "restriction-lift", Map.of("reason", "The data was checked and is accurate.")).then()
                .statusCode(200).body("timeline.kind", hasItem("RESTRICTION_LIFTED"));
        Leads.get(lead).then().body("flags.processable", equalTo(true));
        Leads.get(later).then().body("flags.processable", equalTo(true));
        Mail lifted = subjects.lastMailTo(email);
        assertThat(lifted.getSubject()).contains("lifted");
        assertThat(lifted.getText()).contains("The data was checked and is accurate.").contains("2 record(s)");
        act(c.id(), "restriction-lift", Map.of("reason", "again")).then().statusCode(409);
    }

    @Test
    void withdrawalOfAllConsentErasesWhatNoOtherGroundKeeps() {
        String email = Subjects.newEmail();
        String lead = Leads.store(email, null, "WEB_FORM");
        String held = Leads.store(email, null, "WEB_FORM");
        Leads.hold(held, "Court order 2-123/2026");
        approved(Map.of("type", "WITHDRAWAL", "email", email, "name", "Aigerim", "locale", "en",
                "withdrawal", Map.of("scope", "ALL")), email);
        runWorker();
        Leads.get(lead).then().body("flags.anonymisedAt", not(nullValue()))
                .body("flags.consentWithdrawnAt", not(nullValue()));
        Leads.get(held).then().body("flags.anonymisedAt", nullValue())
                .body("flags.consentWithdrawnAt", not(nullValue()))
                .body("flags.processable", equalTo(false));
        assertThat(subjects.lastMailTo(email).getText()).contains("Your consent is withdrawn")
                .contains("Court order 2-123/2026");
    }

    @Test
    void withdrawalForSomePurposesNarrowsTheConsent() {
        String email = Subjects.newEmail();
        String lead = Leads.store(email, null, "WEB_FORM");
        approved(Map.of("type", "WITHDRAWAL", "email", email, "name", "Aigerim", "locale", "en",
                "withdrawal", Map.of("scope", "PURPOSES", "purposes", List.of("CONSULTING"))), email);
        runWorker();
        assertThat(AuditLog.lines("type=LEAD_CONSENT_WITHDRAWN")).anyMatch(l -> l.contains(lead)
                && l.contains("\"purposes\":\"CONSULTING\"") && l.contains("\"consentLeft\":\"FEEDBACK\""));
        Leads.get(lead).then().body("consent.purposes", equalTo(List.of("FEEDBACK")))
                .body("flags.processable", equalTo(true))
                .body("email", equalTo(email));
    }

    @Test
    void aCancelledApprovalIsNeverExecuted() {
        String email = Subjects.newEmail();
        String lead = Leads.store(email, null, "WEB_FORM");
        Subjects.Verified c = approved(Map.of("type", "DELETION", "email", email, "name", "Aigerim", "locale", "en",
                "deletion", Map.of("scope", "ALL")), email);
        act(c.id(), "cancellation", Map.of("reason", "WITHDRAWN_BY_SUBJECT")).then().statusCode(200);
        runWorker();
        Leads.get(lead).then().body("flags.anonymisedAt", nullValue());
        asOfficer().get("/api/v1/cases/{id}/execution", c.id()).then().body("status", equalTo("CANCELLED"));
    }

    @Test
    void onlyACorrectionTakesCorrections() {
        String email = Subjects.newEmail();
        Subjects.Verified c = subjects.fileAndVerify(Subjects.access(email), email);
        Map<String, Object> body = new HashMap<>();
        body.put("corrections", List.of(Map.of("field", "NAME", "newValue", "X")));
        act(c.id(), "approval", body).then().statusCode(400).body("errors[0].field", equalTo("corrections"));
        asOfficer().get("/api/v1/cases/{id}/execution", c.id()).then().statusCode(404);
    }
}
