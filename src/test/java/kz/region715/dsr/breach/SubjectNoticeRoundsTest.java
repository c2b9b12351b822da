package kz.region715.dsr.breach;

import static kz.region715.dsr.breach.Breaches.PATH;
import static kz.region715.dsr.breach.Breaches.act;
import static kz.region715.dsr.breach.Breaches.as;
import static kz.region715.dsr.breach.Breaches.body;
import static kz.region715.dsr.breach.Breaches.etag;
import static kz.region715.dsr.breach.Breaches.read;
import static kz.region715.dsr.breach.Breaches.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import kz.region715.dsr.support.AuditLog;
import kz.region715.dsr.support.Leads;
import kz.region715.dsr.support.Subjects;
import kz.region715.dsr.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Subject notices to a set larger than one round (the test profile's rounds are 20 people): the call queues the
 * first round and answers 202, the worker queues the rest a round a transaction, a cut round is done again without
 * repeats, and workers at once never queue a person twice.
 */
@QuarkusTest
class SubjectNoticeRoundsTest {

    private static final int ROUND = 20;

    @Inject
    TestClock clock;
    @Inject
    Subjects subjects;
    @Inject
    SubjectNoticeRounds rounds;
    @Inject
    NoticeFault fault;
    @Inject
    EntityManager em;

    @AfterEach
    void disarm() {
        fault.disarm();
    }

    private record Target(String id, String reference, List<String> emails) {
    }

    private Target ready(int people) {
        List<String> emails = new ArrayList<>();
        List<Map<String, Object>> leads = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            String email = Subjects.newEmail();
            emails.add(email);
            leads.add(Leads.body(email, null, "WEB_FORM"));
        }
        leads.add(Leads.body(emails.getFirst().toUpperCase(), null, "WEB_FORM")); // a person with two leads
        leads.add(Leads.body(null, Leads.uniquePhone(), "WEB_FORM")); // a person without e-mail: not reached
        List<String> ids = Leads.storeBatch(leads);
        Map<String, Object> body = body(clock.instant().minusSeconds(3600));
        body.put("dataCategories", List.of("NAME", "EMAIL"));
        String id = register(body).then().statusCode(201).extract().path("id");
        act(id, "authority-notification", Map.of("sentAt", clock.instant().minusSeconds(60).toString(),
                "channel", "PORTAL")).then().statusCode(200);
        act(id, "affected-set", Map.of("leadIds", ids)).then().statusCode(200)
                .body("affected.people", equalTo(people + 1));
        return new Target(id, read(id).path("reference"), emails);
    }

    private long count(String sql, String reference) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, reference).getSingleResult()).longValue());
    }

    /** Every person has exactly one notice queued, and the breach is notified with the counts. */
    private void notifiedOnce(Target breach) {
        assertThat(count("select count(*) from outbox_message where request_ref = ?1", breach.reference()))
                .as("notices queued").isEqualTo(breach.emails().size());
        assertThat(count("select count(*) from (select lower(recipient) from outbox_message where request_ref = ?1"
                + " group by lower(recipient) having count(*) > 1) d", breach.reference())).as("people twice").isZero();
        read(breach.id()).then().body("status", equalTo("SUBJECTS_NOTIFIED"))
                .body("affected.notified", equalTo(breach.emails().size())).body("affected.unreachable", equalTo(1))
                .body("affected.noticesQueued", equalTo(breach.emails().size()));
        List<String> done = AuditLog.lines("request=" + breach.reference()).stream()
                .filter(l -> l.contains("BREACH_SUBJECTS_NOTIFIED")).toList();
        assertThat(done).singleElement().satisfies(l -> assertThat(l).contains("\"actor\":\"officer\"")
                .contains("\"notified\":" + breach.emails().size()));
        assertThat(AuditLog.lines("request=" + breach.reference()).stream().filter(l -> l.contains("MAIL_QUEUED")))
                .hasSize(breach.emails().size());
    }

    @Test
    void aSetLargerThanOneRoundIsQueuedInRoundsAndEveryoneOnce() {
        Target breach = ready(2 * ROUND + 10);
        act(breach.id(), "subject-notices", null).then().statusCode(202).header("ETag", notNullValue())
                .body("status", equalTo("AUTHORITY_NOTIFIED")).body("affected.noticesStartedAt", notNullValue())
                .body("affected.noticesQueued", equalTo(ROUND)).body("affected.notified", nullValue());

        // Started once; the set, and the breach's closure, wait for the last round.
        act(breach.id(), "subject-notices", null).then().statusCode(409)
                .body("type", containsString("subject-notices-under-way"));
        act(breach.id(), "affected-set", Map.of("dataCategories", List.of("EMAIL"))).then().statusCode(409)
                .body("type", containsString("affected-set-locked"));
        act(breach.id(), "closure", Map.of()).then().statusCode(409)
                .body("type", containsString("subject-notices-under-way"));
        String before = etag(breach.id());

        assertThat(rounds.workAll()).as("rounds the worker queued").isEqualTo(2);
        assertThat(rounds.workAll()).as("nothing left").isZero();
        assertThat(etag(breach.id())).isNotEqualTo(before);
        notifiedOnce(breach);
        assertThat(subjects.mailTo(breach.emails().getLast())).hasSize(1);
        act(breach.id(), "subject-notices", null).then().statusCode(409)
                .body("currentStatus", equalTo("SUBJECTS_NOTIFIED"));
    }

    @Test
    void aRoundCutInTheMiddleIsDoneAgainWithoutRepeats() {
        Target breach = ready(2 * ROUND + 5);
        act(breach.id(), "subject-notices", null).then().statusCode(202).body("affected.noticesQueued", equalTo(ROUND));

        fault.failAtNotice(7); // the seventh notice of the second round
        assertThatThrownBy(rounds::workAll).hasMessage("test: the round is cut at this notice");
        read(breach.id()).then().body("status", equalTo("AUTHORITY_NOTIFIED"))
                .body("affected.noticesQueued", equalTo(ROUND));
        assertThat(count("select count(*) from outbox_message where request_ref = ?1", breach.reference()))
                .as("the cut round left nothing").isEqualTo(ROUND);

        fault.disarm();
        assertThat(rounds.workAll()).isEqualTo(2);
        notifiedOnce(breach);
    }

    @Test
    void workersAtOnceNeverQueueAPersonTwice() throws Exception {
        Target breach = ready(5 * ROUND + 3);
        as("officer").header("If-Match", etag(breach.id())).post(PATH + "/{id}/subject-notices", breach.id()).then()
                .statusCode(202);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> workers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            workers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return rounds.workAll();
            }));
        }
        start.countDown();
        int worked = workers.stream().mapToInt(CompletableFuture::join).sum();
        // A worker that met another's lock past the timeout (H2 has no SKIP LOCKED) left the rest to the next tick.
        worked += rounds.workAll();
        assertThat(worked).as("rounds worked").isGreaterThanOrEqualTo(5);
        notifiedOnce(breach);
    }
}
