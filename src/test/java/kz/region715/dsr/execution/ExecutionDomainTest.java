package kz.region715.dsr.execution;

import static kz.region715.dsr.execution.Execution.Status.CANCELLED;
import static kz.region715.dsr.execution.Execution.Status.DONE;
import static kz.region715.dsr.execution.Execution.Status.FAILED;
import static kz.region715.dsr.execution.Execution.Status.QUEUED;
import static kz.region715.dsr.execution.Execution.Status.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import kz.region715.dsr.platform.domain.DomainRuleViolation;
import kz.region715.dsr.request.domain.RequestType;
import org.junit.jupiter.api.Test;

/**
 * The execution as a plain object, without the container or a database: queueing, claims and leases, the count
 * of tries, shutdown, the officer's retry, cancellation and the lifting of a restriction. The status table itself
 * is {@link ExecutionStatusTest}'s; the HTTP flows are {@link ExecutionTest}'s.
 */
class ExecutionDomainTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration BACKOFF = Duration.ofMinutes(1);
    /** When a first try that failed at NOW + 1 s is due again. */
    private static final Instant RETRY_AT = NOW.plusSeconds(1).plus(BACKOFF);

    @Test
    void aQueuedExecutionKeepsWhatItIsForAndIsDueAtOnce() {
        UUID requestId = UUID.randomUUID();
        Execution execution = Execution.queue(requestId, RequestType.RESTRICTION, "{\"reference\":\"DSR-1\"}", NOW);

        assertThat(execution.id()).isNotNull().isNotEqualTo(queued().id());
        assertThat(execution.requestId()).isEqualTo(requestId);
        assertThat(execution.type()).isEqualTo(RequestType.RESTRICTION);
        assertThat(execution.plan()).isEqualTo("{\"reference\":\"DSR-1\"}");
        assertThat(execution.status()).isEqualTo(QUEUED);
        assertThat(execution.attempts()).isZero();
        assertThat(execution.queuedAt()).isEqualTo(NOW);
        assertThat(execution.nextAttemptAt()).isEqualTo(NOW);
        assertThat(execution.startedAt()).isNull();
        assertThat(execution.finishedAt()).isNull();
        assertThat(execution.lastError()).isNull();
        assertThat(execution.liftedAt()).isNull();
        assertThat(execution.isClaimable(NOW)).isTrue();
        assertThat(execution.isClaimable(NOW.minusMillis(1))).as("before it is due").isFalse();
    }

    @Test
    void aClaimTakesALeaseCountsATryAndRecordsTheStart() {
        Execution execution = queued();
        execution.claim("worker-1", NOW, LEASE);

        assertThat(execution.status()).isEqualTo(RUNNING);
        assertThat(execution.attempts()).isEqualTo(1);
        assertThat(execution.startedAt()).isEqualTo(NOW);
        assertThat(execution.isHeldBy("worker-1", NOW)).isTrue();
        assertThat(execution.isHeldBy("worker-1", NOW.plus(LEASE).minusMillis(1))).isTrue();
        assertThat(execution.isHeldBy("worker-1", NOW.plus(LEASE).plusMillis(1))).as("the lease has run out")
                .isFalse();
        assertThat(execution.isHeldBy("worker-2", NOW)).as("another worker").isFalse();
    }

    @Test
    void nobodyElseClaimsItWhileTheLeaseIsLive() {
        Execution execution = queued();
        execution.claim("worker-1", NOW, LEASE);

        assertThat(execution.isClaimable(NOW.plus(LEASE).minusMillis(1))).isFalse();
        assertThatThrownBy(() -> execution.claim("worker-2", NOW.plusSeconds(1), LEASE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(execution.id().toString());
        assertThat(execution.isHeldBy("worker-1", NOW.plusSeconds(1))).isTrue();
        assertThat(execution.attempts()).isEqualTo(1);
    }

    @Test
    void aLeaseThatRanOutIsTakenOverAsAnotherTryFromTheSameStart() {
        Execution execution = queued();
        execution.claim("worker-1", NOW, LEASE);
        Instant later = NOW.plus(LEASE).plusSeconds(1);

        assertThat(execution.isClaimable(later)).isTrue();
        execution.claim("worker-2", later, LEASE);

        assertThat(execution.status()).isEqualTo(RUNNING);
        assertThat(execution.attempts()).isEqualTo(2);
        assertThat(execution.startedAt()).as("the first claim's start is kept").isEqualTo(NOW);
        assertThat(execution.isHeldBy("worker-2", later)).isTrue();
        assertThat(execution.isHeldBy("worker-1", later)).isFalse();
    }

    @Test
    void aRenewedLeaseKeepsTheExecutionHeldAndUnclaimable() {
        Execution execution = queued();
        execution.claim("worker-1", NOW, LEASE);
        Instant renewedAt = NOW.plus(LEASE).minusSeconds(1);
        execution.renew(renewedAt, LEASE);

        Instant pastTheFirstLease = NOW.plus(LEASE).plusSeconds(10);
        assertThat(execution.isHeldBy("worker-1", pastTheFirstLease)).isTrue();
        assertThat(execution.isClaimable(pastTheFirstLease)).isFalse();
        assertThat(execution.isClaimable(renewedAt.plus(LEASE).plusMillis(1))).isTrue();
        assertThat(execution.attempts()).as("renewing is not another try").isEqualTo(1);
    }

    @Test
    void doneReleasesTheLeaseRecordsTheEndAndForgetsAnEarlierError() {
        Execution execution = onItsSecondTry(3);
        assertThat(execution.lastError()).isEqualTo("Boom");
        execution.done(RETRY_AT.plusSeconds(5));

        assertThat(execution.status()).isEqualTo(DONE);
        assertThat(execution.finishedAt()).isEqualTo(RETRY_AT.plusSeconds(5));
        assertThat(execution.lastError()).isNull();
        assertThat(execution.attempts()).isEqualTo(2);
        assertThat(execution.isHeldBy("worker-1", RETRY_AT.plusSeconds(6))).isFalse();
        assertThat(execution.isClaimable(RETRY_AT.plus(LEASE).plus(LEASE))).as("done for good").isFalse();
    }

    @Test
    void aFailedTryReleasesTheLeaseKeepsTheErrorAndIsDueAfterTheBackoff() {
        Execution execution = queued();
        execution.claim("worker-1", NOW, LEASE);
        Instant failedAt = NOW.plusSeconds(30);

        assertThat(execution.attemptFailed("LeadStoreUnavailable", failedAt, 3, BACKOFF)).isFalse();

        assertThat(execution.status()).isEqualTo(QUEUED);
        assertThat(execution.lastError()).isEqualTo("LeadStoreUnavailable");
        assertThat(execution.finishedAt()).isNull();
        assertThat(execution.nextAttemptAt()).isEqualTo(failedAt.plus(BACKOFF));
        assertThat(execution.isHeldBy("worker-1", failedAt)).isFalse();
        assertThat(execution.isClaimable(failedAt.plus(BACKOFF).minusMillis(1))).isFalse();
        assertThat(execution.isClaimable(failedAt.plus(BACKOFF))).as("another worker may take the next try")
                .isTrue();
    }

    @Test
    void theLastAllowedTryThatFailsEndsTheExecutionFailed() {
        Execution execution = queued();
        execution.claim("worker-1", NOW, LEASE);

        assertThat(execution.attemptFailed("Boom", NOW.plusSeconds(1), 1, BACKOFF)).isTrue();

        assertThat(execution.status()).isEqualTo(FAILED);
        assertThat(execution.finishedAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(execution.lastError()).isEqualTo("Boom");
        assertThat(execution.isHeldBy("worker-1", NOW.plusSeconds(1))).isFalse();
        assertThat(execution.isClaimable(NOW.plus(Duration.ofDays(1)))).as("waits for an officer").isFalse();
    }

    @Test
    void aTryCutShortByShutdownIsDueAgainAtOnceWhateverTheCountOfTries() {
        Execution execution = onItsSecondTry(2);
        Instant stoppedAt = RETRY_AT.plusSeconds(3);

        execution.interrupted("InterruptedByShutdown", stoppedAt);

        assertThat(execution.attempts()).as("the tries are used up").isEqualTo(2);
        assertThat(execution.status()).as("but an interruption is not a failure").isEqualTo(QUEUED);
        assertThat(execution.nextAttemptAt()).isEqualTo(stoppedAt);
        assertThat(execution.lastError()).isEqualTo("InterruptedByShutdown");
        assertThat(execution.finishedAt()).isNull();
        assertThat(execution.isHeldBy("worker-1", stoppedAt)).isFalse();
        assertThat(execution.isClaimable(stoppedAt)).as("another worker continues without waiting").isTrue();
    }

    @Test
    void aRetryStartsTheCountOfTriesAfreshAndIsDueAtOnce() {
        Execution execution = failed();
        Instant retriedAt = NOW.plus(Duration.ofHours(2));

        execution.retry(retriedAt);

        assertThat(execution.status()).isEqualTo(QUEUED);
        assertThat(execution.attempts()).isZero();
        assertThat(execution.nextAttemptAt()).isEqualTo(retriedAt);
        assertThat(execution.finishedAt()).isNull();
        assertThat(execution.startedAt()).as("it continues from where it stopped").isEqualTo(NOW);
        assertThat(execution.isClaimable(retriedAt)).isTrue();
        execution.claim("worker-1", retriedAt, LEASE);
        assertThat(execution.attempts()).isEqualTo(1);
    }

    @Test
    void onlyAFailedExecutionCanBeRetriedAndTheRefusalIsNamed() {
        Execution waiting = queued();
        Execution running = queued();
        running.claim("worker-1", NOW, LEASE);

        for (Execution execution : new Execution[] {waiting, running}) {
            Execution.Status before = execution.status();
            assertThatThrownBy(() -> execution.retry(NOW)).isInstanceOfSatisfying(DomainRuleViolation.class, e -> {
                assertThat(e.kind()).isEqualTo(DomainRuleViolation.Kind.CONFLICT);
                assertThat(e.code()).isEqualTo("not-failed");
                assertThat(e.facts()).isEqualTo(Map.of("executionStatus", before.name()));
            });
            assertThat(execution.status()).isEqualTo(before);
        }
    }

    @Test
    void aTransitionTheTableRefusesFailsWithItsNamedReason() {
        Execution execution = queued();

        assertThatThrownBy(() -> execution.done(NOW)).isInstanceOfSatisfying(DomainRuleViolation.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainRuleViolation.Kind.CONFLICT);
            assertThat(e.code()).isEqualTo("execution-transition");
            assertThat(e.facts()).isEqualTo(Map.of("executionStatus", "QUEUED", "to", "DONE"));
        });
        assertThat(execution.status()).isEqualTo(QUEUED);
        assertThat(execution.finishedAt()).isNull();
    }

    @Test
    void aWaitingOrFailedExecutionIsCancelledAndNeverClaimed() {
        Execution waiting = queued();
        waiting.cancel(NOW.plusSeconds(1));
        assertThat(waiting.status()).isEqualTo(CANCELLED);
        assertThat(waiting.finishedAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(waiting.isClaimable(NOW.plus(Duration.ofDays(1)))).isFalse();

        Execution failed = failed();
        failed.cancel(NOW.plusSeconds(2));
        assertThat(failed.status()).isEqualTo(CANCELLED);
        assertThat(failed.finishedAt()).isEqualTo(NOW.plusSeconds(2));
        assertThatThrownBy(() -> failed.retry(NOW.plusSeconds(3))).isInstanceOf(DomainRuleViolation.class);
    }

    @Test
    void cancellingAgainOrAfterTheEndChangesNothing() {
        Execution cancelled = queued();
        cancelled.cancel(NOW);
        cancelled.cancel(NOW.plusSeconds(5));
        assertThat(cancelled.status()).isEqualTo(CANCELLED);
        assertThat(cancelled.finishedAt()).as("the first cancellation's time").isEqualTo(NOW);

        Execution done = queued();
        done.claim("worker-1", NOW, LEASE);
        done.done(NOW.plusSeconds(1));
        done.cancel(NOW.plusSeconds(5));
        assertThat(done.status()).isEqualTo(DONE);
        assertThat(done.finishedAt()).isEqualTo(NOW.plusSeconds(1));

        Execution running = queued();
        running.claim("worker-1", NOW, LEASE);
        running.cancel(NOW.plusSeconds(5));
        assertThat(running.isHeldBy("worker-1", NOW.plusSeconds(6))).as("the running worker keeps its lease")
                .isTrue();
        assertThat(running.finishedAt()).isNull();
    }

    @Test
    void aRestrictionIsLiftedOnceWithWhoWhyAndWhen() {
        Execution execution = queued();
        execution.claim("worker-1", NOW, LEASE);
        execution.done(NOW.plusSeconds(1));

        execution.lift("officer", "The data was checked and is accurate.", NOW.plus(Duration.ofDays(3)));

        assertThat(execution.liftedBy()).isEqualTo("officer");
        assertThat(execution.liftReason()).isEqualTo("The data was checked and is accurate.");
        assertThat(execution.liftedAt()).isEqualTo(NOW.plus(Duration.ofDays(3)));
        assertThatThrownBy(() -> execution.lift("officer-2", "again", NOW.plus(Duration.ofDays(4))))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainRuleViolation.Kind.CONFLICT);
                    assertThat(e.code()).isEqualTo("already-lifted");
                });
        assertThat(execution.liftedBy()).as("the first lift stands").isEqualTo("officer");
        assertThat(execution.liftReason()).isEqualTo("The data was checked and is accurate.");
        assertThat(execution.liftedAt()).isEqualTo(NOW.plus(Duration.ofDays(3)));
    }

    private static Execution queued() {
        return Execution.queue(UUID.randomUUID(), RequestType.DELETION, "{}", NOW);
    }

    /** Failed once at NOW + 1 s, and claimed again by worker-1 at {@link #RETRY_AT}. */
    private static Execution onItsSecondTry(int maxAttempts) {
        Execution execution = queued();
        execution.claim("worker-1", NOW, LEASE);
        assertThat(execution.attemptFailed("Boom", NOW.plusSeconds(1), maxAttempts, BACKOFF)).isFalse();
        execution.claim("worker-1", RETRY_AT, LEASE);
        return execution;
    }

    /** Claimed at {@link #NOW} and failed on its only allowed try. */
    private static Execution failed() {
        Execution execution = queued();
        execution.claim("worker-1", NOW, LEASE);
        execution.attemptFailed("Boom", NOW.plusSeconds(1), 1, BACKOFF);
        assertThat(execution.status()).isEqualTo(FAILED);
        return execution;
    }
}
