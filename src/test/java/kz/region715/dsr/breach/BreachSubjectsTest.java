package kz.region715.dsr.breach;

import static kz.region715.dsr.breach.Breaches.PATH;
import static kz.region715.dsr.breach.Breaches.act;
import static kz.region715.dsr.breach.Breaches.as;
import static kz.region715.dsr.breach.Breaches.body;
import static kz.region715.dsr.breach.Breaches.etag;
import static kz.region715.dsr.breach.Breaches.read;
import static kz.region715.dsr.breach.Breaches.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import kz.region715.dsr.lead.LeadRetention;
import kz.region715.dsr.support.AuditLog;
import kz.region715.dsr.support.Leads;
import kz.region715.dsr.support.Subjects;
import kz.region715.dsr.support.TestClock;
import org.junit.jupiter.api.Test;

/** The people a breach affected: selecting, previewing and freezing their leads, and the notices to them. */
@QuarkusTest
class BreachSubjectsTest {

    @Inject
    TestClock clock;
    @Inject
    Subjects subjects;
    @Inject
    LeadRetention retention;
    @Inject
    BreachSubjects breachSubjects;

    /** A window of ten minutes some days back, that no other test's leads fall in. */
    private Instant window(int maxDaysBack) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return clock.instant().truncatedTo(ChronoUnit.SECONDS)
                .minus(Duration.ofDays(1 + random.nextInt(maxDaysBack))).minus(Duration.ofMinutes(random.nextInt(1440)));
    }

    /** A lead received at {@code at}; {@code keep} lists the optional data it holds besides its e-mail or phone. */
    private static String lead(String source, String email, String phone, Instant at, String locale, String... keep) {
        Map<String, Object> body = Leads.body(email, phone, source);
        List<String> kept = List.of(keep);
        for (String field : List.of("name", "message", "ipAddress", "cookieId")) {
            if (!kept.contains(field)) {
                body.remove(field);
            }
        }
        body.put("receivedAt", at.toString());
        if (locale != null) {
            body.put("locale", locale);
        }
        return Leads.store(body);
    }

    private String breach(List<String> categories, List<String> sources) {
        Map<String, Object> body = body(clock.instant().minusSeconds(3600));
        body.put("dataCategories", categories);
        body.put("sources", sources);
        body.put("description", "A copy of the form's leads was readable without a login.");
        body.put("measuresTaken", "The copy was deleted and the access closed.");
        return register(body).then().statusCode(201).extract().path("id");
    }

    private void authorityNotified(String id) {
        act(id, "authority-notification", Map.of("sentAt", clock.instant().minusSeconds(60).toString(),
                "channel", "PORTAL")).then().statusCode(200).body("status", equalTo("AUTHORITY_NOTIFIED"));
    }

    private static Response preview(String id, Object selection, String query) {
        return as("officer").body(selection).post(PATH + "/{id}/affected-set/preview" + query, id);
    }

    private static Map<String, Object> between(Instant from, Instant to, Object... more) {
        Map<String, Object> body = new HashMap<>();
        body.put("receivedFrom", from.toString());
        body.put("receivedTo", to.toString());
        for (int i = 0; i + 1 < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    @Test
    void officersSelectBySourceTimeAndDataAndPageThroughTheLeads() {
        Instant from = window(60);
        Instant to = from.plus(Duration.ofMinutes(10));
        String named = lead("WEB_FORM", Subjects.newEmail(), null, from.plusSeconds(10), null, "name");
        String bot = lead("TELEGRAM_BOT", Subjects.newEmail(), null, from.plusSeconds(20), null, "message");
        lead("WEB_FORM", Subjects.newEmail(), null, from.minusSeconds(1), null, "name"); // before the window
        lead("WEB_FORM", Subjects.newEmail(), null, to, null, "name"); // the window's end is open
        String emailOnly = lead("WEB_FORM", Subjects.newEmail(), null, from.plusSeconds(30), null);
        String id = breach(List.of("NAME", "PHONE"), List.of("WEB_FORM"));

        // The breach's sources and categories by default: web-form leads holding a name or a phone.
        preview(id, between(from, to), "").then().statusCode(200)
                .body("count", equalTo(1)).body("items.id", equalTo(List.of(named)))
                .body("items[0].source", equalTo("WEB_FORM")).body("items[0].categories", equalTo(List.of("NAME")))
                .body("items[0].name", equalTo("Aigerim Serikova")).body("items[0].email", notNullValue())
                .body("nextCursor", nullValue());
        preview(id, between(from, to, "dataCategories", List.of("EMAIL")), "").then().statusCode(200)
                .body("count", equalTo(2)).body("items.id", equalTo(List.of(named, emailOnly)))
                .body("items[1].categories", equalTo(List.of("EMAIL")));
        preview(id, between(from, to, "sources", List.of("TELEGRAM_BOT"), "dataCategories", List.of("MESSAGE")), "")
                .then().statusCode(200).body("count", equalTo(1)).body("items.id", equalTo(List.of(bot)));

        // Keyset pages in the order received, each with the count of the whole selection.
        Map<String, Object> all = between(from, to, "sources", List.of("WEB_FORM", "TELEGRAM_BOT"),
                "dataCategories", List.of("EMAIL"));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 3; page++) {
            Response answer = preview(id, all, "?limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
            answer.then().statusCode(200).body("count", equalTo(3)).body("items.size()", equalTo(1));
            seen.add(answer.path("items[0].id"));
            cursor = answer.path("nextCursor");
        }
        assertThat(seen).containsExactly(named, bot, emailOnly);
        assertThat(cursor).isNull();

        // By ids, whatever the lead holds.
        preview(id, Map.of("leadIds", List.of(bot, emailOnly)), "").then().statusCode(200)
                .body("count", equalTo(2)).body("items.id", containsInAnyOrder(bot, emailOnly));
        // A preview changes nothing.
        read(id).then().body("affected", nullValue()).header("ETag", equalTo("\"0\""));
    }

    @Test
    void theFrozenSetCountsLeadsAndPeopleAndANewOneReplacesIt() {
        Instant from = window(60);
        Instant to = from.plus(Duration.ofMinutes(10));
        String email = Subjects.newEmail();
        String first = lead("WEB_FORM", email, null, from.plusSeconds(1), null, "name");
        lead("WEB_FORM", email.toUpperCase(), null, from.plusSeconds(2), null, "name");
        String phone = Leads.uniquePhone();
        lead("WEB_FORM", null, phone, from.plusSeconds(3), null, "name");
        lead("WEB_FORM", null, phone, from.plusSeconds(4), null);
        String id = breach(List.of("NAME", "PHONE"), List.of("WEB_FORM"));

        act(id, "affected-set", between(from, to)).then().statusCode(200)
                .body("affected.leads", equalTo(4)).body("affected.people", equalTo(2))
                .body("affected.frozenAt", notNullValue()).body("affected.notified", nullValue())
                .body("status", equalTo("DETECTED"));
        String reference = read(id).path("reference");
        List<String> frozen = AuditLog.lines("request=" + reference).stream()
                .filter(l -> l.contains("BREACH_AFFECTED_SET_FROZEN")).toList();
        assertThat(frozen).hasSize(1);
        assertThat(frozen.getFirst()).contains("\"leads\":4").contains("\"people\":2").doesNotContain(email)
                .doesNotContain("Aigerim");
        // The notice to the authority gives the frozen set's count of people instead of the estimate.
        as("officer").get(PATH + "/{id}/authority-notice", id).then().statusCode(200)
                .body("affectedPeople", equalTo(2)).body("affectedPeopleCounted", equalTo(true));

        act(id, "affected-set", Map.of("leadIds", List.of(first))).then().statusCode(200)
                .body("affected.leads", equalTo(1)).body("affected.people", equalTo(1));
    }

    @Test
    void leadsErasedAfterFreezingStayCountedAndCannotBeReached() {
        Instant from = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(800))
                .minus(Duration.ofMinutes(ThreadLocalRandom.current().nextInt(100_000)));
        Instant to = from.plus(Duration.ofMinutes(10));
        lead("WEB_FORM", Subjects.newEmail(), null, from.plusSeconds(1), null, "name");
        lead("WEB_FORM", Subjects.newEmail(), null, from.plusSeconds(2), null, "name");
        String id = breach(List.of("NAME"), List.of("WEB_FORM"));
        act(id, "affected-set", between(from, to)).then().statusCode(200)
                .body("affected.leads", equalTo(2)).body("affected.people", equalTo(2));

        retention.eraseExpired(); // both were received more than the retention period ago

        preview(id, between(from, to), "").then().statusCode(200).body("count", equalTo(0));
        read(id).then().body("affected.leads", equalTo(2)).body("affected.people", equalTo(2));
        authorityNotified(id);
        act(id, "subject-notices", null).then().statusCode(200).body("status", equalTo("SUBJECTS_NOTIFIED"))
                .body("affected.notified", equalTo(0)).body("affected.unreachable", equalTo(2))
                .body("affected.notifiedAt", notNullValue());
    }

    @Test
    void everyoneIsWrittenToOnceInTheirLanguageAndTheUnreachableAreCounted() {
        Instant at = window(60);
        String kk = Subjects.newEmail();
        String en = Subjects.newEmail();
        String ru = Subjects.newEmail();
        List<String> ids = List.of(
                lead("WEB_FORM", kk, null, at, null, "name"),
                lead("TELEGRAM_BOT", kk.toUpperCase(), null, at.plusSeconds(1), "kk", "message"),
                lead("WEB_FORM", en, null, at.plusSeconds(2), "en", "name"),
                lead("WEB_FORM", ru, null, at.plusSeconds(3), null, "name"),
                lead("WEB_FORM", null, Leads.uniquePhone(), at.plusSeconds(4), "en", "name"));
        String id = breach(List.of("NAME", "EMAIL", "MESSAGE"), List.of("WEB_FORM", "TELEGRAM_BOT"));

        act(id, "subject-notices", null).then().statusCode(409).body("currentStatus", equalTo("DETECTED"))
                .body("requestedStatus", equalTo("SUBJECTS_NOTIFIED"));
        authorityNotified(id);
        act(id, "subject-notices", null).then().statusCode(409)
                .body("type", containsString("affected-set-missing"));
        act(id, "affected-set", Map.of("leadIds", ids)).then().statusCode(200)
                .body("affected.leads", equalTo(5)).body("affected.people", equalTo(4));

        act(id, "subject-notices", null).then().statusCode(200).body("status", equalTo("SUBJECTS_NOTIFIED"))
                .body("affected.notified", equalTo(3)).body("affected.unreachable", equalTo(1));
        act(id, "subject-notices", null).then().statusCode(409).body("currentStatus", equalTo("SUBJECTS_NOTIFIED"));
        act(id, "affected-set", Map.of("leadIds", ids)).then().statusCode(409)
                .body("type", containsString("affected-set-locked"));

        String reference = read(id).path("reference");
        // Either of the person's addresses (the same mailbox, spelled in two cases), once.
        List<Mail> toKk = new ArrayList<>(subjects.mailTo(kk));
        toKk.addAll(subjects.mailTo(kk.toUpperCase()));
        assertThat(toKk).hasSize(1);
        assertThat(toKk.getFirst().getSubject()).contains("қауіпсіздігі бұзылды").contains(reference);
        assertThat(toKk.getFirst().getText()).contains("A copy of the form's leads was readable without a login.")
                .contains("аты").contains("хабарламаңыздың мәтіні").contains("электрондық пошта мекенжайы")
                .contains("The copy was deleted and the access closed.").contains("7.6").contains("@");
        List<Mail> toEn = subjects.mailTo(en);
        assertThat(toEn).hasSize(1);
        assertThat(toEn.getFirst().getSubject()).isEqualTo("Breach of the security of your personal data (" + reference + ")");
        assertThat(toEn.getFirst().getText()).contains("Which of your data was involved:").contains("- name")
                .contains("- e-mail address").doesNotContain("the text of your message")
                .contains("clause 7.6").contains("What you can do");
        assertThat(toEn.getFirst().getHtml()).contains("<li>name</li>").contains("lang=\"en\"");
        List<Mail> toRu = subjects.mailTo(ru);
        assertThat(toRu).hasSize(1);
        assertThat(toRu.getFirst().getSubject()).contains("Нарушение безопасности ваших персональных данных");

        // The trail: counts only; the mails are filed under the breach and the person's pseudonym.
        List<String> trail = AuditLog.lines("request=" + reference);
        assertThat(trail.stream().filter(l -> l.contains("BREACH_SUBJECTS_NOTIFIED")).toList()).singleElement()
                .satisfies(l -> assertThat(l).contains("\"notified\":3").contains("\"unreachable\":1")
                        .doesNotContain("readable without a login").doesNotContain(en));
        assertThat(trail.stream().filter(l -> l.contains("MAIL_QUEUED")).count()).isEqualTo(3);
        assertThat(String.join("\n", trail)).doesNotContain("A copy of the form's leads").doesNotContain(kk).doesNotContain(kk.toUpperCase());
    }

    @Test
    void twoConcurrentCallsQueueEachPersonOnce() throws Exception {
        Instant at = window(60);
        List<String> emails = List.of(Subjects.newEmail(), Subjects.newEmail(), Subjects.newEmail());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < emails.size(); i++) {
            ids.add(lead("WEB_FORM", emails.get(i), null, at.plusSeconds(i), null, "name"));
            ids.add(lead("WEB_FORM", emails.get(i), null, at.plusSeconds(10 + i), null, "name"));
        }
        String id = breach(List.of("NAME"), List.of("WEB_FORM"));
        authorityNotified(id);
        act(id, "affected-set", Map.of("leadIds", ids)).then().statusCode(200).body("affected.people", equalTo(3));
        String current = etag(id);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return as("officer").header("If-Match", current).post(PATH + "/{id}/subject-notices", id)
                        .statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = calls.stream().map(CompletableFuture::join).toList();
        assertThat(statuses).containsOnlyOnce(200);
        assertThat(statuses).allMatch(s -> s == 200 || s == 409 || s == 412);
        for (String email : emails) {
            assertThat(subjects.mailTo(email)).as("notices to one person").hasSize(1);
        }
        read(id).then().body("affected.notified", equalTo(3)).body("affected.unreachable", equalTo(0));

        // A retry of a person's notice (another replica, a repeated round) finds the claim and queues nothing.
        UUID breachId = UUID.fromString(id);
        String anyone = QuarkusTransaction.requiringNew().call(() -> breachSubjects.subjectKeysAfter(breachId, null, 1)
                .getFirst());
        assertThat(QuarkusTransaction.requiringNew().call(() -> breachSubjects.claimNotice(breachId, anyone,
                UUID.randomUUID(), "ru", clock.instant()))).isFalse();
    }

    @Test
    void badSelectionsAreRefusedAndChangeNothing() {
        Instant from = window(60);
        String id = breach(List.of("NAME"), List.of("WEB_FORM"));
        String before = etag(id);
        List<Map<String, Object>> bad = List.of(
                Map.of("dataCategories", List.of("SHOE_SIZE")),
                between(from, from),
                between(from.plusSeconds(60), from),
                Map.of("leadIds", List.of(UUID.randomUUID().toString())),
                Map.of("leadIds", java.util.stream.Stream.generate(() -> UUID.randomUUID().toString()).limit(1001)
                        .toList()),
                Map.of("leadIds", List.of(lead("WEB_FORM", Subjects.newEmail(), null, from, null, "name")),
                        "sources", List.of("WEB_FORM")),
                Map.of("sources", List.of()));
        for (Map<String, Object> selection : bad) {
            preview(id, selection, "").then().statusCode(400).contentType(containsString("application/problem+json"))
                    .body("type", containsString("validation"));
            as("officer").header("If-Match", before).body(selection).post(PATH + "/{id}/affected-set", id).then()
                    .statusCode(400).contentType(containsString("application/problem+json"));
        }
        preview(id, between(from, from.plusSeconds(60)), "?limit=0").then().statusCode(400);
        preview(id, between(from, from.plusSeconds(60)), "?cursor=nonsense").then().statusCode(400);
        as("officer").body(between(from, from.plusSeconds(60))).post(PATH + "/{id}/affected-set", id).then()
                .statusCode(428);
        read(id).then().header("ETag", equalTo(before)).body("affected", nullValue());
        assertThat(AuditLog.typesOf((String) read(id).path("reference"))).doesNotContain("BREACH_AFFECTED_SET_FROZEN");
    }

    @Test
    void leadsKeepTheirLanguageAndRefuseAnUnknownOne() {
        Map<String, Object> body = Leads.body(Subjects.newEmail(), null, "WEB_FORM");
        body.put("locale", "kk");
        String id = Leads.store(body);
        Leads.get(id).then().statusCode(200).body("locale", equalTo("kk"));
        body.put("locale", "de");
        Leads.asIngest().body(body).post("/api/v1/leads").then().statusCode(400)
                .body("errors.field", hasItem(containsString("locale")));
        String without = Leads.store(Leads.body(Subjects.newEmail(), null, "WEB_FORM"));
        Leads.get(without).then().statusCode(200).body("locale", nullValue());
    }
}
