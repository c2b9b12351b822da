package kz.region715.dsr.breach.domain;

import static kz.region715.dsr.breach.domain.BreachStatus.ASSESSED;
import static kz.region715.dsr.breach.domain.BreachStatus.AUTHORITY_NOTIFIED;
import static kz.region715.dsr.breach.domain.BreachStatus.CLOSED;
import static kz.region715.dsr.breach.domain.BreachStatus.DETECTED;
import static kz.region715.dsr.breach.domain.BreachStatus.NOT_NOTIFIABLE;
import static kz.region715.dsr.breach.domain.BreachStatus.SUBJECTS_NOTIFIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import kz.region715.dsr.platform.domain.DomainRuleViolation;
import org.junit.jupiter.api.Test;

class BreachStatusTest {

    @Test
    void theTransitionTable() {
        assertThat(DETECTED.successors()).containsExactlyInAnyOrder(ASSESSED, NOT_NOTIFIABLE, AUTHORITY_NOTIFIED);
        assertThat(ASSESSED.successors()).containsExactlyInAnyOrder(NOT_NOTIFIABLE, AUTHORITY_NOTIFIED);
        assertThat(AUTHORITY_NOTIFIED.successors()).containsExactlyInAnyOrder(SUBJECTS_NOTIFIED, CLOSED);
        assertThat(SUBJECTS_NOTIFIED.successors()).containsExactly(CLOSED);
        assertThat(NOT_NOTIFIABLE.successors()).containsExactly(CLOSED);
        assertThat(CLOSED.successors()).isEmpty();
        assertThat(CLOSED.isTerminal()).isTrue();
    }

    @Test
    void notNotifiableOnlyBeforeTheAuthorityIsNotified() {
        EnumSet<BreachStatus> before = EnumSet.noneOf(BreachStatus.class);
        for (BreachStatus status : BreachStatus.values()) {
            if (status.successors().contains(NOT_NOTIFIABLE)) {
                before.add(status);
            }
        }
        assertThat(before).containsExactlyInAnyOrder(DETECTED, ASSESSED);
    }

    @Test
    void closedOnlyOnceTheNoticeIsRecordedOrRuledOut() {
        EnumSet<BreachStatus> closable = EnumSet.noneOf(BreachStatus.class);
        for (BreachStatus status : BreachStatus.values()) {
            if (status.successors().contains(CLOSED)) {
                closable.add(status);
            }
            assertThat(status.authorityNoticeDue()).as(status.name()).isEqualTo(status == DETECTED || status == ASSESSED);
        }
        assertThat(closable).containsExactlyInAnyOrder(AUTHORITY_NOTIFIED, SUBJECTS_NOTIFIED, NOT_NOTIFIABLE);
    }

    @Test
    void anIllegalMoveIsRefusedWithBothStatuses() {
        assertThat(DETECTED.moveTo(ASSESSED)).isEqualTo(ASSESSED);
        assertThatThrownBy(() -> AUTHORITY_NOTIFIED.moveTo(NOT_NOTIFIABLE))
                .isInstanceOfSatisfying(BreachStatus.IllegalTransition.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainRuleViolation.Kind.CONFLICT);
                    assertThat(e.code()).isEqualTo("illegal-transition");
                    assertThat(e.facts()).isEqualTo(Map.of("currentStatus", "AUTHORITY_NOTIFIED",
                            "requestedStatus", "NOT_NOTIFIABLE"));
                });
        assertThatThrownBy(() -> CLOSED.moveTo(CLOSED)).isInstanceOf(BreachStatus.IllegalTransition.class);
        assertThatThrownBy(() -> ASSESSED.moveTo(ASSESSED)).isInstanceOf(BreachStatus.IllegalTransition.class);
    }
}
