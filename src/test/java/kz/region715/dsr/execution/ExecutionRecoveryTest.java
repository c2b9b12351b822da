package kz.region715.dsr.execution;

import static kz.region715.dsr.support.Cases.act;
import static kz.region715.dsr.support.Cases.asOfficer;
import static kz.region715.dsr.support.Cases.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kz.region715.dsr.lead.Lead;
import kz.region715.dsr.platform.jobs.JobRounds;
import kz.region715.dsr.support.AuditLog;
import kz.region715.dsr.support.Leads;
import kz.region715.dsr.support.Subjects;
import kz.region715.dsr.support.TestClock;
import org.junit.jupiter.api.Test;

/**
 * A worker that dies between batches, and tries that fail: nothing is done
 * twice, nothing is missed, and a failure is never silent.
 */
@QuarkusTest
class ExecutionRecoveryTest {

    @Inject
    Subjects subjects;
    @Inject
    ExecutionWorker worker;
    @Inject
    TestClock clock;
    @Inject
    EntityManager em;
    @Inject
    ExecutionConfig config;
    @Inject
    JobRounds rounds;

    private record Subject(String email, String caseId, List<String> leads) {
    }

    /** A subject with {@code count} leads (more than one batch) and an approved deletion. */
    private Subject approvedDeletion(int count) {
        String email = Subjects.newEmail();
        List<String> leads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leads.add(Leads.store(email, null, i % 2 == 0 ? "WEB_FORM" : "TELEGRAM_BOT"));
        }
        Subjects.Verified c = subjects.fileAndVerify(Map.of("type", "DELETION", "email", email, "name", "Aigerim",
                "locale", "en", "deletion", Map.of("scope", "ALL")), email);
        act(c.id(), "approval", Map.of()).then().statusCode(200);
        return new Subject(email, c.id(), leads);
    }

    private UUID executionOf(String caseId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select e.id from Execution e where e.requestId = :id", UUID.class)
                .setParameter("id", UUID.fromString(caseId)).getSingleResult());
    }

    private long erased(Subject subject) {
        return subject.leads().stream()
                .filter(id -> Leads.get(id).path("flags.anonymisedAt") != null).count();
    }

    @Test
    void aWorkerInterruptedBetweenBatchesIsResumedByAnotherWithTheSameEndState() {
        assertThat(config.batchSize()).as("test batch size").isLessThan(7);
        Subject interrupted = approvedDeletion(7);
        Subject uninterrupted = approvedDeletion(7);
        UUID execution = executionOf(interrupted.caseId());

        List<UUID> claimed = worker.claim("dying-worker");
        assertThat(claimed).contains(execution);
        assertThat(worker.run(execution, "dying-worker", 1)).isEqualTo(ExecutionWorker.RunResult.INTERRUPTED);
        for (UUID other : claimed) {
            if (!other.equals(execution)) {
                worker.run(other, "dying-worker", Integer.MAX_VALUE);
            }
        }
        assertThat(erased(interrupted)).isEqualTo(config.batchSize());
        read(interrupted.caseId()).then().body("status", equalTo("EXECUTING"));

        worker.runDue("rescuer"); // the dead worker's lease is still running: its execution waits
        assertThat(erased(interrupted)).isEqualTo(config.batchSize());
        read(uninterrupted.caseId()).then().body("status", equalTo("COMPLETED"));

        clock.advance(config.lease().plusSeconds(1));
        worker.runDue("rescuer");

        for (Subject subject : List.of(interrupted, uninterrupted)) {
            read(subject.caseId()).then().body("status", equalTo("COMPLETED"))
                    .body("timeline.findAll { it.kind == 'EXECUTED' }.size()", equalTo(1))
                    .body("timeline.findAll { it.toStatus == 'EXECUTING' }.size()", equalTo(1));
            assertThat(erased(subject)).isEqualTo(7);
            asOfficer().get("/api/v1/cases/{id}/execution", subject.caseId()).then()
                    .body("summary.leadsHandled", equalTo(7))
                    .body("summary.outcomes.ANONYMISED", equalTo(7));
            assertThat(subjects.mailTo(subject.email()).stream()
                    .filter(m -> m.getSubject().contains("is done")).count()).isEqualTo(1);
        }
        asOfficer().get("/api/v1/cases/{id}/execution", interrupted.caseId()).then().body("attempts", equalTo(2));
        asOfficer().get("/api/v1/cases/{id}/execution", uninterrupted.caseId()).then().body("attempts", equalTo(1));
    }

    @Test
    void atShutdownTheWorkerEndsItsBatchRecordsTheInterruptedTryAndReleasesTheExecutionAtOnce() {
        Subject subject = approvedDeletion(7);
        UUID execution = executionOf(subject.caseId());
        List<UUID> claimed = worker.claim("stopping-worker");
        assertThat(claimed).contains(execution);
        worker.run(execution, "stopping-worker", 1); // the batch under way when shutdown begins
        try {
            rounds.stop();
            for (UUID id : claimed) {
                assertThat(worker.run(id, "stopping-worker", Integer.MAX_VALUE))
                        .isEqualTo(ExecutionWorker.RunResult.INTERRUPTED);
            }
            assertThat(erased(subject)).isEqualTo(config.batchSize());
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                            "select status, lease_owner, lease_until, attempts, last_error from execution where id = ?1")
                    .setParameter(1, execution).getSingleResult());
            assertThat(row[0]).isEqualTo("QUEUED");
            assertThat(row[1]).as("claim released").isNull();
            assertThat(row[2]).as("lease released").isNull();
            assertThat(((Number) row[3]).intValue()).isEqualTo(1);
            assertThat(row[4]).isEqualTo(ExecutionWorker.INTERRUPTED_BY_SHUTDOWN);
            assertThat(AuditLog.lines("type=EXECUTION_ATTEMPT_FAILED")).anyMatch(l -> l.contains(execution.toString())
                    && l.contains(ExecutionWorker.INTERRUPTED_BY_SHUTDOWN) && l.contains("\"attempt\":1"));

            // After shutdown nothing more is taken.
            assertThat(worker.runDue("late-worker")).isZero();
        } finally {
            rounds.resume();
        }
        // Another replica continues at once, without waiting for the lease, and nothing is done twice.
        worker.runDue("other-replica");
        read(subject.caseId()).then().body("status", equalTo("COMPLETED"));
        assertThat(erased(subject)).isEqualTo(7);
        asOfficer().get("/api/v1/cases/{id}/execution", subject.caseId()).then()
                .body("attempts", equalTo(2))
                .body("summary.leadsHandled", equalTo(7));
    }

    @Test
    void failedTriesEndInFailedAndARetryContinuesFromWhereItStopped() throws Exception {
        Subject subject = approvedDeletion(4);
        String locked = subject.leads().stream().sorted().toList().getLast(); // in the second batch
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.find(Lead.class, UUID.fromString(locked), LockModeType.PESSIMISTIC_WRITE);
            holding.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

            worker.runDue("worker-a");
            asOfficer().get("/api/v1/cases/{id}/execution", subject.caseId()).then()
                    .body("status", equalTo("QUEUED"))
                    .body("attempts", equalTo(1))
                    .body("lastError", not(nullValue()))
                    .body("nextAttemptAt", not(nullValue()));
            // PostgreSQL commits the first batch before it meets the held lead; H2 locks every row its sorted
            // scan reads, so it fails on the first batch. Either way, the held lead is untouched.
            long erasedBeforeFailure = erased(subject);
            assertThat(erasedBeforeFailure).isLessThan(4);
            Leads.get(locked).then().body("flags.anonymisedAt", nullValue());

            worker.runDue("worker-a"); // the backoff has not passed
            asOfficer().get("/api/v1/cases/{id}/execution", subject.caseId()).then().body("attempts", equalTo(1));

            clock.advance(config.initialBackoff().plusSeconds(1));
            worker.runDue("worker-a");
            assertThat(erased(subject)).isEqualTo(erasedBeforeFailure);
            read(subject.caseId()).then().body("status", equalTo("FAILED"))
                    .body("timeline.kind", org.hamcrest.Matchers.hasItem("EXECUTION_FAILED"));
            asOfficer().get("/api/v1/cases/{id}/execution", subject.caseId()).then()
                    .body("status", equalTo("FAILED")).body("attempts", equalTo(2));
            String reference = read(subject.caseId()).path("reference");
            assertThat(subjects.mailTo("privacy-officers@region715.kz"))
                    .as("officers told of the failure, once")
                    .filteredOn(m -> m.getSubject().contains(reference) && m.getText().contains("2"))
                    .hasSize(1);
        } finally {
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
        }

        act(subject.caseId(), "retry", null).then().statusCode(200).body("status", equalTo("EXECUTING"))
                .body("timeline.kind", org.hamcrest.Matchers.hasItem("RETRIED"));
        act(subject.caseId(), "retry", null).then().statusCode(409);
        worker.runDue("worker-b");

        read(subject.caseId()).then().body("status", equalTo("COMPLETED"));
        assertThat(erased(subject)).isEqualTo(4);
        assertThat(AuditLog.typesOf(read(subject.caseId()).path("reference")))
                .contains("EXECUTION_ATTEMPT_FAILED", "EXECUTION_FAILED", "RETRIED", "EXECUTED");
        asOfficer().get("/api/v1/cases/{id}/execution", subject.caseId()).then()
                .body("status", equalTo("DONE"))
                .body("summary.outcomes.ANONYMISED", equalTo(4))
                .body("lastError", nullValue());
    }
}
