package kz.region715.dsr.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kz.region715.dsr.request.RequestDetails;
import kz.region715.dsr.request.domain.RequestType;
import kz.region715.dsr.support.Leads;
import org.junit.jupiter.api.Test;

/**
 * One round of one worker runs several executions at once (dsr.execution.parallelism lanes), and each completes
 * exactly once. That two were in progress at the same time is shown without any timing: the first execution to
 * complete waits, inside its own completion, until a second one completes, which only another lane can do.
 */
@QuarkusTest
class ExecutionParallelismTest {

    private static final int EXECUTIONS = 12;
    private static final int LEADS_EACH = 7; // three batches of the test profile's 3

    @Inject
    ExecutionWorker worker;
    @Inject
    ExecutionConfig config;
    @Inject
    ApprovedExecutions approved;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    /** Watches completions while a test of this class runs; idle otherwise. */
    @ApplicationScoped
    static class Completions {
        static volatile Set<UUID> watched = Set.of();
        static final Map<UUID, List<String>> LANES = new ConcurrentHashMap<>();
        static final CountDownLatch TWO_AT_ONCE = new CountDownLatch(2);
        static volatile boolean firstWaitedInVain;

        void onCompleted(@Observes ExecutionEvents.Completed event) throws InterruptedException {
            if (!watched.contains(event.request().id())) {
                return;
            }
            LANES.computeIfAbsent(event.request().id(), id -> new CopyOnWriteArrayList<>())
                    .add(Thread.currentThread().getName());
            TWO_AT_ONCE.countDown();
            if (!TWO_AT_ONCE.await(20, TimeUnit.SECONDS)) {
                firstWaitedInVain = true;
            }
        }
    }

    @Test
    void severalExecutionsRunAtOnceAndEachCompletesExactlyOnce() throws Exception {
        assertThat(config.parallelism()).isGreaterThan(1);
        List<String> emails = new ArrayList<>();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < EXECUTIONS; i++) {
            String email = "lane-" + UUID.randomUUID() + "@example.kz";
            emails.add(email);
            for (int j = 0; j < LEADS_EACH; j++) {
                batch.add(Map.of("source", "WEB_FORM", "email", email, "name", "Lane Subject"));
            }
        }
        Leads.storeBatch(batch);
        RequestDetails details = new RequestDetails(null, null, null,
                new RequestDetails.Deletion(RequestDetails.Deletion.Scope.ALL, null));
        List<UUID> ids = approved.queue(RequestType.DELETION, json.writeValueAsString(details), details, emails,
                400_000_000L, "Lane Subject");
        Completions.watched = Set.copyOf(ids);
        try {
            worker.runDue("lanes");
        } finally {
            Completions.watched = Set.of();
        }

        assertThat(Completions.firstWaitedInVain).as("a second execution completed while the first was completing")
                .isFalse();
        assertThat(Completions.LANES).as("one completion per execution").hasSize(EXECUTIONS)
                .allSatisfy((id, lanes) -> assertThat(lanes).hasSize(1));
        assertThat(Completions.LANES.values().stream().flatMap(List::stream).distinct().count())
                .as("lanes that completed executions").isGreaterThan(1);
        assertThat(ids).hasSize(EXECUTIONS);
        approved.assertEachDoneOnce(ids);
        QuarkusTransaction.requiringNew().run(() -> {
            List<Object[]> items = em.createQuery("select i.executionId, count(i), count(distinct i.leadId)"
                    + " from ExecutionItem i, Execution e where i.executionId = e.id and e.requestId in :ids"
                    + " and i.outcome = :o group by i.executionId", Object[].class)
                    .setParameter("ids", ids).setParameter("o", ExecutionItem.Outcome.ANONYMISED).getResultList();
            assertThat(items).as("an item per lead, each lead once").hasSize(EXECUTIONS)
                    .allSatisfy(row -> assertThat(new Object[] {row[1], row[2]})
                            .containsExactly((long) LEADS_EACH, (long) LEADS_EACH));
        });
    }
}
