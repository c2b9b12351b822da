package kz.region715.dsr.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kz.region715.dsr.request.domain.RequestType;
import kz.region715.dsr.support.Leads;
import org.junit.jupiter.api.Test;

/**
 * Two workers, each with its own transactions, over 200 approved executions
 * at once: every execution runs exactly once (on PostgreSQL the claims use
 * FOR UPDATE SKIP LOCKED; on every database a lease guards the work).
 */
@QuarkusTest
class ExecutionConcurrencyTest {

    private static final int EXECUTIONS = 200;

    @Inject
    ExecutionWorker worker;
    @Inject
    ApprovedExecutions approved;
    @Inject
    EntityManager em;

    @Test
    void twoWorkersRunEachOf200ExecutionsExactlyOnce() throws Exception {
        List<String> emails = new ArrayList<>();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < EXECUTIONS; i++) {
            String email = "bulk-" + UUID.randomUUID() + "@example.kz";
            emails.add(email);
            batch.add(Map.of("source", "WEB_FORM", "email", email, "name", "Bulk Subject"));
        }
        Leads.storeBatch(batch);
        List<UUID> ids = approved.queue(RequestType.RESTRICTION, "{\"restriction\":{\"reason\":\"bulk\"}}", null,
                emails, 200_000_000L, "Bulk Subject");

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> drain("worker-1"));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> drain("worker-2"));
        int runs = first.get(5, TimeUnit.MINUTES) + second.get(5, TimeUnit.MINUTES);

        assertThat(ids).hasSize(EXECUTIONS);
        approved.assertEachDoneOnce(ids);
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(em.createQuery("select count(t) from TimelineEntry t where t.request.id in :ids"
                            + " and t.kind = kz.region715.dsr.request.TimelineEntry.Kind.EXECUTED", Long.class)
                    .setParameter("ids", ids).getSingleResult()).isEqualTo(EXECUTIONS);
            assertThat(em.createQuery("select count(t) from TimelineEntry t where t.request.id in :ids"
                            + " and t.toStatus = kz.region715.dsr.request.domain.RequestStatus.EXECUTING", Long.class)
                    .setParameter("ids", ids).getSingleResult()).isEqualTo(EXECUTIONS);
            assertThat(em.createQuery("select count(i) from ExecutionItem i, Execution e where i.executionId = e.id"
                            + " and e.requestId in :ids and i.outcome = :o", Long.class)
                    .setParameter("ids", ids).setParameter("o", ExecutionItem.Outcome.RESTRICTED)
                    .getSingleResult()).as("each subject's lead blocked once").isEqualTo(EXECUTIONS);
        });
        assertThat(runs).isGreaterThanOrEqualTo(EXECUTIONS);
    }

    /** Runs until nothing is due; a round lost to the other worker's claim is simply tried again. */
    private int drain(String name) {
        int runs = 0;
        for (int round = 0; round < 1000; round++) {
            runs += worker.runDue(name);
            long due = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                    "select count(e) from Execution e where e.status = :queued", Long.class)
                    .setParameter("queued", Execution.Status.QUEUED).getSingleResult());
            if (due == 0) {
                break;
            }
        }
        return runs;
    }
}
