package kz.region715.dsr.casework;

import static kz.region715.dsr.support.Cases.asOfficer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How the work queue answers with 100,000 cases. Prints figures; asserts nothing about time.
 * Run: ./mvnw verify -Pbench (H2) or ./mvnw verify -Pbench,postgresql (see docs/testing.md).
 */
@QuarkusTest
@Tag("bench")
class CaseQueueBenchmarkTest {

    private static final int CASES = 100_000;
    private static final String[] TYPES = {"ACCESS", "CORRECTION", "RESTRICTION", "DELETION", "WITHDRAWAL"};
    private static final String[] STATUSES = {"OPEN", "IN_REVIEW", "AWAITING_SUBJECT", "APPROVED", "COMPLETED",
            "REJECTED"};

    @Inject
    EntityManager em;

    @Test
    void queueAtOneHundredThousandCases() {
        long loadStart = System.nanoTime();
        seed();
        System.out.printf("%nBENCH seeded %,d cases in %.1f s%n", CASES, (System.nanoTime() - loadStart) / 1e9);

        report("first page (50), no filter", () -> Map.of());
        report("first page, status=OPEN", () -> Map.of("status", "OPEN"));
        report("first page, overdue=true", () -> Map.of("overdue", "true"));
        report("first page, assignee=officer-7", () -> Map.of("assignee", "officer-7"));
        report("first page, type=DELETION&status=IN_REVIEW", () -> Map.of("type", "DELETION", "status", "IN_REVIEW"));
        String cursor = null;
        List<Double> deep = new ArrayList<>();
        for (int page = 0; page < 200; page++) {
            var request = asOfficer().queryParam("limit", "200");
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            long start = System.nanoTime();
            cursor = request.get("/api/v1/cases").then().statusCode(200).extract().path("nextCursor");
            deep.add((System.nanoTime() - start) / 1e6);
        }
        print("pages 1..200 of 200 (keyset, 40,000 cases deep)", deep);
    }

    private void report(String name, Supplier<Map<String, String>> filters) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            var request = asOfficer().queryParam("limit", "50");
            filters.get().forEach(request::queryParam);
            long start = System.nanoTime();
            request.get("/api/v1/cases").then().statusCode(200);
            times.add((System.nanoTime() - start) / 1e6);
        }
        print(name, times.subList(10, times.size()));
    }

    private static void print(String name, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("BENCH %-55s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  (n=%d, over HTTP)%n", name,
                sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
                sorted.getLast(), sorted.size());
    }

    private void seed() {
        Instant base = Instant.parse("2024-01-01T00:00:00Z");
        for (int batchStart = 0; batchStart < CASES; batchStart += 5_000) {
            int from = batchStart;
            QuarkusTransaction.requiringNew().run(() -> em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("insert into subject_request (id, reference,"
                        + " type, status, channel, locale, received_at, verified_at, status_changed_at, version,"
                        + " jurisdiction, deadline_policy, deadline_basis, deadline_citation, due_last_day, due_at,"
                        + " assignee) values (?, ?, ?, ?, 'WEB', 'ru', ?, ?, ?, 0, 'KZ', ?, 'STATUTORY', 'bench', ?, ?, ?)")) {
                    for (int i = from; i < from + 5_000; i++) {
                        Instant received = base.plus(Duration.ofMinutes(7L * i));
                        Instant due = received.plus(Duration.ofDays(1 + i % 21));
                        String type = TYPES[i % TYPES.length];
                        insert.setObject(1, UUID.randomUUID());
                        insert.setString(2, "DSR-2024-" + (900_000_000L + i));
                        insert.setString(3, type);
                        insert.setString(4, STATUSES[(i / 7) % STATUSES.length]);
                        insert.setTimestamp(5, Timestamp.from(received));
                        insert.setTimestamp(6, Timestamp.from(received));
                        insert.setTimestamp(7, Timestamp.from(received));
                        insert.setString(8, "KZ/" + type);
                        insert.setObject(9, due.atOffset(ZoneOffset.UTC).toLocalDate());
                        insert.setTimestamp(10, Timestamp.from(due));
                        insert.setString(11, i % 13 == 0 ? "officer-" + (i % 10) : null);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }));
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("analyze").executeUpdate());
    }
}
