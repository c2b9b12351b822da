package kz.region715.dsr.platform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kz.region715.dsr.support.AuditLog;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

/**
 * The sequenced audit log: writers append pending events, the sequencer links them into the chain in insertion
 * order and signs a tree head per batch; nothing is lost or doubled, however the commits and sequencers interleave.
 * The test profile schedules no sequencer, so each test sequences where it says so.
 */
@QuarkusTest
class AuditSequencerTest {

    /**
     * Three types in a row: types no other test looks for without a reference or time range; this test's events
     * have references of their own.
     */
    private static final List<AuditEventType> SEQUENCE = List.of(AuditEventType.PACKAGES_PURGED,
            AuditEventType.RETENTION_RUN, AuditEventType.LEAD_ALREADY_RESTRICTED);

    @Inject
    AuditTrail audit;
    @Inject
    AuditSequencer sequencer;
    @Inject
    @Readiness
    AuditSequencingCheck check;
    @Inject
    TreeHeadSigner signer;
    @Inject
    EntityManager em;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    MeterRegistry metrics;

    private static String reference() {
        return "DSR-SEQ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }

    private long count(String sql, String reference) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, reference).getSingleResult()).longValue());
    }

    private List<Object[]> chained(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select seq, event_type, prev_hash,"
                + " hash from audit_event where request_ref = ?1 order by seq", Object[].class)
                .setParameter(1, reference).getResultList());
    }

    private static JsonPath treeHead() {
        return given().auth().preemptive().basic("auditor", "auditor").get("/api/v1/audit/tree-head").then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void eventsWaitUntilSequencedThenFormOneLinkedRunWithASignedTreeHead() {
        AuditLog.sequence();
        String reference = reference();
        QuarkusTransaction.requiringNew().run(() -> {
            for (AuditEventType type : SEQUENCE) {
                audit.record(type, "system:test", reference, null, Map.of("n", 1));
            }
        });
        assertThat(count("select count(*) from audit_pending where request_ref = ?1", reference)).isEqualTo(3);
        assertThat(count("select count(*) from audit_event where request_ref = ?1", reference)).isZero();
        var export = given().auth().preemptive().basic("auditor", "auditor").accept("application/x-ndjson")
                .get("/api/v1/audit/events?request=" + reference).then().statusCode(200).extract();
        assertThat(export.asString()).as("an export covers the sequenced chain only").isEmpty();
        assertThat(Long.parseLong(export.header("Audit-Pending-Events"))).isGreaterThanOrEqualTo(3);
        HealthCheckResponse waiting = check.call();
        assertThat(((Number) waiting.getData().orElseThrow().get("pending")).longValue()).isGreaterThanOrEqualTo(3);
        assertThat(metrics.find("dsr.audit.pending.events").gauge().value()).isGreaterThanOrEqualTo(3);

        assertThat(sequencer.sequencePending()).isGreaterThanOrEqualTo(3);

        assertThat(count("select count(*) from audit_pending where request_ref = ?1", reference)).isZero();
        List<Object[]> rows = chained(reference);
        assertThat(rows).extracting(row -> (String) row[1])
                .containsExactly(SEQUENCE.stream().map(Enum::name).toArray(String[]::new));
        for (int i = 1; i < rows.size(); i++) {
            assertThat(((Number) rows.get(i)[0]).longValue()).isEqualTo(((Number) rows.get(i - 1)[0]).longValue() + 1);
            assertThat(rows.get(i)[2]).as("linked to the event before").isEqualTo(rows.get(i - 1)[3]);
        }
        JsonPath head = treeHead();
        long last = ((Number) rows.getLast()[0]).longValue();
        assertThat(head.getLong("treeHead.treeSize")).isEqualTo(last);
        assertThat(head.getString("treeHead.rootHash")).isEqualTo(rows.getLast()[3]);
        assertThat(head.getLong("pendingEvents")).isZero();
        assertThat(TreeHeadSigner.verify(head.getString("publicKey"), last, head.getString("treeHead.rootHash"),
                Instant.parse(head.getString("treeHead.signedAt")), head.getString("treeHead.signature"))).isTrue();
        assertThat(head.getString("keyId")).isEqualTo(signer.keyId());
        assertThat(((Number) check.call().getData().orElseThrow().get("pending")).longValue()).isZero();
    }

    @Test
    void aTransactionThatCommitsLateIsSequencedInTheNextRoundAndNothingIsLost() throws Exception {
        AuditLog.sequence();
        String late = reference();
        String early = reference();
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            try (PreparedStatement insert = writer.prepareStatement("insert into audit_pending (recorded_at, actor,"
                    + " event_type, request_ref, subject_pseudonym, details) values (?, 'system:test', 'SEQ_LATE', ?,"
                    + " null, '{}')")) {
                insert.setTimestamp(1, Timestamp.from(Instant.now()));
                insert.setString(2, late);
                insert.executeUpdate(); // its insertion id comes first, its commit last
            }
            QuarkusTransaction.requiringNew().run(() -> audit.record(SEQUENCE.getFirst(), "system:test", early, null,
                    Map.of()));
            sequencer.sequencePending();
            assertThat(chained(early)).hasSize(1);
            assertThat(chained(late)).as("not committed yet: not in the chain").isEmpty();
            writer.commit();
        }
        sequencer.sequencePending();
        assertThat(chained(late)).hasSize(1);
        assertThat(((Number) chained(late).getFirst()[0]).longValue())
                .isGreaterThan(((Number) chained(early).getFirst()[0]).longValue());
        given().auth().preemptive().basic("auditor", "auditor").get("/api/v1/audit/verification").then()
                .statusCode(200).body("status", org.hamcrest.Matchers.equalTo("OK"))
                .body("pending", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void twoSequencersAtOnceNeitherDoubleNorSkipAnEvent() throws Exception {
        AuditLog.sequence();
        String reference = reference();
        int events = 3_000;
        for (int batch = 0; batch < events / 500; batch++) {
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < 500; i++) {
                    audit.record(SEQUENCE.getFirst(), "system:test", reference, null, Map.of("i", i));
                }
            });
        }
        CompletableFuture<Long> one = CompletableFuture.supplyAsync(sequencer::sequencePending);
        CompletableFuture<Long> two = CompletableFuture.supplyAsync(sequencer::sequencePending);
        long sequenced = one.get(2, TimeUnit.MINUTES) + two.get(2, TimeUnit.MINUTES);
        assertThat(sequenced).as("every pending event sequenced once by one or the other").isEqualTo(events);
        assertThat(count("select count(*) from audit_event where request_ref = ?1", reference)).isEqualTo(events);
        assertThat(count("select count(distinct seq) from audit_event where request_ref = ?1", reference))
                .isEqualTo(events);
        assertThat(count("select count(*) from audit_pending where request_ref = ?1", reference)).isZero();
        given().auth().preemptive().basic("auditor", "auditor").get("/api/v1/audit/verification").then()
                .statusCode(200).body("status", org.hamcrest.Matchers.equalTo("OK"));
    }
}
