package kz.region715.dsr.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.region715.dsr.platform.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * Scenario 2: the SMTP server is down while 50 requests are filed, then comes back. Every subject gets exactly
 * one verification mail and nothing stays in the outbox. The outbox retries after 2 s here (production: 30 s,
 * doubling), so the scenario does not wait for the production backoff.
 */
class SmtpOutageIT {

    private static final int SUBJECTS = 50;
    private final Figures figures = new Figures("2 SMTP outage");

    @Test
    void everySubjectGetsExactlyOneVerificationMailAfterTheOutage() {
        try (Rig rig = new Rig("s2")) {
            App app = rig.start("s2-app", Map.of("DSR_OUTBOX_INITIAL_BACKOFF", "PT2S", "DSR_OUTBOX_MAX_BACKOFF", "PT4S"));
            Api api = new Api(app);
            rig.mail.stop();
            List<String> emails = new ArrayList<>();
            for (int i = 0; i < SUBJECTS; i++) {
                String email = Api.newEmail();
                api.fileOk("ACCESS", email);
                emails.add(email);
            }
            Await.until("every verification mail tried and failed at least once", Duration.ofSeconds(60),
                    () -> rig.count("select count(*) from outbox_message where attempts > 0") >= SUBJECTS);
            long failedTries = rig.count("select coalesce(sum(attempts), 0) from outbox_message");
            long sentDuringOutage = rig.count("select count(*) from outbox_message where status = 'SENT'");
            rig.mail.start();
            long back = System.nanoTime();
            Duration delivered = Await.until("a mail to every subject", Duration.ofSeconds(60),
                    () -> emails.stream().allMatch(e -> !rig.mail.to(e).isEmpty()));
            Await.until("outbox drained", Duration.ofSeconds(30),
                    () -> rig.count("select count(*) from outbox_message where status <> 'SENT'") == 0);
            // A double send would come on a later round: give the sender a few more polls.
            Await.sleep(Duration.ofSeconds(3));
            Map<String, Long> perSubject = rig.mail.countByRecipient();
            long lost = emails.stream().filter(e -> perSubject.getOrDefault(e, 0L) == 0).count();
            long doubled = emails.stream().filter(e -> perSubject.getOrDefault(e, 0L) > 1).count();
            long stuck = rig.count("select count(*) from outbox_message where status <> 'SENT'");
            int pendingViaApi = api.get("/api/v1/admin/outbox?status=PENDING", Roles.ADMIN).expect(200).json().size();
            int failedViaApi = api.get("/api/v1/admin/outbox?status=FAILED", Roles.ADMIN).expect(200).json().size();
            figures.print("subjects %d; failed tries during the outage %d (sent %d); delivered to all %d ms after"
                            + " SMTP returned; lost %d; doubled %d; outbox not SENT %d (API: pending %d, failed %d)",
                    SUBJECTS, failedTries, sentDuringOutage, delivered.toMillis(), lost, doubled, stuck,
                    pendingViaApi, failedViaApi);
            assertThat(sentDuringOutage).as("mails marked sent while SMTP was down").isZero();
            assertThat(lost).as("subjects without a verification mail").isZero();
            assertThat(doubled).as("subjects with more than one verification mail").isZero();
            assertThat(stuck + pendingViaApi + failedViaApi).as("mails left in the outbox").isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - back)).isPositive();
        }
    }
}
