package kz.region715.dsr.breach;

import static io.restassured.RestAssured.given;
import static kz.region715.dsr.breach.Breaches.PATH;
import static kz.region715.dsr.breach.Breaches.act;
import static kz.region715.dsr.breach.Breaches.as;
import static kz.region715.dsr.breach.Breaches.body;
import static kz.region715.dsr.breach.Breaches.etag;
import static kz.region715.dsr.breach.Breaches.read;
import static kz.region715.dsr.breach.Breaches.register;
import static kz.region715.dsr.breach.Breaches.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.region715.dsr.support.AuditLog;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BreachRegisterTest {

    @Inject
    Clock clock;

    @Test
    void registerAssessNotifyAndCloseABreach() {
        Instant detected = clock.instant().minus(Duration.ofHours(2));
        var created = register(body(detected)).then()
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/breaches/[0-9a-f-]{36}"))
                .header("ETag", "\"0\"")
                .body("reference", matchesPattern("BR-\\d{4}-\\d{6}"))
                .body("status", equalTo("DETECTED"))
                .body("registeredBy", equalTo("officer"))
                .body("dataCategories", containsInAnyOrder("NAME", "PHONE"))
                .body("sources", containsInAnyOrder("WEB_FORM"))
                .body("responsible.phone", equalTo("+77172000000"))
                .body("authorityDeadline.policy", equalTo("KZ/BREACH_AUTHORITY_NOTICE"))
                .body("authorityDeadline.basis", equalTo("STATUTORY"))
                .body("authorityDeadline.citation", containsString("44-VIII"))
                .body("authorityDeadline.due", equalTo(true))
                .body("authorityDeadline.overdue", equalTo(false))
                .body("authorityNotice", nullValue())
                .extract();
        String id = created.path("id");
        String reference = created.path("reference");
        assertThat(created.header("Location")).endsWith("/api/v1/breaches/" + id);

        given().auth().preemptive().basic("auditor", "auditor").get(PATH + "/{id}", id).then().statusCode(200)
                .header("ETag", "\"0\"").body("reference", equalTo(reference));

        var noted = act(id, "notes", Map.of("text", "Hosting provider confirmed the logs.")).then().statusCode(200)
                .header("ETag", not(equalTo("\"0\"")))
                .body("notes[0].text", equalTo("Hosting provider confirmed the logs."))
                .body("notes[0].author", equalTo("officer")).extract();
        assertThat(noted.header("ETag")).isEqualTo(noted.path("etag")).isEqualTo(etag(id));
        act(id, "closure", Map.of()).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://dsr.region715.kz/problems/authority-notice-unrecorded"))
                .body("currentStatus", equalTo("DETECTED"))
                .body("dueAt", notNullValue());
        act(id, "assessment", Map.of("assessment", "Names and phones of about 90 leads.", "estimatedCount", 90,
                "measuresPlanned", "Review every export job.")).then().statusCode(200)
                .body("status", equalTo("ASSESSED")).body("estimatedCount", equalTo(90))
                .body("measuresTaken", equalTo("Folder closed; keys rotated."))
                .body("measuresPlanned", equalTo("Review every export job."))
                .body("assessment.by", equalTo("officer"));
        act(id, "assessment", Map.of("assessment", "Again.")).then().statusCode(409)
                .body("type", equalTo("https://dsr.region715.kz/problems/illegal-transition"))
                .body("currentStatus", equalTo("ASSESSED")).body("requestedStatus", equalTo("ASSESSED"));
        act(id, "closure", Map.of("summary", "Too early.")).then().statusCode(409)
                .body("type", equalTo("https://dsr.region715.kz/problems/authority-notice-unrecorded"));
        Instant sent = clock.instant().minusSeconds(60);
        act(id, "authority-notification", Map.of("sentAt", sent.toString(), "channel", "PORTAL",
                "reference", "KZ-PD-2026-00042")).then().statusCode(200)
                .body("status", equalTo("AUTHORITY_NOTIFIED"))
                .body("authorityNotice.channel", equalTo("PORTAL"))
                .body("authorityNotice.reference", equalTo("KZ-PD-2026-00042"))
                .body("authorityNotice.late", equalTo(false))
                .body("authorityDeadline.due", equalTo(false));
        act(id, "not-notifiable", Map.of("legalBasis", "Too late for that.", "reference", "Art. 1")).then()
                .statusCode(409).body("currentStatus", equalTo("AUTHORITY_NOTIFIED"))
                .body("requestedStatus", equalTo("NOT_NOTIFIABLE"));
        act(id, "closure", Map.of("summary", "Measures done.")).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closure.summary", equalTo("Measures done."));

        AuditLog.sequence();
        List<String> types = given().auth().preemptive().basic("auditor", "auditor")
                .get(PATH + "/{id}/history", id).then().statusCode(200).extract().jsonPath().getList("type");
        assertThat(types).containsExactly("BREACH_REGISTERED", "BREACH_NOTE", "BREACH_ASSESSED",
                "BREACH_AUTHORITY_NOTIFIED", "BREACH_CLOSED");
        // The trail keeps codes, counts and lengths: none of the texts, none of the responsible person's contacts.
        List<String> lines = AuditLog.lines("request=" + reference);
        assertThat(lines).hasSize(5);
        assertThat(String.join("\n", lines)).doesNotContain("Hosting provider", "Dana", "dpo@region715.kz",
                "77172000000", "export folder", "KZ-PD-2026-00042", "Measures done", "about 90 leads")
                .contains("\"categories\":\"NAME,PHONE\"", "\"channel\":\"PORTAL\"", "\"noteLength\":36");
    }

    @Test
    void notNotifiableWithItsLegalBasisThenClosed() {
        String id = registered(clock.instant().minusSeconds(600));
        act(id, "not-notifiable", Map.of("legalBasis", "The copy was encrypted; the key was not exposed.",
                "reference", "Law 94-V, Art. 1")).then().statusCode(200)
                .body("status", equalTo("NOT_NOTIFIABLE"))
                .body("notNotifiable.reference", equalTo("Law 94-V, Art. 1"))
                .body("authorityDeadline.due", equalTo(false))
                .body("authorityDeadline.overdue", equalTo(false));
        act(id, "authority-notification", Map.of("sentAt", clock.instant().toString(), "channel", "EMAIL"))
                .then().statusCode(409).body("currentStatus", equalTo("NOT_NOTIFIABLE"));
        act(id, "closure", Map.of()).then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("closure.summary", nullValue());
    }

    /** 8 May 2026 is the Friday before Victory Day, moved from Saturday to Monday 11 May: due Tuesday, 23:59:59 Almaty. */
    @Test
    void aBreachDetectedOnTheFridayBeforeAHolidayMondayIsDueAtTheEndOfTuesday() {
        String id = registered(Instant.parse("2026-05-08T10:00:00Z"));
        read(id).then().statusCode(200)
                .body("authorityDeadline.lastDay", equalTo("2026-05-12"))
                .body("authorityDeadline.dueAt", equalTo("2026-05-12T18:59:59Z"))
                .body("authorityDeadline.jurisdiction", equalTo("KZ"))
                .body("authorityDeadline.overdue", equalTo(true));
        act(id, "authority-notification", Map.of("sentAt", "2026-05-13T04:00:00Z", "channel", "LETTER")).then()
                .statusCode(200).body("authorityNotice.late", equalTo(true))
                .body("authorityNotice.reference", nullValue())
                .body("authorityDeadline.overdue", equalTo(false));
    }

    @Test
    void theRegisterIsListedByDueDateAndFiltered() {
        Instant now = clock.instant();
        String overdue = registered(now.minus(Duration.ofDays(20)));
        String open = registered(now.minusSeconds(30));
        String done = registered(now.minus(Duration.ofDays(21)));
        act(done, "not-notifiable", Map.of("legalBasis", "No data exposed.", "reference", "Art. 1")).then()
                .statusCode(200);

        List<String> overdueIds = as("auditor").queryParam("overdue", "true").queryParam("limit", "200")
                .get(PATH).then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(overdueIds).contains(overdue).doesNotContain(open, done);
        List<String> notOverdue = as("admin").queryParam("overdue", "false").queryParam("status", "DETECTED")
                .queryParam("status", "NOT_NOTIFIABLE").queryParam("limit", "200")
                .get(PATH).then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(notOverdue).contains(open, done).doesNotContain(overdue);

        // Keyset pages cover the register once, in due order.
        List<String> seen = new java.util.ArrayList<>();
        List<String> dues = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = as("officer").queryParam("limit", "2");
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get(PATH).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            dues.addAll(page.getList("items.dueAt"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates().contains(overdue, open, done);
        assertThat(dues).isSortedAccordingTo(java.util.Comparator.comparing(Instant::parse));

        as("officer").queryParam("status", "OPEN").queryParam("overdue", "yes").queryParam("limit", "0")
                .get(PATH).then().statusCode(400).body("errors.field", containsInAnyOrder("status", "overdue", "limit"));
        as("officer").queryParam("cursor", "not-a-cursor").get(PATH).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void theRegisterIsExportedAsCsvAndNdjson() {
        Instant detected = clock.instant().minus(Duration.ofDays(3));
        Map<String, Object> body = body(detected);
        body.put("description", "Line one, with a comma\nand a \"quote\".");
        String reference = register(body).then().statusCode(201).extract().path("reference");
        String from = detected.minusSeconds(1).toString();
        String to = detected.plusSeconds(1).toString();

        String csv = given().auth().preemptive().basic("auditor", "auditor").accept("text/csv")
                .queryParam("from", from).queryParam("to", to).get(PATH + "/export").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.substring(0, csv.indexOf("\r\n"))).isEqualTo(String.join(",", BreachExport.HEADER));
        assertThat(csv).startsWith("reference,status,detectedAt,").contains(reference)
                .contains("\"Line one, with a comma\nand a \"\"quote\"\".\"")
                .contains("Dana Seitkali", "Data protection officer")
                .doesNotContain("dpo@region715.kz", "+77172000000");
        String ndjson = given().auth().preemptive().basic("admin", "admin").accept("application/x-ndjson")
                .queryParam("from", from).queryParam("to", to).queryParam("status", "DETECTED")
                .get(PATH + "/export").then().statusCode(200).contentType(containsString("application/x-ndjson"))
                .extract().asString();
        String line = ndjson.lines().filter(l -> l.contains(reference)).findFirst().orElseThrow();
        assertThat(io.restassured.path.json.JsonPath.from(line).getString("dueAt")).endsWith("Z");
        assertThat(io.restassured.path.json.JsonPath.from(line).getInt("estimatedCount")).isEqualTo(120);
        assertThat(line).doesNotContain("dpo@region715.kz");
        assertThat(given().auth().preemptive().basic("admin", "admin").accept("application/x-ndjson")
                .queryParam("from", from).queryParam("to", to).queryParam("status", "CLOSED")
                .get(PATH + "/export").then().statusCode(200).extract().asString()).doesNotContain(reference);

        given().auth().preemptive().basic("auditor", "auditor").queryParam("from", to).queryParam("to", from)
                .get(PATH + "/export").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().preemptive().basic("officer", "officer").get(PATH + "/export").then().statusCode(403);
        given().auth().preemptive().basic("auditor", "auditor").accept("application/pdf").get(PATH + "/export")
                .then().statusCode(406).contentType("application/problem+json");
    }

    @Test
    void badRegistrationsAreRefusedAndChangeNothing() {
        Instant now = clock.instant();
        int before = registerSize();

        Map<String, Object> future = body(now.plus(Duration.ofMinutes(5)));
        future.put("window", Map.of("from", now.toString(), "to", now.plus(Duration.ofMinutes(3)).toString()));
        register(future).then().statusCode(400).body("type", equalTo("https://dsr.region715.kz/problems/validation"))
                .body("errors.field", hasItem("detectedAt"));

        Map<String, Object> reversed = body(now);
        reversed.put("window", Map.of("from", now.minusSeconds(10).toString(), "to", now.minusSeconds(20).toString()));
        register(reversed).then().statusCode(400).body("errors.field", containsInAnyOrder("window.from"));

        Map<String, Object> unknown = body(now);
        unknown.put("dataCategories", List.of("NAME", "PASSPORT"));
        register(unknown).then().statusCode(400).body("errors[0].field", containsString("dataCategories"))
                .body(not(containsString("PASSPORT")));

        Map<String, Object> none = body(now);
        none.put("dataCategories", List.of());
        none.put("sources", List.of("WEB_FORM", "EMAIL_LIST"));
        register(none).then().statusCode(400);

        Map<String, Object> long_ = body(now);
        long_.put("description", "x".repeat(4001));
        register(long_).then().statusCode(400).body("errors[0].field", equalTo("description"));

        Map<String, Object> control = body(now);
        control.put("measuresTaken", "closed\u0000");
        register(control).then().statusCode(400);

        Map<String, Object> lines = body(now);
        lines.put("responsible", Map.of("name", "Dana\nSeitkali", "position", "DPO", "email", "not-an-address",
                "phone", "12"));
        register(lines).then().statusCode(400).body("errors.field",
                containsInAnyOrder("responsible.name", "responsible.email", "responsible.phone"))
                .body(not(containsString("not-an-address")));

        Map<String, Object> unknownField = new HashMap<>(body(now));
        unknownField.put("severity", "HIGH");
        register(unknownField).then().statusCode(400);

        Map<String, Object> missing = body(now);
        missing.remove("responsible");
        missing.remove("detectedAt");
        register(missing).then().statusCode(400).body("errors.field", containsInAnyOrder("detectedAt",
                "responsible"));

        as("officer").body("{\"detectedAt\": ").post(PATH).then().statusCode(400);
        given().auth().preemptive().basic("officer", "officer").contentType("text/plain").body("x").post(PATH)
                .then().statusCode(415).contentType("application/problem+json");
        given().auth().preemptive().basic("auditor", "auditor").contentType("application/json")
                .body(body(now)).post(PATH).then().statusCode(403);
        given().contentType("application/json").body(body(now)).post(PATH).then().statusCode(401);

        assertThat(registerSize()).isEqualTo(before);
    }

    @Test
    void actionsNeedTheCurrentEtagAndAnExistingBreach() {
        String id = registered(clock.instant().minusSeconds(60));
        as("officer").body(Map.of("text", "No ETag.")).post(PATH + "/{id}/notes", id).then().statusCode(428)
                .contentType("application/problem+json");
        as("officer").header("If-Match", "\"41\"").body(Map.of("text", "Stale."))
                .post(PATH + "/{id}/notes", id).then().statusCode(412)
                .body("currentEtag", equalTo("\"0\"")).body("currentStatus", equalTo("DETECTED"));
        as("officer").header("If-Match", "\"0\"").body(Map.of("text", " \u00A0 "))
                .post(PATH + "/{id}/notes", id).then().statusCode(400).body("errors[0].field", equalTo("text"));
        as("officer").header("If-Match", "\"0\"").body(Map.of("sentAt", clock.instant().plus(Duration.ofHours(1))
                        .toString(), "channel", "PORTAL"))
                .post(PATH + "/{id}/authority-notification", id).then().statusCode(400)
                .body("errors[0].field", equalTo("sentAt"));
        as("officer").header("If-Match", "\"0\"").body(Map.of("sentAt", clock.instant().toString(),
                        "channel", "FAX"))
                .post(PATH + "/{id}/authority-notification", id).then().statusCode(400);
        as("officer").header("If-Match", "\"0\"").body(Map.of("legalBasis", "x", "reference", "line\nbreak"))
                .post(PATH + "/{id}/not-notifiable", id).then().statusCode(400)
                .body("errors[0].field", equalTo("reference"));
        assertThat(etag(id)).isEqualTo("\"0\"");
        read(id).then().body("notes", org.hamcrest.Matchers.empty()).body("status", equalTo("DETECTED"));

        String unknown = UUID.randomUUID().toString();
        as("officer").get(PATH + "/{id}", unknown).then().statusCode(404).contentType("application/problem+json");
        as("auditor").get(PATH + "/{id}/history", unknown).then().statusCode(404);
        as("officer").header("If-Match", "\"0\"").body(Map.of("text", "x")).post(PATH + "/{id}/notes", unknown)
                .then().statusCode(404);
        as("officer").get(PATH + "/not-a-uuid").then().statusCode(404);
        as("auditor").header("If-Match", "\"0\"").body(Map.of("text", "x")).post(PATH + "/{id}/notes", id)
                .then().statusCode(403);
    }

    private static int registerSize() {
        return as("auditor").accept("application/x-ndjson").get(PATH + "/export").then().statusCode(200)
                .extract().asString().lines().toList().size();
    }
}
