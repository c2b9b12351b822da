package kz.region715.dsr.execution;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import kz.region715.dsr.lead.LeadService;
import kz.region715.dsr.request.Contact;
import kz.region715.dsr.request.RequestDetails;
import kz.region715.dsr.request.SubjectRequest;
import kz.region715.dsr.request.SubjectRequestRepository;
import kz.region715.dsr.request.domain.Channel;
import kz.region715.dsr.request.domain.EmailAddress;
import kz.region715.dsr.request.domain.Reference;
import kz.region715.dsr.request.domain.RequestType;
import kz.region715.dsr.request.domain.SubjectLocale;
import org.hibernate.Session;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How a deletion behaves when one subject has 10,000 and then 100,000 leads:
 * time, throughput and the heap the worker uses on top of the baseline while
 * it runs (sampled every 20 ms). Prints figures; asserts nothing about time.
 * Run: ./mvnw verify -Pbench (H2) or ./mvnw verify -Pbench,postgresql.
 */
@QuarkusTest
@TestProfile(ExecutionBenchmarkTest.ProductionBatches.class)
@Tag("bench")
class ExecutionBenchmarkTest {

    /** The production batch size (the test profile's is tiny, to exercise batching). */
    public static class ProductionBatches implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dsr.execution.batch-size", "200");
        }
    }

    @Inject
    ExecutionWorker worker;
    @Inject
    EntityManager em;
    @Inject
    SubjectRequestRepository requests;
    @Inject
    LeadService leads;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    @Test
    void deletionAcrossManyLeadsOfOneSubject() throws Exception {
        for (int count : new int[] {10_000, 100_000}) {
            run(count);
        }
    }

    private void run(int count) throws Exception {
        String email = "bench-" + UUID.randomUUID() + "@example.kz";
        String key = leads.emailKey(email);
        long seedStart = System.nanoTime();
        for (int from = 0; from < count; from += 5_000) {
            int size = Math.min(5_000, count - from);
            QuarkusTransaction.requiringNew().run(() -> em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("insert into lead (id, source, name, email,"
                        + " message, ip_address, email_key, received_at, retention_until, ingested_by, version)"
                        + " values (?, 'WEB_FORM', 'Bench Subject', ?, 'Please call me back', '203.0.113.7', ?, ?, ?,"
                        + " 'bench', 0)")) {
                    Timestamp now = Timestamp.from(clock.instant());
                    Timestamp until = Timestamp.from(clock.instant().plusSeconds(86_400L * 730));
                    for (int i = 0; i < size; i++) {
                        insert.setObject(1, UUID.randomUUID());
                        insert.setString(2, email);
                        insert.setString(3, key);
                        insert.setTimestamp(4, now);
                        insert.setTimestamp(5, until);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }));
        }
        double seeded = (System.nanoTime() - seedStart) / 1e9;
        QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            String reference = "DSR-2020-" + (300_000_000L + requests.nextReferenceNumber());
            RequestDetails details = new RequestDetails(null, null, null,
                    new RequestDetails.Deletion(RequestDetails.Deletion.Scope.ALL, null));
            SubjectRequest request = SubjectRequest.file(UUID.randomUUID(), new Reference(reference),
                    RequestType.DELETION, Channel.WEB, SubjectLocale.EN,
                    new Contact(EmailAddress.parse(email), "Bench Subject", null), key,
                    json.writeValueAsString(details), now);
            request.markVerified(now, null);
            request.approve(null, "officer", now);
            requests.persist(request);
            em.persist(Execution.queue(request.id(), RequestType.DELETION,
                    json.writeValueAsString(ExecutionPlan.of(RequestType.DELETION, reference, details, null)), now));
            return null;
        });

        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long baseline = runtime.totalMemory() - runtime.freeMemory();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long start = System.nanoTime();
        worker.runDue("bench");
        double seconds = (System.nanoTime() - start) / 1e9;
        running.set(false);
        sampler.join();
        long erased = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(l) from Lead l where l.email is null and l.anonymisedAt is not null"
                        + " and l.ingestedBy = 'bench' and l.emailKey is null and l.name = 'anonymised'", Long.class)
                .getSingleResult());
        System.out.printf("%nBENCH deletion of %,d leads of one subject: seeded in %.1f s; executed in %.1f s"
                        + " (%,.0f leads/s); heap above baseline while running: peak %,d MB (baseline %,d MB, max heap"
                        + " %,d MB); bench leads anonymised so far: %,d%n", count, seeded, seconds, count / seconds,
                (peak.get() - baseline) >> 20, baseline >> 20, runtime.maxMemory() >> 20, erased);
    }
}
