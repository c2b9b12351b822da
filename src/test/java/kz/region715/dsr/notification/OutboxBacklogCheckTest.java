package kz.region715.dsr.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import kz.region715.dsr.support.Subjects;
import kz.region715.dsr.support.TestClock;
import org.junit.jupiter.api.Test;

/** Readiness reports the outbox's backlog, and a backlog that waits too long degrades it without failing it. */
@QuarkusTest
class OutboxBacklogCheckTest {

    @Inject
    TestClock clock;
    @Inject
    Subjects subjects;

    @Test
    void mailWaitingTooLongDegradesReadinessWhichStaysUp() {
        String email = Subjects.newEmail();
        subjects.mailTo(email); // what other tests left is sent first
        Subjects.fileOk(Subjects.access(email));

        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'outbox-backlog' }.data.due", greaterThanOrEqualTo(1))
                .body("checks.find { it.name == 'outbox-backlog' }.data.degraded", equalTo(false));

        clock.advance(Duration.ofMinutes(16));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox-backlog' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox-backlog' }.data.degraded", equalTo(true))
                .body("checks.find { it.name == 'outbox-backlog' }.data.oldestDueSeconds",
                        greaterThanOrEqualTo(16 * 60));

        subjects.mailTo(email); // the sender catches up
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'outbox-backlog' }.data.degraded", equalTo(false))
                .body("checks.find { it.name == 'outbox-backlog' }.data.due", equalTo(0));
    }
}
