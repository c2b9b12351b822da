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
import java.util.List;
import java.util.UUID;
import kz.region715.dsr.notification.HostileSmtpServer.Behaviour;
import kz.region715.dsr.platform.jobs.BatchResult;
import kz.region715.dsr.request.SubjectRequestRepository;
import kz.region715.dsr.request.TimelineEntry;
import kz.region715.dsr.support.AuditLog;
import kz.region715.dsr.support.Awaited;
import kz.region715.dsr.support.Subjects;
import kz.region715.dsr.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service's SMTP client against a hostile relay on a real socket, one behaviour per test: each conversation
 * ends within its step's limit, its connection closed; what was not delivered is retried with backoff, a 5xx for
 * the recipient fails the message at once, and a message carries one Message-ID on every try.
 */
@QuarkusTest
@TestProfile(HostileSmtpProfile.class)
class HostileSmtpTest {

    private static final Duration SAFETY = Duration.ofSeconds(30);

    @Inject
    OutboxSender sender;
    @Inject
    TestClock clock;
    @Inject
    EntityManager em;
    @Inject
    SubjectRequestRepository requests;

    HostileSmtpServer relay = HostileSmtpResource.server();

    @BeforeEach
    void drain() {
        relay.reset();
        clock.advance(Duration.ofDays(1));
        sender.deliverDue();
        clock.reset();
    }

    @AfterEach
    void restore() {
        relay.endStalls(false);
        relay.reset();
        clock.reset();
    }

    @Test
    void aRelayThatNeverGreetsIsLeftAndTheMailRetried() {
        relay.next(Behaviour.NO_GREETING);
        assertRetriedThenSentOnce("greeting", true);
    }

    @Test
    void aRelayThatStallsAfterMailFromIsLeftAndTheMailRetried() {
        relay.next(Behaviour.STALL_AFTER_MAIL_FROM);
        assertRetriedThenSentOnce("MAIL FROM", true);
    }

    @Test
    void aRelayThatDropsTheConnectionMidConversationIsRetried() {
        relay.next(Behaviour.DROP_AFTER_RCPT);
        assertRetriedThenSentOnce("at RCPT TO", false);
    }

    @Test
    void a421GreetingIsRetried() {
        relay.next(Behaviour.REPLY_421);
        assertRetriedThenSentOnce("SMTP 421 at greeting", false);
    }

    @Test
    void a451AfterTheDataIsRetriedAndNothingWasKept() {
        relay.next(Behaviour.REPLY_451_AFTER_DATA);
        assertRetriedThenSentOnce("SMTP 451 at final reply", false);
    }

    @Test
    void aReplyTricklingInAByteAtATimeIsCutAtItsStepsLimit() {
        relay.byteDelay(Duration.ofMillis(100)); // the 22-byte greeting would take 2.2 s; its limit is 1 s
        relay.next(Behaviour.BYTE_AT_A_TIME);
        assertRetriedThenSentOnce("greeting", true);
    }

    @Test
    void aRelayThatStallsAfterTheFinalDotMakesAnAmbiguousTryAndTheRepeatCarriesTheSameMessageId() {
        String email = newEmail();
        String id = file(email);
        relay.next(Behaviour.STALL_AFTER_DATA);

        assertThat(sender.deliverDue()).isEqualTo(new BatchResult(0, 1));
        OutboxMessage first = messageFor(id);
        assertThat(first.status).isEqualTo(OutboxMessage.Status.PENDING);
        assertThat(first.ambiguousTries).isEqualTo(1);
        assertThat(first.tries).isEqualTo(1);
        assertThat(first.lastError).contains("final reply").doesNotContain(email);
        assertThat(first.leaseOwner).isNull();
        Awaited.until("the stalled conversation closed by the client", SAFETY, () -> relay.stalledNow() == 0);

        clock.advance(Duration.ofSeconds(31));
        assertThat(sender.deliverDue()).isEqualTo(new BatchResult(1, 0));
        List<HostileSmtpServer.Received> copies = relay.receivedBy(email);
        assertThat(copies).as("the relay had the data of both tries").hasSize(2);
        assertThat(copies).extracting(HostileSmtpServer.Received::messageId).containsOnly(first.messageId);
        OutboxMessage sent = messageFor(id);
        assertThat(sent.status).isEqualTo(OutboxMessage.Status.SENT);
        assertThat(sent.tries).isEqualTo(2);
        assertThat(sent.ambiguousTries).isEqualTo(1);
    }

    @Test
    void a550ForTheRecipientFailsTheMessageAtOnceOnTheCaseAndInTheTrailWithoutTheAddress() {
        String refused = newEmail();
        String other = newEmail();
        relay.refuse(refused::equals);
        String refusedId = file(refused);
        String otherId = file(other);

        assertThat(sender.deliverDue()).isEqualTo(new BatchResult(1, 1));

        OutboxMessage failed = messageFor(refusedId);
        assertThat(failed.status).isEqualTo(OutboxMessage.Status.FAILED);
        assertThat(failed.attempts).isEqualTo(1);
        assertThat(failed.lastError).isEqualTo("SMTP 550 at RCPT TO");
        assertThat(messageFor(otherId).status).isEqualTo(OutboxMessage.Status.SENT);
        assertThat(relay.receivedBy(refused)).isEmpty();
        assertThat(relay.receivedBy(other)).hasSize(1);
        assertThat(AuditLog.lines("type=MAIL_REFUSED")).anyMatch(l -> l.contains(failed.id.toString())
                && l.contains("SMTP 550") && !l.contains(refused));
        List<TimelineEntry.Kind> timeline = QuarkusTransaction.requiringNew().call(() ->
                requests.require(UUID.fromString(refusedId)).timeline().stream().map(TimelineEntry::kind).toList());
        assertThat(timeline).as("the officers see the subject could not be reached").contains(
                TimelineEntry.Kind.MAIL_FAILED);

        // Not retried: no later round tries it again.
        clock.advance(Duration.ofHours(2));
        sender.deliverDue();
        assertThat(messageFor(refusedId).tries).isEqualTo(1);
    }

    @Test
    void everyTryCarriesTheStoredMessageId() {
        String email = newEmail();
        String id = file(email);
        assertThat(sender.deliverDue().done()).isEqualTo(1);
        OutboxMessage sent = messageFor(id);
        assertThat(sent.messageId).matches("<" + sent.id + "@region715\\.kz>");
        assertThat(relay.receivedBy(email)).singleElement()
                .satisfies(r -> assertThat(r.messageId()).isEqualTo(sent.messageId));
    }

    /**
     * The first try meets the misbehaviour and ends (connection closed); the retry is delivered, once. A try cut by
     * a step's limit before the data ({@code stalled}) is retried at once, any other after the backoff.
     */
    private void assertRetriedThenSentOnce(String step, boolean stalled) {
        String email = newEmail();
        String id = file(email);

        assertThat(sender.deliverDue()).isEqualTo(new BatchResult(0, 1));
        OutboxMessage retried = messageFor(id);
        assertThat(retried.status).isEqualTo(OutboxMessage.Status.PENDING);
        assertThat(retried.attempts).isEqualTo(1);
        assertThat(retried.ambiguousTries).isZero();
        assertThat(retried.lastError).contains(step).doesNotContain(email);
        assertThat(retried.leaseOwner).isNull();
        if (stalled) {
            assertThat(retried.nextAttemptAt).isBeforeOrEqualTo(clock.instant());
        } else {
            assertThat(retried.nextAttemptAt).isAfter(clock.instant().plusSeconds(20));
            assertThat(sender.deliverDue()).as("backing off").isEqualTo(BatchResult.NOTHING);
            clock.advance(Duration.ofSeconds(31));
        }
        assertThat(relay.receivedBy(email)).isEmpty();
        Awaited.until("the relay's connections closed by the client", SAFETY, () -> relay.openConnections() == 0);

        assertThat(sender.deliverDue()).isEqualTo(new BatchResult(1, 0));
        OutboxMessage sent = messageFor(id);
        assertThat(sent.status).isEqualTo(OutboxMessage.Status.SENT);
        assertThat(sent.tries).isEqualTo(2);
        assertThat(relay.receivedBy(email)).singleElement()
                .satisfies(r -> assertThat(r.messageId()).isEqualTo(sent.messageId));
    }

    private static String file(String email) {
        return Subjects.fileOk(access(email));
    }

    private OutboxMessage messageFor(String requestId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "from OutboxMessage m where m.requestId = :id", OutboxMessage.class)
                .setParameter("id", UUID.fromString(requestId))
                .getSingleResult());
    }
}
