package kz.region715.dsr.notification;

import static kz.region715.dsr.support.Subjects.access;
import static kz.region715.dsr.support.Subjects.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.UUID;
import kz.region715.dsr.notification.HostileSmtpServer.Behaviour;
import kz.region715.dsr.support.Awaited;
import kz.region715.dsr.support.Subjects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mail leaves when the filing commits, with no poll (the scheduler is off in tests), and a relay that never answers
 * one message's data holds no other message back: the others go out while that conversation waits.
 */
@QuarkusTest
@TestProfile(MailOnCommitProfile.class)
class MailOnCommitTest {

    private static final Duration SAFETY = Duration.ofSeconds(30);

    @Inject
    EntityManager em;

    HostileSmtpServer relay = HostileSmtpResource.server();

    @BeforeEach
    void reset() {
        relay.reset();
    }

    @AfterEach
    void endStalls() {
        relay.endStalls(false);
        relay.reset();
    }

    @Test
    void theVerificationMailLeavesWhenTheFilingCommits() {
        String email = newEmail();
        String id = Subjects.fileOk(access(email));

        Awaited.until("the verification mail at the relay", SAFETY, () -> relay.receivedBy(email).size() == 1);
        Awaited.until("the message recorded as sent", SAFETY,
                () -> messageFor(id).status == OutboxMessage.Status.SENT);
        assertThat(relay.receivedBy(email).getFirst().messageId()).isEqualTo(messageFor(id).messageId);
    }

    @Test
    void aFinalReplyAwaitedForLongHoldsNoOtherMailBack() {
        relay.next(Behaviour.STALL_AFTER_DATA);
        String slowEmail = newEmail();
        String slow = Subjects.fileOk(access(slowEmail));
        Awaited.until("the first mail's data taken and its answer withheld", SAFETY, () -> relay.stalledNow() == 1);

        // More than the parallelism (2): a conversation awaiting its final reply takes no place.
        for (int i = 0; i < 3; i++) {
            String email = newEmail();
            String id = Subjects.fileOk(access(email));
            Awaited.until("mail " + i + " sent while the first waits", SAFETY,
                    () -> messageFor(id).status == OutboxMessage.Status.SENT);
            assertThat(relay.receivedBy(email)).hasSize(1);
        }
        OutboxMessage waiting = messageFor(slow);
        assertThat(relay.stalledNow()).as("the first conversation still open").isEqualTo(1);
        assertThat(waiting.status).isEqualTo(OutboxMessage.Status.PENDING);
        assertThat(waiting.leaseOwner).as("claimed while its answer is awaited").isNotNull();

        relay.endStalls(true); // the relay answers 250 at last
        Awaited.until("the first mail recorded as sent", SAFETY,
                () -> messageFor(slow).status == OutboxMessage.Status.SENT);
        OutboxMessage sent = messageFor(slow);
        assertThat(sent.tries).isEqualTo(1);
        assertThat(sent.ambiguousTries).isZero();
        assertThat(relay.receivedBy(slowEmail)).hasSize(1);
    }

    private OutboxMessage messageFor(String requestId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "from OutboxMessage m where m.requestId = :id", OutboxMessage.class)
                .setParameter("id", UUID.fromString(requestId))
                .getSingleResult());
    }
}
