package kz.region715.dsr.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import kz.region715.dsr.support.AuditLog;
import kz.region715.dsr.support.Cases;
import kz.region715.dsr.support.Subjects;
import kz.region715.dsr.support.TestClock;
import kz.region715.dsr.verification.UnverifiedRequestExpiry;
import org.junit.jupiter.api.Test;

/**
 * A subject who lost the acknowledgement e-mail gets the status link again; the
 * link they hold keeps working until the new one is used, so whoever knows a
 * request's id cannot disable it.
 */
@QuarkusTest
class StatusLinkTest {

    private static final String PROBLEMS = "https://dsr.region715.kz/problems/";

    @Inject
    Subjects subjects;
    @Inject
    TestClock clock;
    @Inject
    UnverifiedRequestExpiry expiry;

    private static ValidatableResponse status(String id, String token) {
        return given().header("X-Request-Token", token).get("/api/v1/requests/{id}", id).then();
    }

    private String sendAgain(String id, String email) {
        int mails = subjects.mailTo(email).size();
        given().post("/api/v1/requests/{id}/status-link", id).then().statusCode(202).body("sent", equalTo(true));
        assertThat(subjects.mailTo(email)).hasSize(mails + 1);
        return subjects.accessToken(email);
    }

    @Test
    void aNewStatusLinkGoesToTheRequestsOwnAddressAndReplacesTheOldOneOnceUsed() {
        String email = Subjects.newEmail();
        Subjects.Verified request = subjects.fileAndVerify(Subjects.access(email), email);

        String fresh = sendAgain(request.id(), email);

        assertThat(fresh).isNotEqualTo(request.accessToken());
        status(request.id(), request.accessToken()).statusCode(200).body("status", equalTo("OPEN"));
        String reference = status(request.id(), fresh).statusCode(200).body("status", equalTo("OPEN"))
                .extract().path("reference");
        status(request.id(), request.accessToken()).statusCode(404);
        status(request.id(), fresh).statusCode(200);
        assertThat(AuditLog.typesOf(reference)).contains("ACCESS_LINK_REISSUED");
    }

    @Test
    void sendingAgainReplacesAnUnusedNewLinkButNeverTheOneInUse() {
        String email = Subjects.newEmail();
        Subjects.Verified request = subjects.fileAndVerify(Subjects.access(email), email);

        String first = sendAgain(request.id(), email);
        String second = sendAgain(request.id(), email);

        status(request.id(), first).statusCode(404);
        status(request.id(), request.accessToken()).statusCode(200);
        status(request.id(), second).statusCode(200);
        status(request.id(), request.accessToken()).statusCode(404);
        status(request.id(), first).statusCode(404);
    }

    @Test
    void aNewLinkOpensTheAnswerAndItsFirstUseThereRetiresTheOldOne() {
        String email = Subjects.newEmail();
        Subjects.Verified request = subjects.fileAndVerify(Subjects.access(email), email);
        Cases.act(request.id(), "questions", Map.of("text", "Which address?")).then().statusCode(200);

        String fresh = sendAgain(request.id(), email);
        given().contentType(ContentType.JSON).header("X-Request-Token", fresh).body(Map.of("text", "This one."))
                .post("/api/v1/requests/{id}/messages", request.id()).then().statusCode(202);

        status(request.id(), request.accessToken()).statusCode(404);
        status(request.id(), fresh).statusCode(200).body("status", equalTo("IN_REVIEW"));
    }

    @Test
    void onlyVerifiedRequestsHaveAStatusLinkAndUnknownOnesAreNotFound() {
        String email = Subjects.newEmail();
        String pending = Subjects.fileOk(Subjects.access(email));
        int mails = subjects.mailTo(email).size();
        given().post("/api/v1/requests/{id}/status-link", pending).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "not-verified"));
        given().post("/api/v1/requests/{id}/status-link", UUID.randomUUID()).then().statusCode(404);
        given().post("/api/v1/requests/{id}/status-link", "not-a-uuid").then().statusCode(404);
        assertThat(subjects.mailTo(email)).as("nothing sent").hasSize(mails);
        Subjects.verify(pending, Map.of("code", subjects.verificationSecrets(email).code())).then().statusCode(200);
    }

    @Test
    void anExpiredRequestHasNoStatusLinkToSend() {
        String email = Subjects.newEmail();
        String expired = Subjects.fileOk(Subjects.access(email));
        clock.advance(Duration.ofDays(8));
        expiry.run();
        int mails = subjects.mailTo(email).size();
        given().post("/api/v1/requests/{id}/status-link", expired).then().statusCode(410)
                .body("type", equalTo(PROBLEMS + "request-expired"));
        assertThat(subjects.mailTo(email)).as("nothing sent").hasSize(mails);
    }
}
