package kz.region715.dsr.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import kz.region715.dsr.platform.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * Scenario: two instances on one database are asked at the same moment to notify the same breach's subjects. The
 * affected set is 2,000 people (a few of them with several leads), notified in rounds of 200: the call that wins
 * queues the first round, and the notice workers of both instances the rest. Each person receives exactly one
 * notice, and the outbox holds one per person.
 */
class TwoInstancesBreachNoticesIT {

    private static final int PEOPLE = 2_000;
    private static final int SHARING = 10;
    private static final String PATH = "/api/v1/breaches";
    private final Figures figures = new Figures("two instances notify one breach's subjects");

    @Test
    void eachPersonGetsOneNoticeWhenBothInstancesAreAsked() throws Exception {
        try (Rig rig = new Rig("bn")) {
            Map<String, String> env = Map.of("DSR_BREACH_NOTICE_ROUND_SIZE", "200", "DSR_BREACH_NOTICE_INTERVAL", "1s");
            App a = rig.start("bn-app-a", env);
            App b = rig.start("bn-app-b", env);
            Api apiA = new Api(a);
            Api apiB = new Api(b);

            List<String> emails = new ArrayList<>();
            List<Map<String, Object>> leads = new ArrayList<>();
            for (int i = 0; i < PEOPLE; i++) {
                String email = Api.newEmail();
                emails.add(email);
                leads.add(Api.lead(email, i));
            }
            for (int i = 0; i < SHARING; i++) { // people with a second lead of the same address
                leads.add(Api.lead(emails.get(i * 7), PEOPLE + i));
            }
            apiA.ingest(leads);

            Instant detected = Instant.now().minusSeconds(3600);
            Map<String, Object> breach = new HashMap<>();
            breach.put("detectedAt", detected.toString());
            breach.put("discovery", Map.of("method", "MONITORING", "details", "Alert of the storage monitor."));
            breach.put("description", "The web form's export folder was readable without a login.");
            breach.put("dataCategories", List.of("NAME", "EMAIL"));
            breach.put("sources", List.of("WEB_FORM"));
            breach.put("estimatedCount", PEOPLE);
            breach.put("measuresTaken", "Folder closed; keys rotated.");
            breach.put("responsible", Map.of("name", "Dana Seitkali", "position", "Data protection officer",
                    "email", "dpo@region715.kz"));
            Api.Answer registered = apiA.post(PATH, breach, Roles.OFFICER, Map.of()).expect(201);
            String id = registered.json().path("id").asText();
            String etag = apiA.post(PATH + "/" + id + "/affected-set", Map.of("sources", List.of("WEB_FORM")),
                    Roles.OFFICER, Map.of("If-Match", registered.header("ETag").orElseThrow())).expect(200)
                    .header("ETag").orElseThrow();
            Api.Answer authorityNotified = apiA.post(PATH + "/" + id + "/authority-notification", Map.of("sentAt",
                    Instant.now().minusSeconds(60).toString(), "channel", "PORTAL"), Roles.OFFICER,
                    Map.of("If-Match", etag)).expect(200);
            assertThat(authorityNotified.json().path("affected").path("people").asInt()).isEqualTo(PEOPLE);
            String current = authorityNotified.header("ETag").orElseThrow();

            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Api.Answer>> calls = new ArrayList<>();
            for (Api api : List.of(apiA, apiB)) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return api.post(PATH + "/" + id + "/subject-notices", Map.of(), Roles.OFFICER,
                            Map.of("If-Match", current));
                }));
            }
            long startedAt = System.nanoTime();
            start.countDown();
            List<Integer> statuses = calls.stream().map(CompletableFuture::join).map(Api.Answer::status).toList();
            String notified = "select count(*) from breach where id = '" + id + "' and status = 'SUBJECTS_NOTIFIED'";
            String notSent = "select count(*) from outbox_message where status <> 'SENT'";
            Duration queued = Await.until("the breach notified", Duration.ofSeconds(180),
                    () -> rig.count(notified) == 1);
            Duration sent = Await.until("every notice sent", Duration.ofSeconds(300),
                    () -> rig.count(notSent) == 0 && rig.mail.all().size() >= PEOPLE);
            Await.sleep(Duration.ofSeconds(3)); // a repeat would come within a few polls
            Map<String, Long> perPerson = rig.mail.countByRecipient();
            long missing = emails.stream().filter(e -> perPerson.getOrDefault(e, 0L) == 0).count();
            long twice = emails.stream().filter(e -> perPerson.getOrDefault(e, 0L) > 1).count();
            long outbox = rig.count("select count(*) from outbox_message where kind = 'BREACH_SUBJECT_NOTICE'");
            long outboxPeople = rig.count("select count(distinct recipient) from outbox_message"
                    + " where kind = 'BREACH_SUBJECT_NOTICE'");
            long claims = rig.count("select count(*) from breach_notice where breach_id = '" + id + "'");
            List<String> rounds = rig.column("select rounds from breach_notice_round where breach_id = '" + id + "'");
            figures.print("answers %s; %d people notified in %s rounds, the breach SUBJECTS_NOTIFIED after %d ms,"
                            + " all sent after %d ms (from the calls: %d ms); outbox %d (%d recipients), claims %d;"
                            + " missing %d, twice %d",
                    statuses, PEOPLE, rounds, queued.toMillis(), sent.toMillis(),
                    Duration.ofNanos(System.nanoTime() - startedAt).toMillis(), outbox, outboxPeople, claims,
                    missing, twice);
            assertThat(statuses).as("one call starts the notices").containsOnlyOnce(202);
            assertThat(statuses).as("the other is refused").anyMatch(s -> s == 409 || s == 412);
            assertThat(missing).as("people without a notice").isZero();
            assertThat(twice).as("people with two notices").isZero();
            assertThat(outbox).as("notices in the outbox").isEqualTo(PEOPLE);
            assertThat(outboxPeople).as("recipients in the outbox").isEqualTo(PEOPLE);
            assertThat(claims).as("claims").isEqualTo(PEOPLE);
            Api.Answer after = apiB.get(PATH + "/" + id, Roles.OFFICER).expect(200);
            assertThat(after.json().path("affected").path("notified").asInt()).isEqualTo(PEOPLE);
            assertThat(after.json().path("affected").path("unreachable").asInt()).isZero();
        }
    }
}
