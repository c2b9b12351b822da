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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import kz.region715.dsr.platform.domain.DomainRuleViolation;
import kz.region715.dsr.request.domain.RequestType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The execution's state machine: every pair of statuses, and the transitions the entity makes through it. */
class ExecutionStatusTest {

    /** The specification, written out independently of the enum's own table. */
    private static final Map<Execution.Status, Set<Execution.Status>> ALLOWED = Map.of(
            QUEUED, EnumSet.of(RUNNING, CANCELLED),
            RUNNING, EnumSet.of(RUNNING, QUEUED, DONE, FAILED),
            FAILED, EnumSet.of(QUEUED, CANCELLED),
            DONE, EnumSet.noneOf(Execution.Status.class),
            CANCELLED, EnumSet.noneOf(Execution.Status.class));

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    static Stream<Arguments> allPairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (Execution.Status from : Execution.Status.values()) {
            for (Execution.Status to : Execution.Status.values()) {
                pairs.add(Arguments.of(from, to, ALLOWED.get(from).contains(to)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("allPairs")
    void theTableAllowsExactlyTheSpecifiedTransitions(Execution.Status from, Execution.Status to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
        if (allowed) {
            assertThat(from.moveTo(to)).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> from.moveTo(to)).isInstanceOf(DomainRuleViolation.class)
                    .hasMessageContaining(from.name()).hasMessageContaining(to.name());
        }
    }

    @Test
    void doneAndCancelledAreTerminal() {
        assertThat(EnumSet.allOf(Execution.Status.class)).filteredOn(Execution.Status::isTerminal)
                .containsExactlyInAnyOrder(DONE, CANCELLED);
    }

    @Test
    void aRunFromQueuedToDone() {
        Execution execution = queued();
        execution.claim("w", NOW, Duration.ofMinutes(5));
        assertThat(execution.status()).isEqualTo(RUNNING);
        assertThat(execution.isHeldBy("w", NOW.plusSeconds(1))).isTrue();
        execution.done(NOW.plusSeconds(2));
        assertThat(execution.status()).isEqualTo(DONE);
        assertThat(execution.isHeldBy("w", NOW.plusSeconds(3))).isFalse();
    }

    @Test
    void aFailedTryQueuesAgainUntilTheTriesAreUsedUp() {
        Execution execution = queued();
        execution.claim("w", NOW, Duration.ofMinutes(5));
        assertThat(execution.attemptFailed("Boom", NOW, 2, Duration.ofMinutes(1))).isFalse();
        assertThat(execution.status()).isEqualTo(QUEUED);
        assertThat(execution.nextAttemptAt()).isEqualTo(NOW.plusSeconds(60));
        execution.claim("w", NOW.plusSeconds(60), Duration.ofMinutes(5));
        assertThat(execution.attemptFailed("Boom", NOW.plusSeconds(61), 2, Duration.ofMinutes(1))).isTrue();
        assertThat(execution.status()).isEqualTo(FAILED);
        execution.retry(NOW.plusSeconds(120));
        assertThat(execution.status()).isEqualTo(QUEUED);
        assertThat(execution.attempts()).isZero();
    }

    @Test
    void aDoneExecutionCannotBeFinishedFailedOrRetriedAgain() {
        Execution execution = queued();
        execution.claim("w", NOW, Duration.ofMinutes(5));
        execution.done(NOW);
        assertThatThrownBy(() -> execution.done(NOW)).isInstanceOf(DomainRuleViolation.class);
        assertThatThrownBy(() -> execution.interrupted("InterruptedByShutdown", NOW))
                .isInstanceOf(DomainRuleViolation.class);
        assertThatThrownBy(() -> execution.retry(NOW)).isInstanceOf(DomainRuleViolation.class);
        assertThat(execution.status()).isEqualTo(DONE);
    }

    @Test
    void cancellingLeavesARunningOrDoneExecutionAsItIs() {
        Execution running = queued();
        running.claim("w", NOW, Duration.ofMinutes(5));
        running.cancel(NOW);
        assertThat(running.status()).isEqualTo(RUNNING);
        Execution waiting = queued();
        waiting.cancel(NOW);
        assertThat(waiting.status()).isEqualTo(CANCELLED);
    }

    private static Execution queued() {
        return Execution.queue(UUID.randomUUID(), RequestType.DELETION, "{}", NOW);
    }
}
