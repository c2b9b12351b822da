package kz.region715.dsr.audit;

import static io.restassured.RestAssured.given;
import static kz.region715.dsr.support.Cases.act;
import static kz.region715.dsr.support.Cases.asOfficer;
import static kz.region715.dsr.support.Cases.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.region715.dsr.execution.ExecutionWorker;
import kz.region715.dsr.lead.LeadActions;
import kz.region715.dsr.request.RequestResource;
import kz.region715.dsr.support.AuditLog;
import kz.region715.dsr.support.Leads;
import kz.region715.dsr.support.Subjects;
import org.junit.jupiter.api.Test;

/**
 * The trail keeps everything forever, so it keeps no free text: every text an
 * officer or a subject typed is recorded by codes, lengths or a keyed hash,
 * while the officers' views still show the texts themselves.
 */
@QuarkusTest
class AuditNoFreeTextTest {

    @Inject
    Subjects subjects;
    @Inject
    ExecutionWorker worker;
    @Inject
    LeadActions leadActions;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    @Test
    void noTypedTextReachesTheTrailWhileTheOfficersViewsKeepIt() {
        String from = clock.instant().toString();
        String run = "Zq9-marker-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> marker = new HashMap<>();
        for (String what : List.of("recipient", "purpose", "basis", "hold", "note", "question", "answer",
                "exclusion", "jurisdiction", "approval", "extension", "rejection", "cancellation", "restriction",
                "lift")) {
            marker.put(what, run + "-" + what);
        }
        String email = Subjects.newEmail();
        String phone = Leads.uniquePhone();
        String lead = Leads.store(email, phone, "WEB_FORM");
        String other = Leads.store(null, phone, "TELEGRAM_BOT");
        String held = Leads.store(email, null, "WEB_FORM");
        asOfficer().body(Map.of("recipient", marker.get("recipient"), "recipientEmail",
                        "privacy-" + UUID.randomUUID() + "@courier.kz", "purpose", marker.get("purpose"),
                        "legalBasis", marker.get("basis"), "disclosedOn", "2026-03-05"))
                .post("/api/v1/leads/{id}/disclosures", lead).then().statusCode(201);
        Leads.get(lead).then().statusCode(200)
                .body("disclosures.recipient", hasItem(marker.get("recipient")))
                .body("disclosures.purpose", hasItem(marker.get("purpose")))
                .body("disclosures.legalBasis", hasItem(marker.get("basis")));
        Leads.hold(held, marker.get("hold"));

        Map<String, Object> body = new HashMap<>(Map.of("type", "DELETION", "email", email, "name", "Aigerim",
                "locale", "en", "deletion", Map.of("scope", "ALL")));
        body.put("phone", phone);
        Subjects.Verified deletion = subjects.fileAndVerify(body, email);
        String id = deletion.id();
        act(id, "assignment", Map.of()).then().statusCode(200);
        act(id, "notes", Map.of("text", marker.get("note"))).then().statusCode(200);
        act(id, "questions", Map.of("text", marker.get("question"))).then().statusCode(200);
        given().contentType(ContentType.JSON).header(RequestResource.ACCESS_TOKEN_HEADER, deletion.accessToken())
                .body(Map.of("text", marker.get("answer"))).post("/api/v1/requests/{id}/messages", id).then()
                .statusCode(202);
        act(id, "phone-confirmation", null).then().statusCode(200);
        act(id, "matches/" + other + "/exclusion", Map.of("reason", marker.get("exclusion"))).then().statusCode(200);
        act(id, "jurisdiction", Map.of("jurisdiction", "EU", "reason", marker.get("jurisdiction"))).then()
                .statusCode(200);
        act(id, "approval", Map.of("note", marker.get("approval"))).then().statusCode(200);
        worker.runDue("no-free-text-test");

        String access = subjects.fileAndVerify(Subjects.access(email), email).id();
        String duplicate = subjects.fileAndVerify(Subjects.access(email), email).id();
        act(access, "extension", Map.of("reason", marker.get("extension"))).then().statusCode(200);
        act(access, "rejection", Map.of("legalBasis", "NO_DATA_HELD", "reason", marker.get("rejection")))
                .then().statusCode(200);
        act(duplicate, "cancellation", Map.of("reason", "DUPLICATE", "note", marker.get("cancellation")))
                .then().statusCode(200);
        String restriction = subjects.fileAndVerify(Map.of("type", "RESTRICTION", "email", email, "name", "A",
                "locale", "en", "restriction", Map.of("reason", marker.get("restriction"))), email).id();
        act(restriction, "approval", Map.of()).then().statusCode(200);
        worker.runDue("no-free-text-test");
        act(restriction, "restriction-lift", Map.of("reason", marker.get("lift"))).then().statusCode(200);

        // The officers' views still show what was typed.
        read(id).then().statusCode(200).body("timeline.text", hasItems(marker.get("note"), marker.get("question"),
                marker.get("answer"), marker.get("approval"), other + ": " + marker.get("exclusion"),
                "KZ -> EU: " + marker.get("jurisdiction")));
        read(access).then().body("timeline.text", hasItems(marker.get("extension"),
                "NO_DATA_HELD: " + marker.get("rejection")));
        read(duplicate).then().body("timeline.text", hasItem("DUPLICATE: " + marker.get("cancellation")));
        read(restriction).then().body("timeline.text", hasItem(marker.get("lift")));
        Leads.get(held).then().statusCode(200).body("flags.legalHoldReason", equalTo(marker.get("hold")));

        // The trail records codes, ids and lengths instead, and the recipient by its keyed hash.
        String ndjson = AuditLog.asAuditor().accept("application/x-ndjson").get("/api/v1/audit/events")
                .then().statusCode(200).extract().asString();
        String csv = AuditLog.asAuditor().accept("text/csv").get("/api/v1/audit/events")
                .then().statusCode(200).extract().asString();
        List<String> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select concat(actor, '|', event_type, '|', request_ref, '|', subject_pseudonym, '|', canonical)"
                        + " from audit_event", String.class).getResultList());
        for (String history : List.of(id, access, duplicate, restriction)) {
            assertThat(asOfficer().get("/api/v1/cases/{id}/history", history).then().statusCode(200).extract()
                    .asString()).doesNotContain(run);
        }
        assertThat(ndjson).as("NDJSON export").doesNotContain(run);
        assertThat(csv).as("CSV export").doesNotContain(run);
        assertThat(rows).as("audit_event rows").isNotEmpty().noneMatch(row -> row.contains(run));

        String recipientHash = leadActions.recipientKey(marker.get("recipient"));
        assertThat(AuditLog.lines("type=DISCLOSURE_RECORDED&from=" + from)).anyMatch(l -> l.contains(lead)
                && l.contains("\"recipientHash\":\"" + recipientHash + "\"")
                && l.contains("\"purposeLength\":" + marker.get("purpose").length())
                && l.contains("\"legalBasisLength\":" + marker.get("basis").length()));
        assertThat(AuditLog.lines("type=RECIPIENT_NOTIFIED&from=" + from))
                .anyMatch(l -> l.contains("\"recipientHash\":\"" + recipientHash + "\""));
        String holdLength = "\"reasonLength\":" + marker.get("hold").length();
        assertThat(AuditLog.lines("type=LEGAL_HOLD_PLACED&from=" + from))
                .anyMatch(l -> l.contains(held) && l.contains(holdLength));
        assertThat(AuditLog.lines("type=LEAD_KEPT_LEGAL_HOLD&from=" + from))
                .anyMatch(l -> l.contains(held) && l.contains(holdLength));
        assertThat(AuditLog.lines("type=LEAD_UNRESTRICTED&from=" + from))
                .anyMatch(l -> l.contains(held) && l.contains("\"reasonLength\":" + marker.get("lift").length()));
        String reference = read(id).path("reference");
        assertThat(AuditLog.lines("type=NOTE&request=" + reference))
                .anyMatch(l -> l.contains("\"textLength\":" + marker.get("note").length()));
        assertThat(AuditLog.lines("type=MATCH_EXCLUDED&request=" + reference))
                .anyMatch(l -> l.contains("\"lead\":\"" + other + "\"")
                        && l.contains("\"reasonLength\":" + marker.get("exclusion").length()));
        assertThat(AuditLog.lines("type=JURISDICTION_CHANGED&request=" + reference))
                .anyMatch(l -> l.contains("\"fromJurisdiction\":\"KZ\"") && l.contains("\"toJurisdiction\":\"EU\""));
        assertThat(AuditLog.lines("type=REJECTED&request=" + read(access).path("reference")))
                .anyMatch(l -> l.contains("\"legalBasis\":\"NO_DATA_HELD\"")
                        && l.contains("\"reasonLength\":" + marker.get("rejection").length()));
        assertThat(AuditLog.lines("type=CANCELLED&request=" + read(duplicate).path("reference")))
                .anyMatch(l -> l.contains("\"reason\":\"DUPLICATE\"")
                        && l.contains("\"noteLength\":" + marker.get("cancellation").length()));
    }
}
