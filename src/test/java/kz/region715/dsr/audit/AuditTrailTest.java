package kz.region715.dsr.audit;

import static io.restassured.RestAssured.given;
import static kz.region715.dsr.support.AuditLog.asAuditor;
import static kz.region715.dsr.support.AuditLog.types;
import static kz.region715.dsr.support.Cases.act;
import static kz.region715.dsr.support.Cases.asOfficer;
import static kz.region715.dsr.support.Cases.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.region715.dsr.execution.ExecutionWorker;
import kz.region715.dsr.lead.LeadRetention;
import kz.region715.dsr.request.RequestResource;
import kz.region715.dsr.support.AuditLog;
import kz.region715.dsr.support.Leads;
import kz.region715.dsr.support.Subjects;
import org.junit.jupiter.api.Test;

/** What the trail records, from the flows that should record it, and what it must never hold. */
@QuarkusTest
class AuditTrailTest {

    @Inject
    Subjects subjects;
    @Inject
    ExecutionWorker worker;
    @Inject
    LeadRetention retention;
    @Inject
    Clock clock;

    static List<String> exportLines(String query) {
        return AuditLog.lines(query.startsWith("?") ? query.substring(1) : query);
    }

    @Test
    void aRequestsLifeIsInTheTrailAndEachLinesHashIsItsContent() throws Exception {
        String email = Subjects.newEmail();
        Leads.store(email, null, "WEB_FORM");
        Subjects.Verified c = subjects.fileAndVerify(Map.of("type", "DELETION", "email", email, "name", "Aigerim",
                "locale", "en", "deletion", Map.of("scope", "ALL")), email);
        act(c.id(), "approval", Map.of()).then().statusCode(200);
        worker.runDue("audit-test");
        String reference = read(c.id()).path("reference");

        List<String> lines = exportLines("?request=" + reference);
        assertThat(types(lines)).contains("FILED", "VERIFICATION_ISSUED", "VERIFIED", "DEADLINE_SET", "APPROVED",
                "EXECUTION_QUEUED", "STATUS_CHANGED", "LEAD_ANONYMISED", "EXECUTED", "MAIL_QUEUED", "MAIL_DELIVERED");
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String line : lines) {
            int cut = line.lastIndexOf(",\"hash\":\"");
            String canonical = line.substring(0, cut) + "}";
            String hash = line.substring(cut + 9, cut + 9 + 64);
            assertThat(HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8))))
                    .isEqualTo(hash);
        }
        asAuditor().get("/api/v1/audit/verification").then().statusCode(200).body("status", equalTo("OK"));
        asOfficer().get("/api/v1/cases/{id}/history", c.id()).then().statusCode(200)
                .body("type", hasItems("FILED", "VERIFIED", "APPROVED", "EXECUTED"))
                .body("find { it.type == 'APPROVED' }.actor", equalTo("officer"))
                .body("find { it.type == 'APPROVED' }.details.toStatus", equalTo("APPROVED"));
    }

    @Test
    void aCasesHistoryShowsEventsWaitingForTheSequencerAndTheirPlaceOnceSequenced() {
        String email = Subjects.newEmail();
        Subjects.Verified c = subjects.fileAndVerify(Map.of("type", "ACCESS", "email", email, "name", "Aigerim",
                "locale", "en"), email);
        AuditLog.sequence();
        act(c.id(), "notes", Map.of("text", "Waiting for the sequencer.")).then().statusCode(200);
        asOfficer().get("/api/v1/cases/{id}/history", c.id()).then().statusCode(200)
                .body("find { it.type == 'FILED' }.seq", org.hamcrest.Matchers.notNullValue())
                .body("find { it.type == 'NOTE' }.seq", org.hamcrest.Matchers.nullValue())
                .body("find { it.type == 'NOTE' }.hash", org.hamcrest.Matchers.nullValue())
                .body("find { it.type == 'NOTE' }.details.textLength", equalTo(26));
        AuditLog.sequence();
        asOfficer().get("/api/v1/cases/{id}/history", c.id()).then().statusCode(200)
                .body("findAll { it.seq == null }", org.hamcrest.Matchers.empty())
                .body("find { it.type == 'NOTE' }.hash", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"));
    }

    @Test
    void everyKindOfActionLeavesItsEvent() {
        String from = clock.instant().toString();
        String email = Subjects.newEmail();
        String phone = Leads.uniquePhone();
        String lead = Leads.store(email, phone, "WEB_FORM");
        String other = Leads.store(null, phone, "TELEGRAM_BOT");
        String held = Leads.store(email, null, "WEB_FORM");
        Leads.disclose(lead, "Courier LLP", "privacy-" + UUID.randomUUID() + "@courier.kz");
        String holdReason = "Tax Code: contract records kept 5 years";
        Leads.hold(held, holdReason);

        Map<String, Object> body = new HashMap<>(Map.of("type", "DELETION", "email", email, "name", "Aigerim",
                "locale", "en", "deletion", Map.of("scope", "ALL")));
        body.put("phone", phone);
        String id = Subjects.fileOk(body);
        Subjects.verify(id, Map.of("code", "000000")).then().statusCode(422);
        Subjects.Secrets secrets = subjects.verificationSecrets(email);
        Subjects.verify(id, Map.of("code", secrets.code())).then().statusCode(200);
        String token = subjects.accessToken(email);
        act(id, "assignment", Map.of()).then().statusCode(200);
        act(id, "notes", Map.of("text", "Checked the CRM.")).then().statusCode(200);
        act(id, "questions", Map.of("text", "Is the Telegram lead yours?")).then().statusCode(200);
        given().contentType(ContentType.JSON).header(RequestResource.ACCESS_TOKEN_HEADER, token)
                .body(Map.of("text", "No, it is not.")).post("/api/v1/requests/{id}/messages", id).then()
                .statusCode(202);
        act(id, "phone-confirmation", null).then().statusCode(200);
        act(id, "matches/" + other + "/exclusion", Map.of("reason", "Not the subject's.")).then().statusCode(200);
        act(id, "approval", Map.of()).then().statusCode(200);
        worker.runDue("audit-test");
        subjects.mailTo(email);

        String access = subjects.fileAndVerify(Subjects.access(email), email).id();
        String duplicate = subjects.fileAndVerify(Subjects.access(email), email).id();
        act(access, "extension", Map.of("reason", "Data sits in three systems.")).then().statusCode(200);
        act(access, "rejection", Map.of("legalBasis", "NO_DATA_HELD", "reason", "Nothing left after deletion."))
                .then().statusCode(200);
        act(duplicate, "cancellation", Map.of("reason", "DUPLICATE")).then().statusCode(200);
        String restriction = subjects.fileAndVerify(Map.of("type", "RESTRICTION", "email", email, "name", "A",
                "locale", "en", "restriction", Map.of("reason", "Dispute.")), email).id();
        act(restriction, "approval", Map.of()).then().statusCode(200);
        worker.runDue("audit-test");
        act(restriction, "restriction-lift", Map.of("reason", "Resolved.")).then().statusCode(200);
        retention.eraseExpired();
        asOfficer().get("/api/v1/audit/events").then().statusCode(403);
        given().get("/api/v1/audit/events").then().statusCode(401);

        awaitRefusals(from, 2);
        assertThat(types(exportLines("?from=" + from))).contains(
                "LEAD_INGESTED", "DISCLOSURE_RECORDED", "LEGAL_HOLD_PLACED", "FILED", "VERIFICATION_ISSUED",
                "VERIFICATION_FAILED", "VERIFIED", "DEADLINE_SET", "ASSIGNED", "STATUS_CHANGED", "NOTE", "QUESTION",
                "ANSWER", "MATCH_CONFIRMED", "MATCH_EXCLUDED", "APPROVED", "EXECUTION_QUEUED", "LEAD_ANONYMISED",
                "LEAD_KEPT_LEGAL_HOLD", "RECIPIENT_NOTIFIED", "EXECUTED", "MAIL_QUEUED", "MAIL_DELIVERED",
                "EXTENDED", "REJECTED", "CANCELLED", "DUPLICATE_FLAGGED", "LEAD_RESTRICTED", "LEAD_UNRESTRICTED",
                "RESTRICTION_LIFTED", "RETENTION_RUN", "ACCESS_REFUSED");
        List<String> refusals = exportLines("?type=ACCESS_REFUSED&from=" + from);
        assertThat(refusals).anyMatch(l -> l.contains("\"actor\":\"officer\"") && l.contains("\"status\":403")
                && l.contains("\"endpoint\":\"/api/v1/audit/events\""));
        assertThat(refusals).anyMatch(l -> l.contains("\"actor\":\"anonymous\"") && l.contains("\"status\":401"));
        String typed = "aigerim-" + UUID.randomUUID();
        given().get("/api/v1/cases/" + typed).then().statusCode(401);
        awaitRefusals(from, 3);
        assertThat(exportLines("?type=ACCESS_REFUSED&from=" + from)).noneMatch(l -> l.contains(typed))
                .anyMatch(l -> l.contains("\"endpoint\":\"/api/v1/cases/{id}\""));
        List<String> kept = exportLines("?type=LEAD_KEPT_LEGAL_HOLD&from=" + from);
        assertThat(kept).anyMatch(l -> l.contains(held) && l.contains("\"reasonLength\":" + holdReason.length()))
                .noneMatch(l -> l.contains(holdReason));
        assertThat(exportLines("?type=LEAD_ANONYMISED&from=" + from))
                .anyMatch(l -> l.contains(lead) && l.contains("\"strategy\":\"ANONYMISE name=FIXED"));
        assertThat(exportLines("?type=REJECTED&from=" + from))
                .anyMatch(l -> l.contains("NO_DATA_HELD") && l.contains("\"actor\":\"officer\""));
    }

    /** Refusals are written off the request thread when they happen on an I/O thread: wait a little. */
    private static void awaitRefusals(String from, int count) {
        for (int i = 0; i < 50 && exportLines("?type=ACCESS_REFUSED&from=" + from).size() < count; i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Test
    void badExportParametersAreNamedInOneProblem() {
        asAuditor().get("/api/v1/audit/events?from=yesterday&to=2026-01-01T00:00:00Z&request=x%3Cy&type=lower")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("from", "request", "type"));
        asAuditor().get("/api/v1/audit/verification?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")
                .then().statusCode(400).body("errors.field", equalTo(List.of("from")));
        asAuditor().get("/api/v1/reports/requests?type=BOGUS&to=" + "9".repeat(40)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("type", "to"));
    }

    @Test
    void aChangeThatRollsBackLeavesNoEvent() {
        String email = Subjects.newEmail();
        Subjects.Verified c = subjects.fileAndVerify(Map.of("type", "CORRECTION", "email", email, "name", "Aigerim",
                "locale", "en", "correction", Map.of("changes", List.of(Map.of("field", "PHONE",
                        "newValue", "+7 701 765 43 21")), "explanation", "New number.")), email);
        act(c.id(), "approval", Map.of("corrections", List.of(Map.of("field", "PHONE", "newValue", "not a phone"))))
                .then().statusCode(422);
        String reference = read(c.id()).path("reference");
        read(c.id()).then().body("status", equalTo("OPEN"));
        assertThat(AuditLog.typesOf(reference)).contains("FILED", "VERIFIED")
                .doesNotContain("APPROVED", "EXECUTION_QUEUED");
    }

    @Test
    void theTrailAndTheReportsHoldNoPersonalData() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String email = "canary-" + marker + "@example.kz";
        String name = "Zhanibek Canary" + marker;
        String phone = "+7 701 " + String.format("%07d", Math.floorMod(marker.hashCode(), 10_000_000));
        String e164 = "+7701" + phone.substring(7);
        String message = "Canary message " + marker;
        String ip = "198.51.100." + (Math.floorMod(marker.hashCode(), 200) + 1);
        String newName = "Canary Newname" + marker;
        Leads.store(Map.of("source", "WEB_FORM", "name", name, "email", email, "phone", phone, "message", message,
                "ipAddress", ip));
        Map<String, Object> body = new HashMap<>(Map.of("type", "CORRECTION", "email", email, "name", name,
                "locale", "en", "correction", Map.of("changes", List.of(Map.of("field", "NAME", "newValue", newName)),
                        "explanation", "My name changed " + marker)));
        body.put("phone", phone);
        Subjects.Verified c = subjects.fileAndVerify(body, email);
        act(c.id(), "approval", Map.of()).then().statusCode(200);
        worker.runDue("audit-test");
        read(c.id()).then().body("status", equalTo("COMPLETED"));

        String ndjson = asAuditor().accept("application/x-ndjson").get("/api/v1/audit/events").then().statusCode(200)
                .extract().asString();
        String csv = asAuditor().accept("text/csv").get("/api/v1/audit/events").then().statusCode(200)
                .extract().asString();
        String report = asAuditor().accept("text/csv").get("/api/v1/reports/requests").then().statusCode(200)
                .extract().asString();
        String reportJson = asAuditor().get("/api/v1/reports/requests").then().statusCode(200).extract().asString();
        assertThat(ndjson).contains(read(c.id()).<String>path("reference"));
        for (String export : List.of(ndjson, csv, report, reportJson)) {
            for (String personal : List.of(email, email.toUpperCase(), name, phone, e164, message, ip, newName,
                    "Canary")) {
                assertThat(export).as("an export holds no personal data").doesNotContain(personal);
            }
        }
        assertThat(csv).startsWith("seq,at,actor,type,request,subject,details,prev,hash\r\n");
        assertThat(report).contains(read(c.id()).<String>path("reference") + ",CORRECTION,WEB,");
    }
}
