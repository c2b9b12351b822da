package kz.region715.dsr.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Scenario 1: PostgreSQL stops for about 20 s while clients keep filing requests. Every answer is 2xx or a 503
 * problem with Retry-After; every request stored has its outbox mail and its audit event; the service is ready
 * again within 30 s of the database's return, without a restart.
 */
class DatabaseOutageIT {

    private static final int CLIENTS = 4;
    private static final Duration OUTAGE = Duration.ofSeconds(20);

    private final Figures figures = new Figures("1 database outage under intake load");

    @Test
    void intakeAnswersOnlySuccessOrRetryLaterAndLosesNothing() throws Exception {
        try (Rig rig = new Rig("s1")) {
            App app = rig.start("s1-app", Map.of());
            Api api = new Api(app);
            Map<String, AtomicInteger> statuses = new TreeMap<>();
            List<String> wrong = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            Set<String> accepted = ConcurrentHashMap.newKeySet();
            ConcurrentLinkedQueue<String> transportErrors = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> clients = new java.util.ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(Thread.ofPlatform().name("client-" + i).start(() -> {
                    while (running.get()) {
                        try {
                            Api.Answer answer = api.file("ACCESS", Api.newEmail());
                            synchronized (statuses) {
                                statuses.computeIfAbsent(Integer.toString(answer.status()), s -> new AtomicInteger())
                                        .incrementAndGet();
                            }
                            if (answer.status() == 202) {
                                accepted.add(answer.json().path("id").asText());
                            } else if (answer.status() == 503) {
                                boolean problem = answer.header("Content-Type").orElse("")
                                        .startsWith("application/problem+json");
                                if (!problem || answer.header("Retry-After").isEmpty()) {
                                    wrong.add("503 without problem+json and Retry-After: "
                                            + answer.response().headers().map());
                                }
                            } else if (answer.status() / 100 != 2) {
                                wrong.add(answer.status() + " " + abbreviate(answer.body()));
                            }
                        } catch (IOException e) {
                            transportErrors.add(e.toString());
                        }
                        Await.sleep(Duration.ofMillis(20));
                    }
                }));
            }
            Await.until("some requests filed before the outage", Duration.ofSeconds(30), () -> accepted.size() >= 20);
            int beforeOutage = accepted.size();
            rig.pg.stop();
            long stoppedAt = System.nanoTime();
            int readyDuringOutage = app.readiness();
            Await.sleep(OUTAGE); // the outage itself: the clients keep filing meanwhile
            rig.pg.start();
            long startedAt = System.nanoTime();
            Duration recovery;
            try {
                recovery = Await.until("ready again after the database returned", Duration.ofSeconds(30),
                        () -> app.readiness() == 200);
            } finally {
                figures.print("outage %d s; readiness during the outage %d", Duration.ofNanos(startedAt - stoppedAt)
                        .toSeconds(), readyDuringOutage);
            }
            int afterRecovery = accepted.size();
            Await.until("requests accepted again after recovery", Duration.ofSeconds(30),
                    () -> accepted.size() >= afterRecovery + 20);
            running.set(false);
            for (Thread client : clients) {
                client.join(Duration.ofSeconds(70));
            }

            rig.awaitSequenced();
            long rows = rig.count("select count(*) from subject_request");
            long withoutOutbox = rig.count("select count(*) from subject_request r where not exists"
                    + " (select 1 from outbox_message m where m.request_id = r.id and m.kind = 'VERIFICATION')");
            long withoutAudit = rig.count("select count(*) from subject_request r where not exists"
                    + " (select 1 from audit_event e where e.request_ref = r.reference)");
            long lost = accepted.stream().filter(id -> rig.count(
                    "select count(*) from subject_request where id = '" + id + "'") != 1).count();
            long doubled = rig.count("select count(*) from (select request_id from outbox_message"
                    + " where kind = 'VERIFICATION' group by request_id having count(*) > 1) d");
            figures.print("statuses %s; accepted %d (%d before the outage); rows %d; lost %d; verification mails"
                            + " doubled %d; rows without outbox %d, without audit %d; transport errors %d;"
                            + " ready %d ms after the database returned",
                    statuses, accepted.size(), beforeOutage, rows, lost, doubled, withoutOutbox, withoutAudit,
                    transportErrors.size(), recovery.toMillis());
            wrong.stream().distinct().limit(3).forEach(w -> figures.print("wrong answer: %s", w));
            assertThat(wrong).as("answers other than 2xx or 503 problem+json with Retry-After").isEmpty();
            assertThat(transportErrors).as("connections broken instead of answered").isEmpty();
            assertThat(lost).as("accepted requests missing from the database").isZero();
            assertThat(withoutOutbox).as("requests without their verification mail in the outbox").isZero();
            assertThat(withoutAudit).as("requests without audit events").isZero();
            assertThat(doubled).as("requests with two verification mails").isZero();
            assertThat(api.chainStatus()).isEqualTo("OK");
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
