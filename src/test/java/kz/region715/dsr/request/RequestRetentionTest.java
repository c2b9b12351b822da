package kz.region715.dsr.request;

import static io.restassured.RestAssured.given;
import static kz.region715.dsr.support.Cases.act;
import static kz.region715.dsr.support.Cases.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kz.region715.dsr.support.AuditLog;
import kz.region715.dsr.support.Subjects;
import kz.region715.dsr.support.TestClock;
import org.junit.jupiter.api.Test;

/** The service's own copies: a closed request is reduced to proof of handling when its retention ends. */
@QuarkusTest
class RequestRetentionTest {

    @Inject
    Subjects subjects;
    @Inject
    RequestRetention retention;
    @Inject
    RequestConfig config;
    @Inject
    TestClock clock;

    @Test
    void aClosedRequestKeepsOnlyWhatProofOfHandlingNeedsAfterItsRetention() {
        String email = Subjects.newEmail();
        Subjects.Verified c = subjects.fileAndVerify(Subjects.access(email), email);
        act(c.id(), "questions", Map.of("text", "Which address did you use in 2025?")).then().statusCode(200);
        given().contentType(ContentType.JSON).header(RequestResource.ACCESS_TOKEN_HEADER, c.accessToken())
                .body(Map.of("text", "The one at Abay avenue 10, flat 5.")).post("/api/v1/requests/{id}/messages", c.id())
                .then().statusCode(202);
        act(c.id(), "rejection", Map.of("legalBasis", "NO_DATA_HELD", "reason", "No data for this address."))
                .then().statusCode(200);
        subjects.mailTo(email); // the rejection goes out first: the status link is the newest mail
        given().post("/api/v1/requests/{id}/status-link", c.id()).then().statusCode(202);
        String resent = subjects.accessToken(email); // pending until used: the reduction clears it too
        String openEmail = Subjects.newEmail();
        String open = subjects.fileAndVerify(Subjects.access(openEmail), openEmail).id();

        clock.advance(config.retentionAfterClosure().minus(Duration.ofDays(1)));
        retention.run();
        clock.reset();
        read(c.id()).then().body("subject.email", equalTo(email));

        clock.advance(config.retentionAfterClosure().plus(Duration.ofDays(1)));
        assertThat(retention.run()).isPositive();
        assertThat(retention.run()).isZero();
        clock.reset();

        read(c.id()).then().statusCode(200)
                .body("subject", nullValue())
                .body("details", nullValue())
                .body("status", equalTo("REJECTED"))
                .body("decision.legalBasis", equalTo("NO_DATA_HELD"))
                .body("timeline.find { it.kind == 'QUESTION' }.text", nullValue())
                .body("timeline.find { it.kind == 'ANSWER' }.text", nullValue())
                .body("timeline.kind", hasItem("REDUCED"));
        given().auth().preemptive().basic("admin", "admin").get("/api/v1/admin/outbox?limit=500").then()
                .body("findAll { it.requestId == '" + c.id() + "' }.contentHeld", not(hasItem(true)))
                .body("findAll { it.requestId == '" + c.id() + "' }.size()", not(equalTo(0)));
        for (String token : List.of(c.accessToken(), resent)) {
            given().header(RequestResource.ACCESS_TOKEN_HEADER, token).get("/api/v1/requests/{id}", c.id()).then()
                    .statusCode(404);
        }
        read(open).then().body("subject.email", not(nullValue()));
        String reference = read(c.id()).path("reference");
        assertThat(AuditLog.typesOf(reference)).contains("REDUCED");
        assertThat(AuditLog.lines("type=REQUEST_RETENTION_RUN")).isNotEmpty();
    }
}
