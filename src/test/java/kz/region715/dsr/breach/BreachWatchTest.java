package kz.region715.dsr.breach;

import static kz.region715.dsr.breach.Breaches.act;
import static kz.region715.dsr.breach.Breaches.read;
import static kz.region715.dsr.breach.Breaches.registered;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import kz.region715.dsr.notification.OutboxSender;
import kz.region715.dsr.support.TestClock;
import kz.region715.dsr.support.WatchRounds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BreachWatchTest {

    private static final String DPO = "dpo@region715.kz";

    @Inject
    BreachWatch watch;
    @Inject
    TestClock clock;
    @Inject
    OutboxSender sender;
    @Inject
    MockMailbox mailbox;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theDpoIsAlertedOncePerThresholdEvenWithTwoWatchersAtOnce() {
        String id = registered(clock.instant());
        String reference = read(id).then().extract().path("reference");
        Instant dueAt = Instant.parse(read(id).then().extract().path("authorityDeadline.dueAt"));
        // A breach whose notice is recorded, and one that needs none, are not watched.
        String notified = registered(clock.instant());
        act(notified, "authority-notification", Map.of("sentAt", clock.instant().toString(), "channel", "EMAIL"))
                .then().statusCode(200);
        String notNotifiable = registered(clock.instant());
        act(notNotifiable, "not-notifiable", Map.of("legalBasis", "Nothing exposed.", "reference", "Art. 1"))
                .then().statusCode(200);
        List<String> quiet = List.of(read(notified).then().extract().path("reference"),
                read(notNotifiable).then().extract().path("reference"));

        WatchRounds.twoAtOnceUntilQuiet(watch::run);
        assertThat(mailsMentioning(reference)).as("nothing is due yet").isEmpty();

        clock.advance(Duration.between(clock.instant(), dueAt.minus(Duration.ofHours(2))));
        WatchRounds.twoAtOnceUntilQuiet(watch::run);
        WatchRounds.twoAtOnceUntilQuiet(watch::run);
        List<Mail> dueSoon = mailsMentioning(reference);
        assertThat(dueSoon).as("due soon, once").hasSize(1);
        assertThat(dueSoon.getFirst().getSubject()).startsWith("Уведомления уполномоченного органа об утечках: скоро");

        clock.advance(Duration.ofHours(3));
        WatchRounds.twoAtOnceUntilQuiet(watch::run);
        WatchRounds.twoAtOnceUntilQuiet(watch::run);
        List<Mail> all = mailsMentioning(reference);
        assertThat(all).as("due soon and overdue, once each").hasSize(2);
        assertThat(all.get(1).getSubject()).contains("срок истёк");
        read(id).then().body("authorityDeadline.overdue", org.hamcrest.Matchers.equalTo(true));
        for (String other : quiet) {
            assertThat(mailsMentioning(other)).as(other).isEmpty();
        }

        // Recorded at last: no further alerts, and the register no longer counts it overdue.
        act(id, "authority-notification", Map.of("sentAt", clock.instant().toString(), "channel", "PORTAL"))
                .then().statusCode(200);
        clock.advance(Duration.ofDays(3));
        WatchRounds.twoAtOnceUntilQuiet(watch::run);
        assertThat(mailsMentioning(reference)).hasSize(2);
    }

    private List<Mail> mailsMentioning(String reference) {
        sender.deliverDue();
        return mailbox.getMailsSentTo(DPO).stream().filter(m -> m.getText().contains(reference)).toList();
    }
}
