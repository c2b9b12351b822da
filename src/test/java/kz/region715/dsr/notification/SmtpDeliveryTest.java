package kz.region715.dsr.notification;

import static io.restassured.RestAssured.given;
import static kz.region715.dsr.support.Subjects.access;
import static kz.region715.dsr.support.Subjects.newEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.region715.dsr.platform.jobs.BatchResult;
import kz.region715.dsr.support.Subjects;
import kz.region715.dsr.support.AuditLog;
import kz.region715.dsr.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The production mailer settings against a real SMTP server, including an outage. */
@QuarkusTest
@TestProfile(RealSmtpProfile.class)
class SmtpDeliveryTest {

    @Inject
    OutboxSender sender;
    @Inject
    TestClock clock;
    @Inject
    EntityManager em;

    @AfterEach
    void restore() {
        GreenMailResource.startServer();
        clock.reset();
    }

    @Test
    void theVerificationMailIsDeliveredOverSmtpAndItsCodeWorks() throws Exception {
        String email = newEmail();
        String id = Subjects.fileOk(access(email));
        deliverWithinOneRetry(id);

        MimeMessage message = receivedBy(email);
        assertThat(message.getSubject()).startsWith("Confirm your request DSR-");
        assertThat(message.getFrom()[0].toString()).isEqualTo("privacy@region715.kz");
        String body = GreenMailUtil.getBody(message);
        assertThat(body).contains("text/html").contains("text/plain");

        Matcher code = Pattern.compile("enter this code on the confirmation page:\\s+(\\d{6})").matcher(body);
        assertThat(code.find()).as("code in the delivered mail").isTrue();
        Subjects.verify(id, Map.of("code", code.group(1))).then().statusCode(200).body("status", equalTo("OPEN"));
    }

    @Test
    void mailQueuedDuringAnOutageGoesOutOnceTheServerIsBack() throws Exception {
        GreenMailResource.stopServer();
        String email = newEmail();
        // The outage never fails the subject's request.
        String id = Subjects.fileOk(access(email));

        BatchResult during = sender.deliverDue();
        assertThat(during.failed()).isGreaterThanOrEqualTo(1);
        OutboxMessage failed = messageFor(id);
        assertThat(failed.status).isEqualTo(OutboxMessage.Status.PENDING);
        assertThat(failed.attempts).isEqualTo(1);
        assertThat(failed.lastError).isNotBlank().doesNotContain(email);
        assertThat(failed.nextAttemptAt).isAfter(Instant.now().plusSeconds(20));
        assertThat(failed.model).as("the content stays for the next try").isNotNull();

        // Backing off: nothing is tried again before the next attempt is due.
        sender.deliverDue();
        assertThat(messageFor(id).attempts).isEqualTo(1);

        GreenMailResource.startServer();
        clock.advance(Duration.ofSeconds(31));
        deliverWithinOneRetry(id);

        assertThat(receivedBy(email).getSubject()).startsWith("Confirm your request");
        OutboxMessage sent = messageFor(id);
        assertThat(sent.status).isEqualTo(OutboxMessage.Status.SENT);
        assertThat(sent.model).isNull();
        assertThat(sent.bodyText).isNull();
    }

    @Test
    void mailThatKeepsFailingIsMarkedFailedAndAnAdminCanRequeueIt() throws Exception {
        GreenMailResource.stopServer();
        String email = newEmail();
        String id = Subjects.fileOk(access(email));
        sender.deliverDue();
        clock.advance(Duration.ofMinutes(2));
        sender.deliverDue();
        assertThat(messageFor(id).status).isEqualTo(OutboxMessage.Status.PENDING);
        clock.advance(Duration.ofMinutes(5));
        sender.deliverDue();
        OutboxMessage failed = messageFor(id);
        assertThat(failed.status).isEqualTo(OutboxMessage.Status.FAILED);
        assertThat(failed.attempts).isEqualTo(3);
        assertThat(AuditLog.lines("type=MAIL_FAILED")).anyMatch(l -> l.contains(failed.id.toString())
                && l.contains("\"attempts\":3") && !l.contains(email));

        given().auth().preemptive().basic("admin", "admin").queryParam("status", "FAILED")
                .get("/api/v1/admin/outbox").then()
                .statusCode(200)
                .body("id", hasItem(failed.id.toString()))
                .body("find { it.id == '" + failed.id + "' }.contentHeld", equalTo(true))
                .body("find { it.id == '" + failed.id + "' }", org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.hasKey("recipient")));

        given().auth().preemptive().basic("admin", "admin")
                .post("/api/v1/admin/outbox/{id}/requeue", failed.id).then()
                .statusCode(200).body("status", equalTo("PENDING"));
        given().auth().preemptive().basic("admin", "admin")
                .post("/api/v1/admin/outbox/{id}/requeue", failed.id).then()
                .statusCode(409).body("type", equalTo("https://dsr.region715.kz/problems/not-failed"));

        GreenMailResource.startServer();
        deliverWithinOneRetry(id);
        assertThat(receivedBy(email)).isNotNull();
        assertThat(messageFor(id).status).isEqualTo(OutboxMessage.Status.SENT);
    }

    private static MimeMessage receivedBy(String email) throws Exception {
        GreenMailResource.server().waitForIncomingEmail(5_000, 1);
        List<MimeMessage> mine = Arrays.stream(GreenMailResource.server().getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equals(email));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
        assertThat(mine).as("messages received for the subject").hasSize(1);
        return mine.getFirst();
    }

    /**
     * Runs the sender until the request's mail is sent, allowing one backed-off retry: an SMTP conversation
     * occasionally stalls until the mailer's timeout (seen with GreenMail after a restart), and the outbox's
     * retry is what recovers from that with a real server too.
     */
    private void deliverWithinOneRetry(String requestId) {
        sender.deliverDue();
        if (messageFor(requestId, OutboxMessage.Status.SENT) == null) {
            clock.advance(Duration.ofMinutes(5));
            sender.deliverDue();
        }
        assertThat(messageFor(requestId, OutboxMessage.Status.SENT)).as("sent within one retry").isNotNull();
    }

    private OutboxMessage messageFor(String requestId, OutboxMessage.Status status) {
        OutboxMessage message = messageFor(requestId);
        return message.status == status ? message : null;
    }

    private OutboxMessage messageFor(String requestId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "from OutboxMessage m where m.requestId = :id", OutboxMessage.class)
                .setParameter("id", UUID.fromString(requestId))
                .getSingleResult());
    }
}
