package kz.region715.dsr.platform.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import kz.region715.dsr.execution.ExecutionWorker;
import kz.region715.dsr.notification.OutboxSender;
import kz.region715.dsr.platform.jobs.JobRounds;
import kz.region715.dsr.support.LogCapture;
import kz.region715.dsr.support.SmallPool;
import kz.region715.dsr.support.Subjects;
import org.junit.jupiter.api.Test;

/**
 * A database that cannot be had (here: a small pool whose connections the test holds, so every acquisition times
 * out as it does when PostgreSQL is down): the API answers 503 within the bounded wait, readiness goes DOWN, the
 * jobs skip their round with one line, and everything comes back by itself.
 */
@QuarkusTest
@TestProfile(SmallPool.class)
class DatabaseOutageApiTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    JobRounds rounds;
    @Inject
    OutboxSender outbox;
    @Inject
    ExecutionWorker worker;

    @Test
    void anOutageAnswers503WithRetryAfterAndReadinessGoesDownUntilTheDatabaseIsBack() throws Exception {
        given().get("/q/health/ready").then().statusCode(200);
        try (AutoCloseable held = SmallPool.hold(dataSource)) {
            long start = System.nanoTime();
            given().contentType(ContentType.JSON).body(Subjects.access(Subjects.newEmail()))
                    .post("/api/v1/requests").then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("type", equalTo("https://dsr.region715.kz/problems/service-unavailable"))
                    .body("title", equalTo("Service unavailable"))
                    .body("detail", containsString("try again shortly"))
                    .body(not(containsString("Exception")))
                    .body(not(containsString("acquisition")));
            given().header("X-Request-Token", "t".repeat(43)).get("/api/v1/requests/{id}", UUID.randomUUID()).then()
                    .statusCode(503).header("Retry-After", "5");
            given().auth().preemptive().basic("officer", "officer").get("/api/v1/cases").then()
                    .statusCode(503).body("type", equalTo("https://dsr.region715.kz/problems/service-unavailable"));
            assertThat(System.nanoTime() - start).as("three calls, each bounded by the acquisition timeout")
                    .isLessThan(10_000_000_000L);

            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));

            LogCapture log = new LogCapture();
            log.start();
            try {
                assertThat(rounds.run("Outbox sender", outbox::deliverDue)).isFalse();
                assertThat(rounds.run("Execution worker", () -> worker.runDue("outage-worker"))).isFalse();
            } finally {
                log.stop();
            }
            List<String> lines = log.lines().stream().map(LogCapture.Line::text).toList();
            // One line per job round (the captured text is the format followed by its parameters)
            assertThat(lines).filteredOn(l -> l.contains("database unavailable, round skipped")).hasSize(2)
                    .anyMatch(l -> l.contains("Outbox sender")).anyMatch(l -> l.contains("Execution worker"));
            assertThat(lines).as("no stack traces").noneMatch(l -> l.contains("\tat "));
        }
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().contentType(ContentType.JSON).body(Subjects.access(Subjects.newEmail()))
                .post("/api/v1/requests").then().statusCode(202);
    }
}
