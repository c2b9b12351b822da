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
import kz.region715.dsr.platform.jobs.BatchResult;
import kz.region715.dsr.platform.jobs.JobRounds;
import kz.region715.dsr.support.Subjects;
import kz.region715.dsr.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An SMTP server that stalls: the other mail still goes out; the stalled mail is a failed try, retried later. */
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

        long start = System.nanoTime();
        BatchResult result = sender.deliverDue();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.done()).isGreaterThanOrEqualTo(3);
        assertThat(took).as("bounded by the 2 s send timeout, not by the stalled server").isLessThan(
                Duration.ofSeconds(8));
        List<OutboxMessage> messages = requests.stream().map(this::messageFor).toList();
        assertThat(messages).filteredOn(m -> m.status == OutboxMessage.Status.SENT).hasSize(3);
        OutboxMessage stalled = messages.stream().filter(m -> m.status == OutboxMessage.Status.PENDING)
                .findFirst().orElseThrow();
        assertThat(stalled.attempts).isEqualTo(1);
        assertThat(stalled.lastError).isEqualTo("TimeoutException");
        assertThat(stalled.leaseOwner).isNull();
        assertThat(stalled.nextAttemptAt).isAfter(clock.instant().plusSeconds(20));

        // Retried with backoff, like any failed try, and delivered once the server answers.
        StallingSmtpResource.release();
        clock.advance(Duration.ofSeconds(31));
        assertThat(sender.deliverDue().done()).isGreaterThanOrEqualTo(1);
        assertThat(messageFor(stalled.requestId.toString()).status).isEqualTo(OutboxMessage.Status.SENT);
    }

    @Test
    void atShutdownMailNotYetTriedIsHandedBackAndNothingMoreIsTaken() throws Exception {
        List<String> requests = List.of(file(), file(), file());
        StallingSmtpResource.stallAll();
        Thread stopper = new Thread(() -> {
            sleep(500);
            rounds.stop(); // while two sends are stalled
        });
        stopper.start();
        BatchResult result = sender.deliverDue();
        stopper.join();

        assertThat(result).isEqualTo(new BatchResult(0, 2)); // two tried (and timed out), the third never started
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private OutboxMessage messageFor(String requestId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "from OutboxMessage m where m.requestId = :id", OutboxMessage.class)
                .setParameter("id", UUID.fromString(requestId))
                .getSingleResult());
    }
}
