package kz.region715.dsr.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.region715.dsr.support.Leads;
import kz.region715.dsr.support.LogCapture;
import kz.region715.dsr.support.Subjects;
import kz.region715.dsr.support.TestClock;
import kz.region715.dsr.verification.UnverifiedRequestExpiry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seeds distinctive personal data through every flow and searches the log and the error bodies for it. */
@QuarkusTest
class NoPersonalDataInLogsTest {

    private final LogCapture log = new LogCapture();

    @Inject
    Subjects subjects;
    @Inject
    TestClock clock;
    @Inject
    UnverifiedRequestExpiry expiry;

    @BeforeEach
    void listen() {
        log.start();
    }

    @AfterEach
    void stop() {
        log.stop();
        clock.reset();
    }

    @Test
    void noFlowLogsOrEchoesPersonalData() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String email = "zhanar." + marker + "@example.kz";
        String name = "Zhanargul Qwerty" + marker;
        String message = "my secret message " + marker;
        List<String> secrets = List.of(marker, "+7701555" + "1234", "701 555 12 34", "Qwerty");
        List<String> bodies = new ArrayList<>();

        Map<String, Object> correction = new HashMap<>(Map.of("type", "CORRECTION", "email", email, "name", name,
                "phone", "+7 701 555 12 34", "locale", "ru",
                "correction", Map.of("changes", List.of(Map.of("field", "MESSAGE", "newValue", message)),
                        "explanation", "because " + marker)));
        String id = Subjects.fileOk(correction);

        Map<String, Object> invalid = new HashMap<>(correction);
        invalid.put("email", "zhanar." + marker + "@@example");
        invalid.put("phone", "12 " + marker);
        bodies.add(Subjects.file(invalid).then().statusCode(400).extract().asString());
        Map<String, Object> unknownField = new HashMap<>(correction);
        // The unknown field is named in the answer (that is the point); its value, personal data, is not.
        unknownField.put("nickname", name);
        bodies.add(Subjects.file(unknownField).then().statusCode(400).extract().asString());
        bodies.add(given().contentType(ContentType.JSON).body("{\"email\": \"" + email + "\", ")
                .post("/api/v1/requests").then().statusCode(400).extract().asString());
        String key = "key-" + UUID.randomUUID();
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(correction)
                .post("/api/v1/requests").then().statusCode(202);
        Map<String, Object> other = new HashMap<>(correction);
        other.put("name", name + " other");
        bodies.add(given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(other)
                .post("/api/v1/requests").then().statusCode(422).extract().asString());

        Subjects.Secrets proof = subjects.verificationSecrets(email);
        id = proof.requestId();
        bodies.add(Subjects.verify(id, Map.of("code", proof.code().equals("000000") ? "111111" : "000000"))
                .then().statusCode(422).extract().asString());
        Subjects.verify(id, Map.of("code", proof.code())).then().statusCode(200);
        String token = subjects.accessToken(email);
        given().header("X-Request-Token", token).get("/api/v1/requests/{id}", id).then().statusCode(200);

        // The lead store and case work: a lead with the same data, a refused one, an officer's question.
        Map<String, Object> lead = new HashMap<>(Map.of("source", "TELEGRAM_BOT", "name", name, "email", email,
                "phone", "+7 701 555 12 34", "message", message, "ipAddress", "95.56.12.34"));
        Leads.store(lead);
        Map<String, Object> badLead = new HashMap<>(lead);
        badLead.put("email", "zhanar." + marker + "@@example");
        bodies.add(Leads.asIngest().body(badLead).post("/api/v1/leads").then().statusCode(400).extract().asString());
        kz.region715.dsr.support.Cases.act(id, "questions", Map.of("text", "Is " + name + " your full name?"))
                .then().statusCode(200);
        kz.region715.dsr.support.Cases.asOfficer().queryParam("email", email).get("/api/v1/leads").then()
                .statusCode(200);

        Map<String, Object> unverified = new HashMap<>(correction);
        unverified.put("email", "other." + marker + "@example.kz");
        Subjects.fileOk(unverified);
        clock.advance(Duration.ofDays(8));
        expiry.run();

        List<String> captured = log.lines().stream().map(LogCapture.Line::text).toList();
        assertThat(captured).as("log lines").isNotEmpty();
        for (String secret : secrets) {
            assertThat(captured).as("log lines containing " + secret).noneMatch(line -> line.contains(secret));
            assertThat(bodies).as("error bodies containing " + secret).noneMatch(body -> body.contains(secret));
        }
    }
}
