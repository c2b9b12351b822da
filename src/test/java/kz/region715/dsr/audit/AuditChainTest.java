package kz.region715.dsr.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.time.Instant;
import kz.region715.dsr.platform.audit.AuditEventType;
import kz.region715.dsr.platform.audit.AuditTrail;
import kz.region715.dsr.platform.audit.TreeHeadSigner;
import kz.region715.dsr.support.AuditLog;
import kz.region715.dsr.support.Leads;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Tamper evidence: the service's verification and the offline program find a
 * changed, a deleted and a reordered event; PostgreSQL refuses changes to the
 * trail; concurrent writers leave one unbroken chain.
 */
@QuarkusTest
class AuditChainTest {

    @Inject
    EntityManager em;
    @Inject
    AuditTrail audit;
    @Inject
    TreeHeadSigner signer;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    private boolean postgres() {
        return dbKind.startsWith("postgres");
    }

    private static Response verification() {
        return AuditLog.asAuditor().get("/api/v1/audit/verification");
    }

    private void someEvents(int count) {
        for (int i = 0; i < count; i++) {
            Leads.store("chain-" + UUID.randomUUID() + "@example.kz", null, "WEB_FORM");
        }
    }

    /** Changes the trail behind the service's back (the PostgreSQL guard switched off meanwhile), then undoes it. */
    private void tampered(Consumer<EntityManager> change, Consumer<EntityManager> undo, Runnable check) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (postgres()) {
                em.createNativeQuery("alter table audit_event disable trigger user").executeUpdate();
            }
            change.accept(em);
        });
        try {
            check.run();
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                undo.accept(em);
                if (postgres()) {
                    em.createNativeQuery("alter table audit_event enable trigger user").executeUpdate();
                }
            });
        }
        verification().then().body("status", equalTo("OK"));
    }

    private long lastSeq() {
        AuditLog.sequence();
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select max(seq) from audit_event").getSingleResult()).longValue());
    }

    /** A type no other test looks for without a reference or time range; the probes have references of their own. */
    private static final AuditEventType PROBE = AuditEventType.PACKAGES_PURGED;

    @Test
    void anEventCommitsOrRollsBackWithItsTransaction() {
        String undone = "DSR-PROBE-" + System.nanoTime();
        String kept = "DSR-PROBE-" + (System.nanoTime() + 1);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            audit.record(PROBE, "system:test", undone, null, Map.of());
            throw new IllegalStateException("the change fails after its event was recorded");
        })).isInstanceOf(IllegalStateException.class);
        QuarkusTransaction.requiringNew().run(() -> audit.record(PROBE, "system:test", kept, null, Map.of()));
        assertThat(AuditLog.lines("type=" + PROBE)).anyMatch(l -> l.contains(kept)).noneMatch(l -> l.contains(undone));
        verification().then().body("status", equalTo("OK"));
    }

    @Test
    void aChangedEventIsFound() {
        someEvents(3);
        long seq = lastSeq() - 1;
        String original = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select canonical from audit_event where seq = ?1").setParameter(1, seq).getSingleResult());
        String forged = original.replace("\"source\":\"WEB_FORM\"", "\"source\":\"TELEGRAM_BOT\"");
        assertThat(forged).isNotEqualTo(original);
        tampered(db -> db.createNativeQuery("update audit_event set canonical = ?1 where seq = ?2")
                        .setParameter(1, forged).setParameter(2, seq).executeUpdate(),
                db -> db.createNativeQuery("update audit_event set canonical = ?1 where seq = ?2")
                        .setParameter(1, original).setParameter(2, seq).executeUpdate(),
                () -> verification().then().statusCode(200).body("status", equalTo("BROKEN"))
                        .body("firstBreak.seq", equalTo((int) seq))
                        .body("firstBreak.problem", equalTo("hash does not match the event's content")));
    }

    @Test
    void aDeletedEventIsFound() {
        someEvents(3);
        long seq = lastSeq() - 1;
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select seq, occurred_at, actor, event_type, request_ref, subject_pseudonym, canonical, prev_hash,"
                        + " hash from audit_event where seq = ?1").setParameter(1, seq).getSingleResult());
        tampered(db -> db.createNativeQuery("delete from audit_event where seq = ?1").setParameter(1, seq)
                        .executeUpdate(),
                db -> {
                    var insert = db.createNativeQuery("insert into audit_event (seq, occurred_at, actor, event_type,"
                            + " request_ref, subject_pseudonym, canonical, prev_hash, hash)"
                            + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
                    for (int i = 0; i < row.length; i++) {
                        insert.setParameter(i + 1, row[i]);
                    }
                    insert.executeUpdate();
                },
                () -> verification().then().body("status", equalTo("BROKEN"))
                        .body("firstBreak.seq", equalTo((int) seq))
                        .body("firstBreak.problem", equalTo("event missing")));
    }

    @Test
    void reorderedEventsAreFound() {
        someEvents(3);
        long seq = lastSeq() - 2;
        tampered(db -> {
                    db.createNativeQuery("update audit_event set seq = -1 where seq = ?1").setParameter(1, seq)
                            .executeUpdate();
                    db.createNativeQuery("update audit_event set seq = ?1 where seq = ?2").setParameter(1, seq)
                            .setParameter(2, seq + 1).executeUpdate();
                    db.createNativeQuery("update audit_event set seq = ?1 where seq = -1").setParameter(1, seq + 1)
                            .executeUpdate();
                },
                db -> {
                    db.createNativeQuery("update audit_event set seq = -1 where seq = ?1").setParameter(1, seq)
                            .executeUpdate();
                    db.createNativeQuery("update audit_event set seq = ?1 where seq = ?2").setParameter(1, seq)
                            .setParameter(2, seq + 1).executeUpdate();
                    db.createNativeQuery("update audit_event set seq = ?1 where seq = -1").setParameter(1, seq + 1)
                            .executeUpdate();
                },
                () -> verification().then().body("status", equalTo("BROKEN"))
                        .body("firstBreak.seq", equalTo((int) seq)));
    }

    @Test
    void postgresRefusesToChangeTheTrail() {
        if (!postgres()) {
            return; // H2 has no such guard; the PostgreSQL run of this suite checks it
        }
        someEvents(1);
        long seq = lastSeq();
        for (String sql : List.of("update audit_event set actor = 'someone-else' where seq = " + seq,
                "delete from audit_event where seq = " + seq, "truncate audit_event")) {
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(
                    () -> em.createNativeQuery(sql).executeUpdate()))
                    .as(sql).hasStackTraceContaining("append-only");
        }
        verification().then().body("status", equalTo("OK"));
    }

    @Test
    void concurrentWritersLeaveOneUnbrokenChain() throws Exception {
        long before = lastSeq();
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            writers.add(CompletableFuture.runAsync(() -> IntStream.range(0, 25).forEach(i ->
                    Leads.store(Map.of("source", "TELEGRAM_BOT", "telegramUserId", String.valueOf(1000 + i))))));
        }
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(3, TimeUnit.MINUTES);
        assertThat(lastSeq() - before).isGreaterThanOrEqualTo(200);
        verification().then().body("status", equalTo("OK")).body("lastSeq", equalTo((int) lastSeq()));
    }

    @Test
    void theOfflineProgramChecksAnExportAndFindsTampering() throws Exception {
        someEvents(3);
        String export = AuditLog.asAuditor().accept("application/x-ndjson").get("/api/v1/audit/events").then()
                .statusCode(200).extract().asString();
        List<String> lines = List.of(export.split("\n"));
        Path dir = Files.createDirectories(Path.of("target", "audit-offline"));
        assertThat(AuditLog.verifyOffline(write(dir, "intact.ndjson", lines))).startsWith("OK: " + lines.size() + " events");

        List<String> changed = new ArrayList<>(lines);
        changed.set(1, changed.get(1).replace("\"actor\":\"", "\"actor\":\"x"));
        assertThat(AuditLog.verifyOffline(write(dir, "changed.ndjson", changed))).startsWith("BROKEN at line 2");
        List<String> deleted = new ArrayList<>(lines);
        deleted.remove(2);
        assertThat(AuditLog.verifyOffline(write(dir, "deleted.ndjson", deleted))).startsWith("BROKEN at line 3");
        List<String> reordered = new ArrayList<>(lines);
        reordered.set(1, lines.get(2));
        reordered.set(2, lines.get(1));
        assertThat(AuditLog.verifyOffline(write(dir, "reordered.ndjson", reordered))).startsWith("BROKEN at line 2");
    }

    @Test
    void theOfflineProgramChecksTheSignedTreeHeadAgainstThePinnedKey() throws Exception {
        someEvents(3);
        String head = AuditLog.asAuditor().get("/api/v1/audit/tree-head").then().statusCode(200).extract()
                .asString();
        String key = io.restassured.path.json.JsonPath.from(head).getString("publicKey");
        long size = io.restassured.path.json.JsonPath.from(head).getLong("treeHead.treeSize");
        someEvents(2); // the chain grows after the head was fetched: the export still holds the head's event
        List<String> lines = List.of(AuditLog.asAuditor().accept("application/x-ndjson")
                .get("/api/v1/audit/events").then().statusCode(200).extract().asString().split("\n"));
        Path dir = Files.createDirectories(Path.of("target", "audit-offline"));
        Path export = write(dir, "signed.ndjson", lines);
        Path headFile = Files.writeString(dir.resolve("head.json"), head);
        assertThat(AuditLog.verifyOffline(export, "--tree-head", headFile.toString(), "--public-key", key))
                .contains("OK: " + lines.size() + " events").contains("Signed tree head OK: size " + size)
                .doesNotContain("Note: the public key");

        String otherKey = java.util.Base64.getEncoder().encodeToString(java.security.KeyPairGenerator
                .getInstance("Ed25519").generateKeyPair().getPublic().getEncoded());
        assertThat(AuditLog.verifyOffline(export, "--tree-head", headFile.toString(), "--public-key", otherKey))
                .startsWith("BROKEN: the tree head's signature does not verify");
        Path forged = Files.writeString(dir.resolve("forged-head.json"),
                head.replaceFirst("\"treeSize\":\\d+", "\"treeSize\":" + (size - 1)));
        assertThat(AuditLog.verifyOffline(export, "--tree-head", forged.toString(), "--public-key", key))
                .startsWith("BROKEN: the tree head's signature does not verify");
        List<String> rewritten = lines.stream().filter(l -> !l.contains("\"seq\":" + size + ",")).toList();
        assertThat(AuditLog.verifyOffline(write(dir, "cut.ndjson", rewritten.subList(0, (int) size - 1)),
                "--tree-head", headFile.toString(), "--public-key", key))
                .startsWith("BROKEN: the export (seq 1 to " + (size - 1) + ") does not hold event " + size);
    }

    @Test
    void aChainThatDiffersFromItsSignedTreeHeadIsBroken() {
        someEvents(2);
        AuditLog.sequence();
        long seq = lastSeq();
        String hash = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select hash from audit_event where seq = ?1").setParameter(1, seq).getSingleResult());
        verification().then().body("status", equalTo("OK")).body("treeHead.treeSize", equalTo((int) seq))
                .body("treeHead.rootHash", equalTo(hash));
        // A head the service did not sign, and one it signed over another chain's hash: both found.
        for (String[] forged : List.of(new String[] {hash, "AAAA"},
                new String[] {"f".repeat(64), null})) {
            QuarkusTransaction.requiringNew().run(() -> {
                if (postgres()) {
                    em.createNativeQuery("alter table audit_tree_head disable trigger user").executeUpdate();
                }
                Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
                em.createNativeQuery("delete from audit_tree_head where tree_size = ?1").setParameter(1, seq)
                        .executeUpdate();
                em.createNativeQuery("insert into audit_tree_head (tree_size, root_hash, signed_at, key_id, signature)"
                                + " values (?1, ?2, ?3, ?4, ?5)")
                        .setParameter(1, seq).setParameter(2, forged[0]).setParameter(3, at)
                        .setParameter(4, signer.keyId())
                        .setParameter(5, forged[1] != null ? forged[1] : signer.sign(seq, forged[0], at))
                        .executeUpdate();
            });
            try {
                String problem = forged[1] != null ? "the signed tree head's signature does not verify"
                        : "the chain differs from its signed tree head";
                given().auth().preemptive().basic("auditor", "auditor").get("/api/v1/audit/verification").then()
                        .body("status", equalTo("BROKEN")).body("firstBreak.seq", equalTo((int) seq))
                        .body("firstBreak.problem", equalTo(problem));
            } finally {
                QuarkusTransaction.requiringNew().run(() -> {
                    Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
                    em.createNativeQuery("delete from audit_tree_head where tree_size = ?1").setParameter(1, seq)
                            .executeUpdate();
                    em.createNativeQuery("insert into audit_tree_head (tree_size, root_hash, signed_at, key_id,"
                                    + " signature) values (?1, ?2, ?3, ?4, ?5)")
                            .setParameter(1, seq).setParameter(2, hash).setParameter(3, at)
                            .setParameter(4, signer.keyId()).setParameter(5, signer.sign(seq, hash, at))
                            .executeUpdate();
                    if (postgres()) {
                        em.createNativeQuery("alter table audit_tree_head enable trigger user").executeUpdate();
                    }
                });
            }
        }
        verification().then().body("status", equalTo("OK"));
    }

    private static Path write(Path dir, String name, List<String> lines) throws IOException {
        return Files.write(dir.resolve(name), (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

}
