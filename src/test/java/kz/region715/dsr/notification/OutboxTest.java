package kz.region715.dsr.notification;

import static kz.region715.dsr.support.Subjects.access;
import static kz.region715.dsr.support.Subjects.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.region715.dsr.platform.jobs.BatchResult;
import kz.region715.dsr.support.Subjects;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxTest {

    @Inject
    OutboxSender sender;
    @Inject
    MockMailbox mailbox;
    @Inject
    EntityManager em;
    @Inject
    MailRenderer renderer;

    @Test
    void mailIsQueuedWithTheFilingAndSentOnlyByTheSender() {
        String email = newEmail();
        String id = Subjects.fileOk(access(email));
        assertThat(mailbox.getMailsSentTo(email)).isEmpty();
        OutboxMessage queued = messageFor(id);
        assertThat(queued.status).isEqualTo(OutboxMessage.Status.PENDING);
        assertThat(queued.kind).isEqualTo(MailKind.VERIFICATION);
        assertThat(queued.carriesSecret).isTrue();
        assertThat(queued.template).isEqualTo(MailTemplate.VERIFICATION);
        assertThat(queued.bodyText).as("rendered by the sender, not in the filing's transaction").isNull();
        assertThat(renderer.render(queued.template, queued.model).text()).contains("#request=" + id);
        assertThat(queued.requestRef).startsWith("DSR-");

        sender.deliverDue();
        assertThat(mailbox.getMailsSentTo(email)).hasSize(1);
        OutboxMessage sent = messageFor(id);
        assertThat(sent.status).isEqualTo(OutboxMessage.Status.SENT);
        assertThat(sent.sentAt).isNotNull();
        assertThat(sent.attempts).isZero();
        // The token and code must not outlive delivery.
        assertThat(sent.model).isNull();
        assertThat(sent.bodyText).isNull();
        assertThat(sent.bodyHtml).isNull();
        assertThat(sent.bodyPurgedAt).isNotNull();
        assertThat(mailbox.getMailsSentTo(email).getFirst().getText()).contains("#request=" + id);

        sender.deliverDue();
        assertThat(mailbox.getMailsSentTo(email)).hasSize(1);
    }

    @Test
    void twoSendersAtOnceSendEachMailExactlyOnce() throws Exception {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String email = newEmail();
            emails.add(email);
            Subjects.fileOk(access(email));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<BatchResult> run = sender::deliverDue;
            List<Future<BatchResult>> runs = pool.invokeAll(List.of(run, run));
            int delivered = 0;
            for (Future<BatchResult> result : runs) {
                assertThat(result.get().failed()).isZero();
                delivered += result.get().done();
            }
            assertThat(delivered).isGreaterThanOrEqualTo(emails.size());
        } finally {
            pool.shutdownNow();
        }
        for (String email : emails) {
            assertThat(mailbox.getMailsSentTo(email)).as("mails to one subject").hasSize(1);
        }
    }

    private OutboxMessage messageFor(String requestId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "from OutboxMessage m where m.requestId = :id", OutboxMessage.class)
                .setParameter("id", UUID.fromString(requestId))
                .getSingleResult());
    }
}
