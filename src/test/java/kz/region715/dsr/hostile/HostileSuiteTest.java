package kz.region715.dsr.hostile;

import kz.region715.dsr.support.AuditLog;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import kz.region715.dsr.support.Cases;
import kz.region715.dsr.support.Leads;
import kz.region715.dsr.support.LogCapture;
import kz.region715.dsr.support.Subjects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generated hostile suite: thousands of requests built from the service's own OpenAPI document, for every
 * operation and every role, plus a fixed corpus of hand-made cases. Every answer must be a clean refusal or a
 * success: no 5xx, every 4xx a problem+json whose {@code instance} does not echo the input, no hang; no refused
 * request may change a database row; no error body and no log line may carry personal data.
 *
 * <p>Random choices come from one seed, printed at the start; rerun a failure with {@code -Dhostile.seed=...}.
 */
@QuarkusTest
class HostileSuiteTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static long seed;
    private static Random random;
    private static Seeds seeds;
    private static OpenApiRequests api;

    @Inject
    Subjects subjects;
    @Inject
    AgroalDataSource dataSource;

    private final LogCapture log = new LogCapture();

    @BeforeEach
    void listen() {
        log.start();
        seedOnce();
    }

    @AfterEach
    void stop() {
        log.stop();
    }

    @Test
    void generatedRequestsFromTheOpenApiDocument() {
        long started = System.nanoTime();
        List<HttpCall> calls = api.generate();
        Failures failures = new Failures();
        Campaign campaign = campaign(failures);
        long firstSeq = maxAuditSeq();
        campaign.run(calls, false);
        afterRun(failures, firstSeq);
        System.out.printf("Hostile suite (seed %d, %s): %d log lines checked; %s in %d s%n", seed,
                System.getProperty("test.db.kind", "h2"), log.lines().size(), campaign.counts(),
                (System.nanoTime() - started) / 1_000_000_000L);
        assertThat(campaign.sent).as("generated requests").isGreaterThanOrEqualTo(2000);
        assertThat(failures.isEmpty()).as("hostile suite (seed " + seed + ", rerun with -Dhostile.seed=" + seed
                + ")\n" + failures.report(50)).isTrue();
    }

    @Test
    void fixedCorpusOfHandMadeCases() {
        List<HttpCall> calls = new Corpus(api, seeds).build();
        Failures failures = new Failures();
        Campaign campaign = campaign(failures);
        long firstSeq = maxAuditSeq();
        String statusBefore = Cases.read(seeds.corpusCaseId).then().statusCode(200).extract().path("status");
        campaign.run(calls, true);
        String statusAfter = Cases.read(seeds.corpusCaseId).then().statusCode(200).extract().path("status");
        if (!statusBefore.equals(statusAfter)) {
            failures.add("hostile corpus changed the case's status " + statusBefore + " -> " + statusAfter,
                    "POST /api/v1/cases/{id}/*", 0, "the corpus's case actions");
        }
        afterRun(failures, firstSeq);
        metricsLabels(failures);
        System.out.printf("Hostile corpus (%s): %d log lines checked; %s", System.getProperty("test.db.kind", "h2"),
                log.lines().size(), campaign.counts());
        assertThat(failures.isEmpty()).as("hostile corpus (seed " + seed + ")\n" + failures.report(50)).isTrue();
    }

    /** Every {@code uri} label is a template of the document, a page, {@code root} or UNKNOWN, never an id. */
    private void metricsLabels(Failures failures) {
        String metrics = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        List<String> ids = new ArrayList<>(List.of(Corpus.LETTER_ID));
        ids.addAll(seeds.caseIds);
        ids.addAll(seeds.leadIds);
        ids.addAll(seeds.breachIds);
        ids.addAll(seeds.outboxIds);
        ids.add(seeds.pendingRequestId);
        Set<String> templates = api.templates();
        java.util.regex.Matcher uri = java.util.regex.Pattern.compile("uri=\"([^\"]*)\"").matcher(metrics);
        while (uri.find()) {
            String label = uri.group(1);
            boolean template = templates.contains(label) || Set.of("UNKNOWN", "root", "/verify", "/status")
                    .contains(label);
            if (!template || ids.stream().anyMatch(label::contains)) {
                failures.add("metrics label is not a route template", "GET /q/metrics", 200,
                        "uri=\"" + HttpCall.printable(label, 120) + "\"");
            }
        }
        for (String template : List.of("/api/v1/leads/{id}", "/api/v1/requests/{id}/messages")) {
            if (!metrics.contains("uri=\"" + template + "\"")) {
                failures.add("metrics label missing: the refusals of the corpus are not under their template",
                        "GET /q/metrics", 200, template);
            }
        }
    }

    private Campaign campaign(Failures failures) {
        List<String> secrets = seeds.secrets();
        return new Campaign(new Wire(RestAssured.port), new DatabaseFingerprint(dataSource), api.templates(),
                secrets, failures);
    }

    /** No log line during the run, and no access-refusal audit event, may carry the personal values. */
    private void afterRun(Failures failures, long firstSeq) {
        for (LogCapture.Line line : log.lines()) {
            for (String secret : seeds.secrets()) {
                if (line.text().contains(secret)) {
                    failures.add("log line contains personal data", "log " + line.logger(), 0,
                            HttpCall.printable(line.text().replace(secret, "<" + secret.length() + " chars>"), 200));
                    break;
                }
            }
        }
        AuditLog.sequence();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select canonical from audit_event where event_type = 'ACCESS_REFUSED'"
                        + " and seq > " + firstSeq)) {
            while (rs.next()) {
                String canonical = rs.getString(1);
                for (String bad : concat(seeds.secrets(), List.of("not-a-uuid", "passwd", "aaaaaaaaaa"))) {
                    if (canonical.contains(bad)) {
                        failures.add("ACCESS_REFUSED audit event carries the raw input", "audit_event", 0,
                                HttpCall.printable(canonical, 200));
                        break;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private long maxAuditSeq() {
        AuditLog.sequence();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select coalesce(max(seq), 0) from audit_event")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Seeds, through the normal API, the objects the requests point at and the personal values searched for. */
    private void seedOnce() {
        if (seeds != null) {
            return;
        }
        seed = Long.getLong("hostile.seed", System.nanoTime());
        System.out.println("Hostile suite seed: " + seed + " (rerun with -Dhostile.seed=" + seed + ")");
        random = new Random(seed);
        Seeds s = new Seeds(random);

        Map<String, Object> correction = new HashMap<>(Map.of("type", "CORRECTION", "email", s.email, "name", s.name,
                "phone", s.phone, "locale", "en", "correction", Map.of("changes",
                        List.of(Map.of("field", "MESSAGE", "newValue", s.message)), "explanation", "because")));
        Subjects.Verified main = subjects.fileAndVerify(correction, s.email);
        s.caseIds.add(main.id());
        s.verifiedRequestId = main.id();
        s.accessToken = main.accessToken();
        Cases.act(main.id(), "questions", Map.of("text", "Which number is yours?")).then().statusCode(200);
        String other = Subjects.newEmail();
        s.caseIds.add(subjects.fileAndVerify(Subjects.access(other), other).id());
        String restricted = Subjects.newEmail();
        s.caseIds.add(subjects.fileAndVerify(Map.of("type", "RESTRICTION", "email", restricted, "name", "Restricted One",
                "locale", "en", "restriction", Map.of("reason", "I dispute the accuracy")), restricted).id());
        String corpus = Subjects.newEmail();
        s.corpusCaseId = subjects.fileAndVerify(Subjects.access(corpus), corpus).id();
        String pending = Subjects.newEmail();
        Subjects.fileOk(Subjects.access(pending));
        Subjects.Secrets secrets = subjects.verificationSecrets(pending);
        s.pendingRequestId = secrets.requestId();
        s.pendingCode = secrets.code();

        Map<String, Object> lead = new HashMap<>(Map.of("source", "WEB_FORM", "name", s.name, "email", s.email,
                "phone", s.phone, "message", s.message, "ipAddress", "95.56.12.34",
                "consent", Map.of("at", "2026-03-01T10:00:00Z", "policyVersion", "2025-01",
                        "purposes", List.of("FEEDBACK"))));
        s.leadIds.add(io.restassured.RestAssured.given().auth().preemptive().basic("ingest", "ingest")
                .contentType(ContentType.JSON).body(lead).post("/api/v1/leads").then().statusCode(201).extract()
                .path("id"));
        s.leadIds.add(Leads.store(Subjects.newEmail(), Leads.uniquePhone(), "TELEGRAM_BOT"));

        for (int i = 0; i < 2; i++) {
            Map<String, Object> breach = new HashMap<>(Map.of("detectedAt", "2026-05-08T10:00:00Z",
                    "discovery", Map.of("method", "MONITORING"), "description", "Hostile suite seed breach",
                    "dataCategories", List.of("NAME", "EMAIL"), "sources", List.of("WEB_FORM"),
                    "responsible", Map.of("name", "Seed Officer", "position", "DPO", "email", "dpo@region715.kz")));
            s.breachIds.add(io.restassured.RestAssured.given().auth().preemptive().basic("officer", "officer")
                    .contentType(ContentType.JSON).body(breach).post("/api/v1/breaches").then().statusCode(201)
                    .extract().path("id"));
        }

        String outbox = io.restassured.RestAssured.given().auth().preemptive().basic("admin", "admin")
                .get("/api/v1/admin/outbox").then().statusCode(200).extract().asString();
        try {
            for (JsonNode entry : JSON.readTree(outbox)) {
                if (s.outboxIds.size() < 3) {
                    s.outboxIds.add(entry.path("id").asText());
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(s.outboxIds).as("outbox entries to point at").isNotEmpty();

        String document = io.restassured.RestAssured.given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        try {
            api = new OpenApiRequests(JSON.readTree(document), s, random);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(api.operations).as("operations in the OpenAPI document").hasSizeGreaterThan(30);
        seeds = s;
    }

    static Set<String> roles() {
        return Set.copyOf(OpenApiRequests.ROLES);
    }
}
