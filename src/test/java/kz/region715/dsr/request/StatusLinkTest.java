package kz.region715.dsr.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import kz.region715.dsr.support.AuditLog;
import kz.region715.dsr.support.Subjects;
import kz.region715.dsr.support.TestClock;
import kz.region715.dsr.verification.UnverifiedRequestExpiry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A subject who lost the acknowledgement e-mail gets the status link again; the old link stops working. */
@QuarkusTest
class StatusLinkTest {

    private static final String PROBLEMS = "https://dsr.region715.kz/problems/";

    @Inject
    Subjects subjects;
    @Inject
    TestClock clock;
    @Inject
    UnverifiedRequestExpiry expiry;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aNewStatusLinkGoesToTheRequestsOwnAddressAndReplacesTheOldOne() {
        String email = Subjects.newEmail();
        Subjects.Verified request = subjects.fileAndVerify(Subjects.access(email), email);
        int mails = subjects.mailTo(email).size();

        given().post("/api/v1/requests/{id}/status-link", request.id()).then().statusCode(202).body("sent", equalTo(true));

        assertThat(subjects.mailTo(email)).hasSize(mails + 1);
        String fresh = subjects.accessToken(email);
        assertThat(fresh).isNotEqualTo(request.accessToken());
        given().header("X-Request-Token", request.accessToken()).get("/api/v1/requests/{id}", request.id())
                .then().statusCode(404);
        String reference = given().header("X-Request-Token", fresh).get("/api/v1/requests/{id}", request.id())
                .then().statusCode(200).body("status", equalTo("OPEN")).extract().path("reference");
        assertThat(AuditLog.typesOf(reference)).contains("ACCESS_LINK_REISSUED");
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
