package kz.region715.dsr.request;

import static io.restassured.RestAssured.given;
import static kz.region715.dsr.support.Subjects.access;
import static kz.region715.dsr.support.Subjects.file;
import static kz.region715.dsr.support.Subjects.newEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import kz.region715.dsr.request.domain.RequestStatus;
import kz.region715.dsr.request.domain.RequestType;
import kz.region715.dsr.support.Subjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@QuarkusTest
class RequestIntakeTest {

    private static final String UUID_LOWERCASE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Inject
    Subjects subjects;
    @Inject
    SubjectRequestRepository requests;
    @Inject
    EntityManager em;

    static Map<String, Object> validBody(RequestType type, String email) {
        Map<String, Object> body = new HashMap<>(Map.of("type", type.name(), "email", email,
                "name", "Aigerim Serikova", "phone", "8 701 123 45 67", "locale", "en"));
        switch (type) {
            case ACCESS -> { }
            case CORRECTION -> body.put("correction", Map.of(
                    "changes", List.of(Map.of("field", "PHONE", "newValue", "+7 701 765 43 21"),
                            Map.of("field", "NAME", "newValue", "Aigerim Nurlanovna Serikova")),
                    "explanation", "My number changed in March."));
            case RESTRICTION -> body.put("restriction", Map.of("reason", "I dispute the accuracy of my data."));
            case WITHDRAWAL -> body.put("withdrawal", Map.of("scope", "PURPOSES",
                    "purposes", List.of("CONSULTING", "SERVICE_IMPROVEMENT")));
            case DELETION -> body.put("deletion", Map.of("scope", "SOURCES", "sources", List.of("TELEGRAM_BOT")));
        }
        return body;
    }

    @ParameterizedTest
    @EnumSource(RequestType.class)
    void eachTypeIsFiledAndAVerificationMailQueued(RequestType type) {
        String email = newEmail();
        String id = file(validBody(type, email)).then()
                .statusCode(202)
                .contentType(ContentType.JSON)
                .body("id", matchesPattern(UUID_LOWERCASE))
                .body("reference", matchesPattern("DSR-20\\d\\d-\\d{6,}"))
                .body("status", equalTo("PENDING_VERIFICATION"))
                .extract().path("id");

        SubjectRequest stored = QuarkusTransaction.requiringNew().call(() -> requests.findById(UUID.fromString(id)));
        assertThat(stored.type()).isEqualTo(type);
        assertThat(stored.status()).isEqualTo(RequestStatus.PENDING_VERIFICATION);
        assertThat(stored.contact().emailAsGiven()).isEqualTo(email);
        assertThat(stored.contact().phoneE164()).isEqualTo("+77011234567");
        assertThat(stored.verifiedAt()).isNull();

        Mail mail = subjects.lastMailTo(email);
        assertThat(mail.getSubject()).isEqualTo("Confirm your request " + stored.reference());
        assertThat(mail.getText()).contains("#request=" + id + "&token=").containsPattern("\\b\\d{6}\\b");
        assertThat(mail.getHtml()).contains("<html lang=\"en\">").contains("Confirm my request");
    }

    @Test
    void correctionValuesAreStoredNormalised() {
        String id = Subjects.fileOk(validBody(RequestType.CORRECTION, newEmail()));
        SubjectRequest stored = QuarkusTransaction.requiringNew().call(() -> requests.findById(UUID.fromString(id)));
        assertThat(stored.detailsJson()).contains("\"newValue\":\"+77017654321\"")
                .contains("My number changed in March.");
    }

    @Test
    void emailIsKeptAsGivenAndMatchedNormalised() {
        String given = "Aigerim." + UUID.randomUUID() + "@Example.KZ";
        String first = Subjects.fileOk(access(given));
        String second = Subjects.fileOk(access(given.toLowerCase()));
        QuarkusTransaction.requiringNew().run(() -> {
            SubjectRequest a = requests.findById(UUID.fromString(first));
            SubjectRequest b = requests.findById(UUID.fromString(second));
            assertThat(a.contact().emailAsGiven()).isEqualTo(given);
            assertThat(a.subjectKey()).isEqualTo(b.subjectKey()).isNotBlank().doesNotContain("@");
        });
    }

    @Test
    void localeDefaultsToRussian() {
        String email = newEmail();
        Subjects.fileOk(Map.of("type", "ACCESS", "email", email, "name", "Айгерим"));
        Mail mail = subjects.lastMailTo(email);
        assertThat(mail.getSubject()).startsWith("Подтвердите обращение DSR-");
        assertThat(mail.getText()).contains("Здравствуйте, Айгерим!").contains("доступ к вашим персональным данным");
    }

    @Test
    void kazakhMailIsInKazakh() {
        String email = newEmail();
        Map<String, Object> body = new HashMap<>(access(email));
        body.put("locale", "kk");
        Subjects.fileOk(body);
        Mail mail = subjects.lastMailTo(email);
        assertThat(mail.getSubject()).endsWith("өтінішіңізді растаңыз");
        assertThat(mail.getHtml()).contains("<html lang=\"kk\">").contains("Өтінішті растау");
    }

    @Test
    void theAnswerDoesNotRevealWhetherTheAddressIsKnown() {
        String email = newEmail();
        ValidatableResponse first = file(access(email)).then().statusCode(202);
        ValidatableResponse again = file(access(email)).then().statusCode(202);
        Map<String, Object> a = first.extract().jsonPath().getMap("");
        Map<String, Object> b = again.extract().jsonPath().getMap("");
        assertThat(a.keySet()).isEqualTo(b.keySet());
        assertThat(a.get("status")).isEqualTo(b.get("status"));
        assertThat(first.extract().headers().asList().stream().map(h -> h.getName()).sorted().toList())
                .isEqualTo(again.extract().headers().asList().stream().map(h -> h.getName()).sorted().toList());
    }

    @Test
    void sameIdempotencyKeyAndBodyReturnsTheFirstAnswerWithoutASecondRequestOrMail() {
        String email = newEmail();
        String key = "key-" + UUID.randomUUID();
        Map<String, Object> body = access(email);
        Map<String, Object> first = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/requests").then().statusCode(202).extract().jsonPath().getMap("");
        // The same body with its members in another order is the same body.
        String reordered = "{\"locale\":\"en\",\"name\":\"Aigerim Serikova\",\"email\":\"" + email + "\",\"type\":\"ACCESS\"}";
        Map<String, Object> second = given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(reordered).post("/api/v1/requests").then().statusCode(202).extract().jsonPath().getMap("");

        assertThat(second).isEqualTo(first);
        assertThat(subjects.mailTo(email)).hasSize(1);
        assertThat(countRequestsTo(email)).isEqualTo(1);
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIsRefused() {
        String email = newEmail();
        String key = "key-" + UUID.randomUUID();
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(access(email))
                .post("/api/v1/requests").then().statusCode(202);
        Map<String, Object> other = new HashMap<>(access(email));
        other.put("name", "Someone Else");
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(other)
                .post("/api/v1/requests").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://dsr.region715.kz/problems/idempotency-key-reused"));
        assertThat(countRequestsTo(email)).isEqualTo(1);
    }

    @Test
    void malformedIdempotencyKeyIsRefused() {
        given().header("Idempotency-Key", "short").contentType(ContentType.JSON).body(access(newEmail()))
                .post("/api/v1/requests").then()
                .statusCode(400)
                .body("errors.field", hasItem("idempotencyKey"));
    }

    @Test
    void everyInvalidFieldIsNamedAndNothingIsStored() {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "CORRECTION");
        body.put("email", "not-an-address");
        body.put("name", " ");
        body.put("phone", "12");
        body.put("locale", "de");
        body.put("restriction", Map.of("reason", "x"));
        assertRefusedWithoutChange(() -> file(body).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://dsr.region715.kz/problems/validation"))
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder(
                        "correction", "email", "locale", "name", "phone", "restriction"))
                .body("detail", equalTo("6 fields are invalid")));
    }

    @Test
    void typeSpecificDetailsAreCheckedFieldByField() {
        Map<String, Object> body = new HashMap<>(access(newEmail()));
        body.put("type", "CORRECTION");
        body.put("correction", Map.of("changes", List.of(
                Map.of("field", "EMAIL", "newValue", "nope"),
                Map.of("field", "PHONE", "newValue", "12"),
                Map.of("field", "EMAIL", "newValue", "ok@example.kz")), "explanation", ""));
        file(body).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder(
                        "correction.changes[0].newValue", "correction.changes[1].newValue",
                        "correction.changes[2].field", "correction.explanation"));

        Map<String, Object> withdrawal = new HashMap<>(access(newEmail()));
        withdrawal.put("type", "WITHDRAWAL");
        withdrawal.put("withdrawal", Map.of("scope", "PURPOSES", "purposes", List.of()));
        file(withdrawal).then().statusCode(400).body("errors.field", equalTo(List.of("withdrawal.purposes")));

        Map<String, Object> deletion = new HashMap<>(access(newEmail()));
        deletion.put("type", "DELETION");
        deletion.put("deletion", Map.of("scope", "ALL", "sources", List.of("WEB_FORM")));
        file(deletion).then().statusCode(400).body("errors.field", equalTo(List.of("deletion.sources")));
    }

    @Test
    void unknownFieldsAndBadEnumValuesAreNamed() {
        Map<String, Object> unknown = new HashMap<>(access(newEmail()));
        unknown.put("isAdmin", true);
        assertRefusedWithoutChange(() -> file(unknown).then().statusCode(400)
                .body("errors[0].field", equalTo("isAdmin"))
                .body("errors[0].message", equalTo("unknown field")));

        Map<String, Object> badType = new HashMap<>(access(newEmail()));
        badType.put("type", "ERASE_EVERYTHING");
        file(badType).then().statusCode(400)
                .body("errors[0].field", equalTo("type"))
                .body("errors[0].message", containsString("ACCESS, CORRECTION"));

        Map<String, Object> badPurpose = new HashMap<>(access(newEmail()));
        badPurpose.put("type", "WITHDRAWAL");
        badPurpose.put("withdrawal", Map.of("scope", "PURPOSES", "purposes", List.of("MARKETING")));
        file(badPurpose).then().statusCode(400).body("errors[0].field", equalTo("withdrawal.purposes[0]"));
    }

    @Test
    void fieldLengthsAreLimited() {
        Map<String, Object> body = new HashMap<>(access(newEmail()));
        body.put("name", "N".repeat(201));
        body.put("type", "RESTRICTION");
        body.put("restriction", Map.of("reason", "R".repeat(2001)));
        file(body).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("name", "restriction.reason"));
    }

    @Test
    void malformedJsonIsAProblemNotAnError() {
        assertRefusedWithoutChange(() -> given().contentType(ContentType.JSON).body("{\"type\": \"ACCESS\", ")
                .post("/api/v1/requests").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://dsr.region715.kz/problems/malformed-request")));
        given().contentType(ContentType.JSON).body("[1,2,3]").post("/api/v1/requests").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("").post("/api/v1/requests").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"type\": 5, \"email\": [], \"name\": {}}")
                .post("/api/v1/requests").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void otherMediaTypesAndMethodsAreProblems() {
        given().contentType(ContentType.TEXT).body("type=ACCESS").post("/api/v1/requests").then()
                .statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("https://dsr.region715.kz/problems/unsupported-media-type"));
        given().delete("/api/v1/requests").then().statusCode(405).contentType("application/problem+json");
        given().get("/api/v1/requests/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void oversizedBodyIsRefusedBeforeItIsRead() {
        Map<String, Object> body = new HashMap<>(access(newEmail()));
        body.put("name", "x".repeat(600_000));
        assertRefusedWithoutChange(() -> file(body).then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://dsr.region715.kz/problems/payload-too-large")));
    }

    @Test
    void answersCarrySecurityHeadersAndAreNotCached() {
        file(access(newEmail())).then().statusCode(202)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Strict-Transport-Security", containsString("max-age="));
    }

    @Test
    void subjectViewNeedsTheAccessToken() {
        String email = newEmail();
        Subjects.Verified verified = subjects.fileAndVerify(access(email), email);
        given().header("X-Request-Token", verified.accessToken())
                .get("/api/v1/requests/{id}", verified.id()).then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("id", equalTo(verified.id()))
                .body("type", equalTo("ACCESS"))
                .body("status", equalTo("OPEN"))
                .body("reference", matchesPattern("DSR-\\d{4}-\\d{6,}"))
                .body("dueAt", org.hamcrest.Matchers.notNullValue())
                .body("timeline", hasSize(3))
                .body("timeline.kind", equalTo(List.of("FILED", "VERIFIED", "DEADLINE_SET")))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("email")));

        String unknown = UUID.randomUUID().toString();
        for (String id : List.of(verified.id(), unknown)) {
            given().header("X-Request-Token", "wrong-token").get("/api/v1/requests/{id}", id).then()
                    .statusCode(404).contentType("application/problem+json");
            given().get("/api/v1/requests/{id}", id).then().statusCode(404);
        }
        // The token is accepted only from the header.
        given().queryParam("token", verified.accessToken()).get("/api/v1/requests/{id}", verified.id()).then()
                .statusCode(404);
    }

    @Test
    void unverifiedRequestCannotBeViewed() {
        String id = Subjects.fileOk(access(newEmail()));
        given().header("X-Request-Token", "anything").get("/api/v1/requests/{id}", id).then().statusCode(404);
    }

    private long countRequestsTo(String email) {
        return QuarkusTransaction.requiringNew().call(() -> requests.count("contact.email", email));
    }

    private void assertRefusedWithoutChange(Supplier<ValidatableResponse> call) {
        long requestsBefore = QuarkusTransaction.requiringNew().call(() -> requests.count());
        long mailsBefore = QuarkusTransaction.requiringNew().call(
                () -> em.createQuery("select count(m) from OutboxMessage m", Long.class).getSingleResult());
        call.get();
        assertThat(QuarkusTransaction.requiringNew().call(() -> requests.count())).isEqualTo(requestsBefore);
        assertThat(QuarkusTransaction.requiringNew().call(
                () -> em.createQuery("select count(m) from OutboxMessage m", Long.class).getSingleResult()))
                .isEqualTo(mailsBefore);
    }
}
