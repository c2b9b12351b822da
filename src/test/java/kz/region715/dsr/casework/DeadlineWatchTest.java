package kz.region715.dsr.casework;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.region715.dsr.notification.OutboxSender;
import kz.region715.dsr.request.domain.RequestType;
import kz.region715.dsr.support.Cases;
import kz.region715.dsr.support.TestClock;
import kz.region715.dsr.support.WatchRounds;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeadlineWatchTest {

    private static final String OFFICERS = "privacy-officers@region715.kz";
    private static final String DPO = "dpo@region715.kz";

    @Inject
    DeadlineWatch watch;
    @Inject
    Cases cases;
    @Inject
    TestClock clock;
    @Inject
    OutboxSender sender;
    @Inject
    MockMailbox mailbox;
    @Inject
    CaseMetrics metrics;

    @Test
    void dueSoonAndOverdueCasesAreReportedOnceEachEvenWithTwoWatchersAtOnce() throws Exception {
        UUID id = cases.verifiedCases(RequestType.CORRECTION, List.of(clock.instant())).getFirst();
        String reference = Cases.read(id.toString()).then().extract().path("reference");

        WatchRounds.twoAtOnceUntilQuiet(watch::run);
        assertThat(mailsMentioning(OFFICERS, reference)).as("due-soon digest").hasSize(1);
        assertThat(mailsMentioning(DPO, reference)).isEmpty();
        WatchRounds.twoAtOnceUntilQuiet(watch::run);
        assertThat(mailsMentioning(OFFICERS, reference)).hasSize(1);

        clock.advance(Duration.ofDays(10));
        WatchRounds.twoAtOnceUntilQuiet(watch::run);
        assertThat(mailsMentioning(OFFICERS, reference)).as("due-soon and overdue digests").hasSize(2);
        assertThat(mailsMentioning(DPO, reference)).as("escalation").hasSize(1);
        assertThat(mailsMentioning(DPO, reference).getFirst().getSubject()).startsWith("Просрочено обращений");
        WatchRounds.twoAtOnceUntilQuiet(watch::run);
        assertThat(mailsMentioning(OFFICERS, reference)).hasSize(2);
        assertThat(mailsMentioning(DPO, reference)).hasSize(1);

        metrics.refresh();
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(scrape).contains("dsr_cases_open{status=\"OPEN\",type=\"CORRECTION\"}")
                .contains("dsr_cases_overdue").contains("dsr_deadline_breaches_total")
                .contains("dsr_case_time_to_close_seconds");
        assertThat(metricValue(scrape, "dsr_cases_overdue")).isGreaterThanOrEqualTo(1);
        assertThat(metricValue(scrape, "dsr_deadline_breaches_total")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void assignedCasesGoToTheirOfficer() {
        UUID id = cases.verifiedCases(RequestType.RESTRICTION, List.of(clock.instant())).getFirst();
        Cases.act(id.toString(), "assignment", Map.of("assignee", "aliya@region715.kz")).then().statusCode(200);
        String reference = Cases.read(id.toString()).then().extract().path("reference");
        WatchRounds.twoAtOnceUntilQuiet(watch::run);
        assertThat(mailsMentioning("aliya@region715.kz", reference)).hasSize(1);
        assertThat(mailsMentioning(OFFICERS, reference)).isEmpty();
    }

    @Test
    void slaReportCountsAndTimesToClose() {
        clock.advance(Duration.ofDays(5000));
        var t0 = clock.instant();
        List<UUID> ids = cases.verifiedCases(RequestType.ACCESS, List.of(t0, t0, t0));
        clock.advance(Duration.ofHours(1));
        Cases.act(ids.get(0).toString(), "rejection", Map.of("legalBasis", "NO_DATA_HELD", "reason", "None.")).then()
                .statusCode(200);
        clock.advance(Duration.ofHours(2));
        Cases.act(ids.get(1).toString(), "cancellation", Map.of("reason", "OTHER")).then().statusCode(200);
        clock.advance(Duration.ofHours(4));
        Cases.act(ids.get(2).toString(), "rejection", Map.of("legalBasis", "NO_DATA_HELD", "reason", "None.")).then()
                .statusCode(200);

        given().auth().preemptive().basic("auditor", "auditor")
                .queryParam("from", t0.minusSeconds(3600).toString())
                .queryParam("to", t0.plus(Duration.ofDays(1)).toString())
                .get("/api/v1/reports/sla").then()
                .statusCode(200)
                .body("cases.find { it.status == 'REJECTED' && it.type == 'ACCESS' }.count", org.hamcrest.Matchers.equalTo(2))
                .body("cases.find { it.status == 'CANCELLED' && it.type == 'ACCESS' }.count", org.hamcrest.Matchers.equalTo(1))
                .body("closed.count", org.hamcrest.Matchers.equalTo(3))
                .body("closed.afterDueDate", org.hamcrest.Matchers.equalTo(0))
                .body("closed.medianTimeToClose", org.hamcrest.Matchers.equalTo("PT3H"))
                .body("closed.p90TimeToClose", org.hamcrest.Matchers.equalTo("PT7H"));
        given().auth().preemptive().basic("auditor", "auditor").queryParam("from", "yesterday")
                .get("/api/v1/reports/sla").then().statusCode(400).body("errors[0].field", containsString("from"));
    }

    private List<Mail> mailsMentioning(String recipient, String reference) {
        sender.deliverDue();
        return mailbox.getMailsSentTo(recipient).stream().filter(m -> m.getText().contains(reference)).toList();
    }

    private static double metricValue(String scrape, String name) {
        return scrape.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
