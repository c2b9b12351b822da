package kz.region715.dsr.telegram;

import static io.restassured.RestAssured.given;
import static kz.region715.dsr.support.Cases.act;
import static kz.region715.dsr.support.Cases.asOfficer;
import static kz.region715.dsr.support.Cases.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.region715.dsr.execution.ExecutionWorker;
import kz.region715.dsr.notification.OutboxSender;
import kz.region715.dsr.platform.telegram.TelegramLogin;
import kz.region715.dsr.support.AuditLog;
import kz.region715.dsr.support.FakeTelegramApi;
import kz.region715.dsr.support.Leads;
import kz.region715.dsr.support.LogCapture;
import kz.region715.dsr.support.TestClock;
import org.junit.jupiter.api.Test;

/**
 * Subjects who came through the Telegram bot: the bot back end files for them, they verify in Telegram (a code sent to
 * their chat, relayed by the bot; or Telegram's Login Widget), their leads are found by their Telegram id, and every
 * message reaches their chat once, in their language, through a fake Bot API on a real HTTP server.
 */
@QuarkusTest
class TelegramBotTest {

    private static final Pattern CODE = Pattern.compile("(?m)^(\\d{6})$"); // on a line of its own
    private static final Pattern STATUS_LINK = Pattern.compile("#request=([0-9a-f-]{36})&token=([A-Za-z0-9_-]+)");
    private static final Pattern PACKAGE_LINK =
            Pattern.compile("/api/v1/requests/([0-9a-f-]{36})/package\\?lang=(\\w\\w)&token=([A-Za-z0-9_-]+)");

    private final FakeTelegramApi telegram = FakeTelegramApi.get();

    @Inject
    OutboxSender sender;
    @Inject
    ExecutionWorker worker;
    @Inject
    TestClock clock;
    @Inject
    EntityManager em;

    static RequestSpecification asBot() {
        return given().auth().preemptive().basic("bot", "bot").contentType(ContentType.JSON);
    }

    static Map<String, Object> filing(String userId, String type, String locale) {
        Map<String, Object> body = new HashMap<>(Map.of("type", type, "telegramUserId", userId, "name", "Айгерим",
                "locale", locale));
        return body;
    }

    static Response fileFromBot(Object body) {
        return asBot().body(body).post("/api/v1/bot/requests");
    }

    static Response relay(String id, String userId, String code) {
        return asBot().body(Map.of("telegramUserId", userId, "code", code))
                .post("/api/v1/bot/requests/{id}/verification", id);
    }

    /** Runs the outbox and answers the messages the fake Bot API recorded for {@code userId}'s chat. */
    private List<FakeTelegramApi.Sent> chat(String userId) {
        sender.deliverDue();
        return telegram.to(userId);
    }

    private static String code(String text) {
        Matcher code = CODE.matcher(text);
        assertThat(code.find()).as("a six-digit code in the message").isTrue();
        return code.group(1);
    }

    /** Files from the bot and verifies with the code the chat received; answers the request id. */
    private String filedAndVerified(String userId, String type, String locale) {
        String id = fileFromBot(filing(userId, type, locale)).then().statusCode(202).extract().path("id");
        relay(id, userId, code(chat(userId).getLast().text())).then().statusCode(200);
        return id;
    }

    @Test
    void aBotUserFilesVerifiesInTelegramAndHearsBackOnceInTheirLanguage() {
        String user = FakeTelegramApi.newUserId();
        String phone = Leads.uniquePhone();
        Map<String, Object> fromBot = Leads.body(null, null, "TELEGRAM_BOT");
        fromBot.put("telegramUserId", user);
        String botLead = Leads.store(fromBot);
        String phoneOnly = Leads.store(null, phone, "WEB_FORM");
        LogCapture logs = new LogCapture();
        logs.start();
        try {
            Map<String, Object> body = filing(user, "ACCESS", "kk");
            body.put("phone", phone);
            Response filed = fileFromBot(body);
            filed.then().statusCode(202).body("status", equalTo("PENDING_VERIFICATION"));
            String id = filed.path("id");
            String reference = filed.path("reference");

            List<FakeTelegramApi.Sent> messages = chat(user);
            assertThat(messages).hasSize(1);
            assertThat(messages.getFirst().text()).contains(reference).contains("Telegram аккаунты")
                    .doesNotContain("#request=");
            String code = code(messages.getFirst().text());

            // only the user the request was filed for can prove it; a wrong code counts as for e-mail
            relay(id, FakeTelegramApi.newUserId(), code).then().statusCode(404);
            relay(id, user, code.equals("000000") ? "000001" : "000000").then().statusCode(422)
                    .body("attemptsLeft", equalTo(4));
            relay(id, user, code).then().statusCode(200).body("status", equalTo("OPEN"));
            relay(id, user, code).then().statusCode(409);

            messages = chat(user);
            assertThat(messages).hasSize(2);
            assertThat(messages.get(1).text()).contains("Telegram аккаунтыңыз расталды").contains(reference);
            Matcher status = STATUS_LINK.matcher(messages.get(1).text());
            assertThat(status.find()).as("status link in the acknowledgement").isTrue();
            given().header("X-Request-Token", status.group(2)).get("/api/v1/requests/{id}", id).then()
                    .statusCode(200).body("status", equalTo("OPEN"));

            // the verified Telegram id finds the bot's lead; the phone alone is only a suggestion
            asOfficer().get("/api/v1/cases/{id}/matches", id).then().statusCode(200)
                    .body("leads.find { it.lead.id == '" + botLead + "' }.matchedBy", contains("TELEGRAM"))
                    .body("leads.find { it.lead.id == '" + botLead + "' }.included", equalTo(true))
                    .body("leads.find { it.lead.id == '" + phoneOnly + "' }.matchedBy", contains("PHONE"))
                    .body("leads.find { it.lead.id == '" + phoneOnly + "' }.included", equalTo(false))
                    .body("leads.find { it.lead.id == '" + phoneOnly + "' }.needsConfirmation", equalTo(true));
            read(id).then().body("subject.telegramUserId", equalTo(user)).body("channel", equalTo("TELEGRAM_BOT"));

            act(id, "approval", Map.of()).then().statusCode(200);
            worker.runDue("test-worker");
            read(id).then().body("status", equalTo("COMPLETED"));

            messages = chat(user);
            assertThat(messages).hasSize(3);
            Matcher link = PACKAGE_LINK.matcher(messages.get(2).text());
            assertThat(link.find()).as("package link in the completion message").isTrue();
            assertThat(link.group(2)).isEqualTo("kk");
            given().accept("application/json").get("/api/v1/requests/{id}/package?token=" + link.group(3), id)
                    .then().statusCode(200).body("leads.id", contains(botLead));

            // at least once, never twice
            assertThat(chat(user)).hasSize(3);
            assertThat(messages).allSatisfy(m -> assertThat(m.body().has("parse_mode")).isFalse());
        } finally {
            logs.stop();
        }
        assertThat(logs.lines()).allSatisfy(line -> assertThat(line.text()).doesNotContain(FakeTelegramApi.TOKEN)
                .doesNotContain("TEST-only-token").doesNotContain(user).doesNotContain(phone));
        assertThat(telegram.refusedTokens()).isZero();
    }

    @Test
    void anOfficersQuestionReachesTheChatAsWrittenInPlainText() {
        String user = FakeTelegramApi.newUserId();
        String id = filedAndVerified(user, "ACCESS", "en");
        read(id).then().body("status", equalTo("OPEN"));
        act(id, "questions", Map.of("text", "Which <b>bot</b> chat & phone did you use?")).then().statusCode(200);
        List<FakeTelegramApi.Sent> messages = chat(user);
        assertThat(messages).hasSize(3);
        assertThat(messages).anySatisfy(m -> assertThat(m.text()).contains("Which <b>bot</b> chat & phone did you use?"));
    }

    @Test
    void tooManyRequestsIsWaitedOutAndNotCountedAsAFailure() {
        String user = FakeTelegramApi.newUserId();
        telegram.throttle(user, 1, 30);
        String id = fileFromBot(filing(user, "ACCESS", "ru")).then().statusCode(202).extract().path("id");

        assertThat(chat(user)).isEmpty();
        Object[] row = outboxRow(id);
        assertThat(row[0]).isEqualTo("PENDING");
        assertThat(((Number) row[1]).intValue()).as("attempts").isZero();
        assertThat(chat(user)).as("not before retry_after").isEmpty();

        clock.advance(Duration.ofSeconds(31));
        List<FakeTelegramApi.Sent> messages = chat(user);
        assertThat(messages).hasSize(1);
        assertThat(messages.getFirst().text()).contains("аккаунт Telegram");
        assertThat(outboxRow(id)[0]).isEqualTo("SENT");
        assertThat(AuditLog.typesOf(reference(id)))
                .contains("MAIL_POSTPONED", "MAIL_DELIVERED");
    }

    @Test
    void aUserWhoBlockedTheBotIsMarkedUnreachableOnTheCase() {
        String user = FakeTelegramApi.newUserId();
        String id = filedAndVerified(user, "ACCESS", "en");
        assertThat(chat(user)).hasSize(2);
        telegram.block(user);
        act(id, "questions", Map.of("text", "Which number did you give?")).then().statusCode(200);
        assertThat(chat(user)).hasSize(2);

        read(id).then().body("subject.unreachableSince", notNullValue())
                .body("timeline.kind", hasItem("SUBJECT_UNREACHABLE"));
        Object[] row = outboxRow(id);
        assertThat(row[0]).as("not retried").isEqualTo("FAILED");
        assertThat(row[2]).isEqualTo("telegram-403");
        String reference = reference(id);
        List<String> trail = AuditLog.lines("request=" + reference);
        assertThat(trail).anySatisfy(line -> assertThat(line).contains("SUBJECT_UNREACHABLE"));
        assertThat(String.join("\n", trail)).doesNotContain(user);
    }

    @Test
    void theLoginWidgetVerifiesWhenTelegramSignedItAndIsRefusedOtherwise() {
        String user = FakeTelegramApi.newUserId();
        String id = fileFromBot(filing(user, "ACCESS", "en")).then().statusCode(202).extract().path("id");
        String now = String.valueOf(clock.instant().getEpochSecond());

        Map<String, String> data = new HashMap<>(Map.of("id", user, "first_name", "Aigerim", "username", "aigerim",
                "auth_date", now));
        Map<String, String> wrong = new HashMap<>(data);
        wrong.put("hash", TelegramLogin.sign(data, "987654321:another-bot"));
        login(id, wrong).then().statusCode(422).body("type", containsString("verification-failed"))
                .body("attemptsLeft", equalTo(4));
        Map<String, String> tampered = new HashMap<>(data);
        tampered.put("hash", TelegramLogin.sign(data, FakeTelegramApi.TOKEN));
        tampered.put("first_name", "Someone else");
        login(id, tampered).then().statusCode(422).body("attemptsLeft", equalTo(3));
        Map<String, String> other = new HashMap<>(data);
        other.put("id", FakeTelegramApi.newUserId());
        other.put("hash", TelegramLogin.sign(other, FakeTelegramApi.TOKEN));
        login(id, other).then().statusCode(422).body("attemptsLeft", equalTo(2));
        Map<String, String> stale = new HashMap<>(data);
        stale.put("auth_date", String.valueOf(clock.instant().minus(Duration.ofHours(2)).getEpochSecond()));
        stale.put("hash", TelegramLogin.sign(stale, FakeTelegramApi.TOKEN));
        login(id, stale).then().statusCode(410).body("type", containsString("verification-expired"));

        Map<String, String> good = new HashMap<>(data);
        good.put("hash", TelegramLogin.sign(data, FakeTelegramApi.TOKEN));
        login(id, good).then().statusCode(200).body("status", equalTo("OPEN"));
        login(id, good).then().statusCode(409);
        assertThat(AuditLog.typesOf(reference(id))).contains("VERIFICATION_TELEGRAM_LOGIN");
    }

    @Test
    void theBotsFilingIsCheckedAsTheIntakeIsAndOnlyTheBotMayFile() {
        String user = FakeTelegramApi.newUserId();
        Map<String, Object> withEmail = filing(user, "ACCESS", "ru");
        withEmail.put("email", "someone@example.kz");
        fileFromBot(withEmail).then().statusCode(400);
        fileFromBot(filing("12ab", "ACCESS", "ru")).then().statusCode(400)
                .body("errors.field", hasItem(containsString("telegramUserId")));
        fileFromBot(filing("0123", "ACCESS", "ru")).then().statusCode(400);
        Map<String, Object> badPhone = filing(user, "ACCESS", "ru");
        badPhone.put("phone", "12");
        fileFromBot(badPhone).then().statusCode(400).body("errors.field", hasItem(containsString("phone")));
        fileFromBot(filing(user, "CORRECTION", "ru")).then().statusCode(400);
        fileFromBot(filing(user, "ACCESS", "de")).then().statusCode(400);
        given().auth().preemptive().basic("ingest", "ingest").contentType(ContentType.JSON)
                .body(filing(user, "ACCESS", "ru")).post("/api/v1/bot/requests").then().statusCode(403);
        given().contentType(ContentType.JSON).body(filing(user, "ACCESS", "ru")).post("/api/v1/bot/requests")
                .then().statusCode(401);
        assertThat(chat(user)).isEmpty();
    }

    private static Response login(String id, Map<String, String> data) {
        return given().contentType(ContentType.JSON).body(data)
                .post("/api/v1/requests/{id}/verification/telegram-login", id);
    }

    private static String reference(String id) {
        AuditLog.sequence();
        return kz.region715.dsr.support.Cases.load(id).reference();
    }

    /** The newest outbox message of the request: status, attempts, last error. */
    private Object[] outboxRow(String id) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                        "select status, attempts, last_error from outbox_message where request_id = ?1"
                                + " order by created_at desc limit 1")
                .setParameter(1, java.util.UUID.fromString(id)).getSingleResult());
    }
}
