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
import java.util.concurrent.CompletableFuture;
import kz.region715.dsr.platform.jobs.BatchResult;
import kz.region715.dsr.platform.jobs.JobRounds;
import kz.region715.dsr.support.Awaited;
import kz.region715.dsr.support.Subjects;
import kz.region715.dsr.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An SMTP server that stalls (accepts and never greets): the other mail still goes out; the stalled conversation is
 * closed at the greeting's limit and its mail is a failed try, retried later. No wall-clock assertion: the outcome
 * and the state of each message are what is checked.
 */
@QuarkusTest
@TestProfile(StallingSmtpProfile.class)
class SlowSmtpTest {

    @Inject
    OutboxSender sender;
    @Inject
    JobRounds rounds;
    @Inject
    TestClock clock;
    @Inject
    EntityManager em;

    @BeforeEach
    void drain() {
        StallingSmtpResource.release();
        clock.advance(Duration.ofDays(1));
        sender.deliverDue();
        clock.reset();
    }

    @AfterEach
    void restore() {
        StallingSmtpResource.release();
        rounds.resume();
        clock.reset();
    }

    @Test
    void aStalledServerHoldsUpOnlyItsOwnMessage() {
        List<String> requests = List.of(file(), file(), file(), file());
        StallingSmtpResource.stallNext(1);

        BatchResult result = sender.deliverDue();

        // The stalled conversation is closed at the greeting's limit; being a first stall, its message is retried
        // at once on a new connection, in the same run, while the others went out.
        assertThat(result).isEqualTo(new BatchResult(4, 1));
        List<OutboxMessage> messages = requests.stream().map(this::messageFor).toList();
        assertThat(messages).allMatch(m -> m.status == OutboxMessage.Status.SENT && m.leaseOwner == null);
        OutboxMessage stalled = messages.stream().filter(m -> m.tries == 2).findFirst().orElseThrow();
        assertThat(stalled.attempts).isEqualTo(1);
        assertThat(stalled.lastError).isNull();
        assertThat(messages).filteredOn(m -> m.tries == 1).hasSize(3);
        assertThat(StallingSmtpResource.stalledCount()).isEqualTo(1);
    }

    @Test
    void atShutdownMailNotYetTriedIsHandedBackAndNothingMoreIsTaken() {
        List<String> requests = List.of(file(), file(), file());
        StallingSmtpResource.stallAll();
        CompletableFuture<BatchResult> round = CompletableFuture.supplyAsync(sender::deliverDue);
        // Two conversations (the parallelism) wait for a greeting; the third message is not yet claimed.
        Awaited.until("two conversations stalled", Duration.ofSeconds(30),
                () -> StallingSmtpResource.stalledCount() == 2);
        rounds.stop();
        BatchResult result = round.join();

        assertThat(result).isEqualTo(new BatchResult(0, 2)); // two tried (and given up), the third never started
        List<OutboxMessage> messages = requests.stream().map(this::messageFor).toList();
        assertThat(messages).allMatch(m -> m.status == OutboxMessage.Status.PENDING && m.leaseOwner == null
                && m.leaseUntil == null);
        OutboxMessage untried = messages.stream().filter(m -> m.attempts == 0).findFirst().orElseThrow();
        assertThat(untried.nextAttemptAt).as("due at once, for another replica").isBeforeOrEqualTo(clock.instant());

        // After shutdown a round takes nothing.
        StallingSmtpResource.release();
        assertThat(sender.deliverDue()).isEqualTo(BatchResult.NOTHING);
        assertThat(rounds.run("Outbox sender", sender::deliverDue)).isFalse();
        assertThat(messageFor(untried.requestId.toString()).status).isEqualTo(OutboxMessage.Status.PENDING);
    }

    private static String file() {
        return Subjects.fileOk(access(newEmail()));
    }

    private OutboxMessage messageFor(String requestId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "from OutboxMessage m where m.requestId = :id", OutboxMessage.class)
                .setParameter("id", UUID.fromString(requestId))
                .getSingleResult());
    }
}
