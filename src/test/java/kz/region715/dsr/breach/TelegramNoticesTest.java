package kz.region715.dsr.breach;

import static kz.region715.dsr.breach.Breaches.act;
import static kz.region715.dsr.breach.Breaches.body;
import static kz.region715.dsr.breach.Breaches.read;
import static kz.region715.dsr.breach.Breaches.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import kz.region715.dsr.notification.OutboxSender;
import kz.region715.dsr.support.AuditLog;
import kz.region715.dsr.support.FakeTelegramApi;
import kz.region715.dsr.support.Leads;
import kz.region715.dsr.support.Subjects;
import kz.region715.dsr.support.TestClock;
import org.junit.jupiter.api.Test;

/** People known only through the Telegram bot are told of a breach in their chat; those with an e-mail by e-mail. */
@QuarkusTest
class TelegramNoticesTest {

    private final FakeTelegramApi telegram = FakeTelegramApi.get();

    @Inject
    TestClock clock;
    @Inject
    Subjects subjects;
    @Inject
    OutboxSender sender;

    private static String botLead(String telegramUserId, String email, String locale) {
        Map<String, Object> lead = Leads.body(email, null, "TELEGRAM_BOT");
        lead.put("telegramUserId", telegramUserId);
        if (locale != null) {
            lead.put("locale", locale);
        }
        return Leads.store(lead);
    }

    @Test
    void telegramOnlyPeopleAreToldInTheirChatOnceAndPeopleWithAnAddressByEmail() {
        String kk = FakeTelegramApi.newUserId();
        String withEmail = FakeTelegramApi.newUserId();
        String email = Subjects.newEmail();
        List<String> ids = List.of(botLead(kk, null, "kk"), botLead(kk, null, null), botLead(withEmail, email, "en"));
        Map<String, Object> breach = body(clock.instant().minusSeconds(3600));
        breach.put("dataCategories", List.of("NAME", "MESSAGE"));
        breach.put("sources", List.of("TELEGRAM_BOT"));
        breach.put("description", "The bot's message archive was readable without a login.");
        String id = register(breach).then().statusCode(201).extract().path("id");
        act(id, "authority-notification", Map.of("sentAt", clock.instant().minusSeconds(60).toString(),
                "channel", "PORTAL")).then().statusCode(200);
        act(id, "affected-set", Map.of("leadIds", ids)).then().statusCode(200)
                .body("affected.leads", equalTo(3)).body("affected.people", equalTo(2));

        act(id, "subject-notices", null).then().statusCode(200)
                .body("affected.notified", equalTo(2)).body("affected.unreachable", equalTo(0));

        String reference = read(id).path("reference");
        sender.deliverDue();
        List<FakeTelegramApi.Sent> chat = telegram.to(kk);
        assertThat(chat).hasSize(1);
        assertThat(chat.getFirst().text()).contains(reference).contains("қауіпсіздігі бұзылды")
                .contains("The bot's message archive was readable without a login.");
        assertThat(telegram.to(withEmail)).as("the person with an address is written to by e-mail").isEmpty();
        List<Mail> mails = subjects.mailTo(email);
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().getSubject()).contains(reference);

        sender.deliverDue();
        assertThat(telegram.to(kk)).as("once").hasSize(1);
        assertThat(String.join("\n", AuditLog.lines("request=" + reference))).doesNotContain(kk).doesNotContain(email);
    }
}
