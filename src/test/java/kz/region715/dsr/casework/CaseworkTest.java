package kz.region715.dsr.casework;

import static io.restassured.RestAssured.given;
import static kz.region715.dsr.support.Cases.act;
import static kz.region715.dsr.support.Cases.asOfficer;
import static kz.region715.dsr.support.Cases.etag;
import static kz.region715.dsr.support.Cases.read;
import static kz.region715.dsr.support.Subjects.newEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.region715.dsr.support.Subjects;
import kz.region715.dsr.support.TestClock;
import org.junit.jupiter.api.Test;

/** Officers work cases through the API; the subject hears what the law requires. */
@QuarkusTest
class CaseworkTest {

    private static final String PROBLEMS = "https://dsr.region715.kz/problems/";

    @Inject
    Subjects subjects;
    @Inject
    TestClock clock;

    private static Map<String, Object> request(String type, String email) {
        Map<String, Object> body = new HashMap<>(Map.of("type", type, "email", email, "name", "Aigerim Serikova",
                "locale", "en"));
        switch (type) {
            case "CORRECTION" -> body.put("correction", Map.of("changes",
                    List.of(Map.of("field", "PHONE", "newValue", "+7 701 765 43 21")), "explanation", "New number."));
            case "RESTRICTION" -> body.put("restriction", Map.of("reason", "Accuracy disputed."));
            case "WITHDRAWAL" -> body.put("withdrawal", Map.of("scope", "ALL"));
            case "DELETION" -> body.put("deletion", Map.of("scope", "ALL"));
            default -> { }
        }
        return body;
    }

    private Subjects.Verified verifiedCase(String type, String email) {
        return subjects.fileAndVerify(request(type, email), email);
    }

    @Test
    void aVerifiedRequestIsACaseWithAStatutoryDeadline() {
        String email = newEmail();
        Subjects.Verified c = verifiedCase("CORRECTION", email);
        read(c.id()).then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("status", equalTo("OPEN"))
                .body("subject.email", equalTo(email))
                .body("details.correction.changes[0].newValue", equalTo("+77017654321"))
                .body("deadline.jurisdiction", equalTo("KZ"))
                .body("deadline.policy", equalTo("KZ/CORRECTION"))
                .body("deadline.basis", equalTo("STATUTORY"))
                .body("deadline.citation", org.hamcrest.Matchers.containsString("94-V"))
                .body("deadline.lastDay", notNullValue())
                .body("deadline.overdue", equalTo(false))
                .body("timeline.kind", hasItem("DEADLINE_SET"));
        given().header("X-Request-Token", c.accessToken()).get("/api/v1/requests/{id}", c.id()).then()
                .body("dueAt", notNullValue());
    }

    @Test
    void unverifiedRequestsAreNotCases() {
        String id = Subjects.fileOk(Subjects.access(newEmail()));
        read(id).then().statusCode(404);
        String reference = asOfficer().queryParam("limit", "200").get("/api/v1/cases").then().statusCode(200)
                .extract().path("items.find { it.id == '" + id + "' }?.reference");
        assertThat(reference).isNull();
    }

    @Test
    void assignNoteQuestionAnswerApprove() {
        String email = newEmail();
        Subjects.Verified c = verifiedCase("CORRECTION", email);

        act(c.id(), "assignment", Map.of()).then().statusCode(200)
                .body("status", equalTo("IN_REVIEW")).body("assignee", equalTo("officer"));
        act(c.id(), "assignment", Map.of("assignee", "officer-2")).then().statusCode(200)
                .body("assignee", equalTo("officer-2"));
        act(c.id(), "notes", Map.of("text", "Checked the CRM export.")).then().statusCode(200)
                .body("timeline.find { it.kind == 'NOTE' }.visibleToSubject", equalTo(false))
                .body("timeline.find { it.kind == 'NOTE' }.actor", equalTo("officer"));

        act(c.id(), "questions", Map.of("text", "Which number should we replace?")).then().statusCode(200)
                .body("status", equalTo("AWAITING_SUBJECT")).body("deadline.pausedSince", notNullValue());
        Mail question = subjects.lastMailTo(email);
        assertThat(question.getSubject()).startsWith("A question about your request DSR-");
        assertThat(question.getText()).contains("Which number should we replace?");

        given().contentType(ContentType.JSON).header("X-Request-Token", "wrong")
                .body(Map.of("text", "The one ending 4567.")).post("/api/v1/requests/{id}/messages", c.id()).then()
                .statusCode(404);
        given().contentType(ContentType.JSON).header("X-Request-Token", c.accessToken())
                .body(Map.of("text", "The one ending 4567.")).post("/api/v1/requests/{id}/messages", c.id()).then()
                .statusCode(202);
        read(c.id()).then().body("status", equalTo("IN_REVIEW"))
                .body("timeline.find { it.kind == 'ANSWER' }.text", equalTo("The one ending 4567."));
        given().header("X-Request-Token", c.accessToken()).get("/api/v1/requests/{id}", c.id()).then()
                .body("timeline.find { it.kind == 'QUESTION' }.text", equalTo("Which number should we replace?"))
                .body("timeline.find { it.kind == 'ANSWER' }.text", equalTo("The one ending 4567."))
                .body("timeline.kind", not(hasItem("NOTE")))
                .body("timeline.kind", not(hasItem("ASSIGNED")));
        given().contentType(ContentType.JSON).header("X-Request-Token", c.accessToken())
                .body(Map.of("text", "again")).post("/api/v1/requests/{id}/messages", c.id()).then()
                .statusCode(409).body("type", equalTo(PROBLEMS + "no-open-question"));

        act(c.id(), "approval", Map.of("note", "Values confirmed.")).then().statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decision.by", equalTo("officer"));
    }

    @Test
    void waitingForTheSubjectPausesTheDeadlineOnlyWhereThePolicySaysSo() {
        Subjects.Verified correction = verifiedCase("CORRECTION", newEmail());
        Subjects.Verified withdrawal = verifiedCase("WITHDRAWAL", newEmail());
        String correctionBefore = read(correction.id()).then().extract().path("deadline.lastDay");
        String withdrawalBefore = read(withdrawal.id()).then().extract().path("deadline.lastDay");
        act(correction.id(), "questions", Map.of("text", "Which number?")).then().statusCode(200);
        act(withdrawal.id(), "questions", Map.of("text", "All purposes?")).then().statusCode(200);

        clock.advance(java.time.Duration.ofDays(7));
        for (Subjects.Verified c : List.of(correction, withdrawal)) {
            given().contentType(ContentType.JSON).header("X-Request-Token", c.accessToken())
                    .body(Map.of("text", "Answer.")).post("/api/v1/requests/{id}/messages", c.id()).then()
                    .statusCode(202);
        }
        // KZ/CORRECTION waits for the subject's documents: a week of waiting is at least 4 working days later.
        String correctionAfter = read(correction.id()).then().extract().path("deadline.lastDay");
        assertThat(java.time.LocalDate.parse(correctionAfter))
                .isAfterOrEqualTo(java.time.LocalDate.parse(correctionBefore).plusDays(4));
        // KZ/WITHDRAWAL runs on while the operator waits.
        read(withdrawal.id()).then().body("deadline.lastDay", equalTo(withdrawalBefore));
    }

    @Test
    void rejectionTellsTheSubjectTheBasisAndTheRightToAppeal() {
        String email = newEmail();
        Subjects.Verified c = verifiedCase("DELETION", email);
        act(c.id(), "rejection", Map.of("legalBasis", "RETENTION_REQUIRED_BY_LAW",
                "reason", "Contracts must be kept five years.")).then().statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("decision.legalBasis", equalTo("RETENTION_REQUIRED_BY_LAW"))
                .body("closedAt", notNullValue());
        Mail mail = subjects.lastMailTo(email);
        assertThat(mail.getSubject()).startsWith("Decision on your request DSR-");
        assertThat(mail.getText()).contains("Contracts must be kept five years.")
                .contains("Law No. 94-V, Art. 18")
                .contains("authorised body for personal data protection").contains("court");

        // A decided case cannot be decided again.
        act(c.id(), "approval", Map.of()).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "illegal-transition"))
                .body("currentStatus", equalTo("REJECTED"));
        act(c.id(), "questions", Map.of("text", "?")).then().statusCode(409);
        act(c.id(), "extension", Map.of("reason", "late")).then().statusCode(409);
    }

    @Test
    void extensionOnlyAsThePolicyAllowsAndTheSubjectIsTold() {
        String email = newEmail();
        Subjects.Verified access = verifiedCase("ACCESS", email);
        String before = read(access.id()).then().extract().path("deadline.lastDay");
        String after = act(access.id(), "extension", Map.of("reason", "Data sits in three systems.")).then()
                .statusCode(200)
                .body("deadline.extensionsGranted", equalTo(1))
                .body("deadline.extensionAvailable", equalTo(false))
                .extract().path("deadline.lastDay");
        assertThat(after).isGreaterThan(before);
        Mail mail = subjects.lastMailTo(email);
        assertThat(mail.getSubject()).startsWith("The term of your request DSR-");
        assertThat(mail.getText()).contains("Data sits in three systems.");
        act(access.id(), "extension", Map.of("reason", "again")).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "extension-not-allowed"));

        Subjects.Verified correction = verifiedCase("CORRECTION", newEmail());
        act(correction.id(), "extension", Map.of("reason", "more time")).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "extension-not-allowed"));
    }

    @Test
    void jurisdictionChangeRecomputesTheDueDate() {
        Subjects.Verified c = verifiedCase("WITHDRAWAL", newEmail());
        act(c.id(), "jurisdiction", Map.of("jurisdiction", "EU", "reason", "Lives in Germany.")).then()
                .statusCode(200)
                .body("deadline.jurisdiction", equalTo("EU"))
                .body("deadline.policy", equalTo("EU/WITHDRAWAL"))
                .body("timeline.kind", hasItem("JURISDICTION_CHANGED"));
        act(c.id(), "jurisdiction", Map.of("jurisdiction", "XX", "reason", "?")).then().statusCode(400)
                .body("errors[0].field", equalTo("jurisdiction"));
    }

    @Test
    void aSecondVerifiedRequestOfTheSameTypeIsFlaggedAndCanBeCancelledAsDuplicate() {
        String email = newEmail();
        Subjects.Verified first = verifiedCase("ACCESS", email);
        Subjects.Verified second = verifiedCase("ACCESS", email);
        String firstReference = read(first.id()).then().extract().path("reference");
        read(second.id()).then().body("duplicateOf.id", equalTo(first.id()))
                .body("duplicateOf.reference", equalTo(firstReference));
        read(first.id()).then().body("duplicateOf", org.hamcrest.Matchers.nullValue());

        act(second.id(), "cancellation", Map.of("reason", "DUPLICATE")).then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("decision.cancellation", equalTo("DUPLICATE"));
        assertThat(subjects.lastMailTo(email).getText()).contains("repeats your earlier request " + firstReference);
    }

    @Test
    void everyChangeNeedsTheCurrentEtag() {
        Subjects.Verified c = verifiedCase("ACCESS", newEmail());
        String etag = etag(c.id());
        asOfficer().body(Map.of("text", "no etag")).post("/api/v1/cases/{id}/notes", c.id()).then()
                .statusCode(428).body("type", equalTo(PROBLEMS + "precondition-required"));
        asOfficer().header("If-Match", etag).body(Map.of("text", "first")).post("/api/v1/cases/{id}/notes", c.id())
                .then().statusCode(200).header("ETag", not(equalTo(etag)));
        // A second officer still holding the old ETag is refused and changes nothing.
        asOfficer().header("If-Match", etag).body(Map.of("text", "second")).post("/api/v1/cases/{id}/notes", c.id())
                .then().statusCode(412).body("type", equalTo(PROBLEMS + "precondition-failed"));
        List<String> notes = read(c.id()).then().extract().path("timeline.findAll { it.kind == 'NOTE' }.text");
        assertThat(notes).containsExactly("first");
    }

    @Test
    void deliveredMailIsOnTheTimeline() {
        String email = newEmail();
        Subjects.Verified c = verifiedCase("ACCESS", email);
        subjects.mailTo(email);
        read(c.id()).then().body("timeline.findAll { it.kind == 'MAIL_SENT' }.text",
                org.hamcrest.Matchers.hasItems("VERIFICATION", "ACKNOWLEDGEMENT"));
    }

    @Test
    void invalidBodiesAndParametersAreNamed() {
        Subjects.Verified c = verifiedCase("ACCESS", newEmail());
        act(c.id(), "rejection", Map.of("legalBasis", "BECAUSE", "reason", "x")).then().statusCode(400)
                .body("errors[0].field", equalTo("legalBasis"));
        act(c.id(), "rejection", Map.of("legalBasis", "NO_DATA_HELD")).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        act(c.id(), "notes", Map.of("text", "x".repeat(4001))).then().statusCode(400);
        asOfficer().queryParam("status", "NOPE").queryParam("overdue", "maybe").queryParam("limit", "5000")
                .queryParam("dueBefore", "tomorrow").queryParam("cursor", "%%%").get("/api/v1/cases").then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("status", "overdue", "limit", "dueBefore"));
        asOfficer().queryParam("cursor", "bm90LWEtY3Vyc29y").get("/api/v1/cases").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }
}
