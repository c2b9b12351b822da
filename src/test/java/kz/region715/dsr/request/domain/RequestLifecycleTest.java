package kz.region715.dsr.request.domain;

import static kz.region715.dsr.request.domain.RequestStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole state machine: every pair of statuses, allowed or forbidden. */
class RequestLifecycleTest {

    /** The specification, written out independently of the enum's own table. */
    private static final Map<RequestStatus, Set<RequestStatus>> ALLOWED = Map.ofEntries(
            Map.entry(PENDING_VERIFICATION, EnumSet.of(OPEN, EXPIRED)),
            Map.entry(EXPIRED, EnumSet.noneOf(RequestStatus.class)),
            Map.entry(OPEN, EnumSet.of(IN_REVIEW, AWAITING_SUBJECT, APPROVED, REJECTED, CANCELLED)),
            Map.entry(IN_REVIEW, EnumSet.of(AWAITING_SUBJECT, APPROVED, REJECTED, CANCELLED)),
            Map.entry(AWAITING_SUBJECT, EnumSet.of(IN_REVIEW, REJECTED, CANCELLED)),
            Map.entry(APPROVED, EnumSet.of(EXECUTING, CANCELLED)),
            Map.entry(EXECUTING, EnumSet.of(COMPLETED, FAILED)),
            Map.entry(FAILED, EnumSet.of(EXECUTING, CANCELLED)),
            Map.entry(COMPLETED, EnumSet.noneOf(RequestStatus.class)),
            Map.entry(REJECTED, EnumSet.noneOf(RequestStatus.class)),
            Map.entry(CANCELLED, EnumSet.noneOf(RequestStatus.class)));

    static Stream<Arguments> allPairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (RequestStatus from : RequestStatus.values()) {
            for (RequestStatus to : RequestStatus.values()) {
                pairs.add(Arguments.of(from, to, ALLOWED.get(from).contains(to)));
            }
        }
        return pairs.stream();
    }

    @Test
    void specificationCoversEveryStatus() {
        assertThat(ALLOWED.keySet()).containsExactlyInAnyOrder(RequestStatus.values());
        assertThat(allPairs()).hasSize(RequestStatus.values().length * RequestStatus.values().length);
    }

    @ParameterizedTest(name = "{0} -> {1}: allowed={2}")
    @MethodSource("allPairs")
    void transitionIsAllowedExactlyWhenSpecified(RequestStatus from, RequestStatus to, boolean allowed) {
        if (allowed) {
            assertThat(RequestLifecycle.transition(from, to)).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> RequestLifecycle.transition(from, to))
                    .isInstanceOfSatisfying(RequestLifecycle.IllegalTransition.class, e -> {
                        assertThat(e.from()).isEqualTo(from);
                        assertThat(e.to()).isEqualTo(to);
                        assertThat(e.code()).isEqualTo("illegal-transition");
                        assertThat(e.facts()).containsEntry("currentStatus", from.name());
                    });
        }
    }

    @Test
    void onlyVerificationOrExpiryLeavesPendingVerification() {
        assertThat(PENDING_VERIFICATION.successors()).containsExactlyInAnyOrder(OPEN, EXPIRED);
        for (RequestStatus decision : List.of(APPROVED, REJECTED, IN_REVIEW, CANCELLED, EXECUTING)) {
            assertThatThrownBy(() -> RequestLifecycle.transition(PENDING_VERIFICATION, decision))
                    .isInstanceOf(RequestLifecycle.IllegalTransition.class);
        }
    }

    @Test
    void terminalStatusesHaveNoWayOut() {
        assertThat(EnumSet.allOf(RequestStatus.class).stream().filter(RequestStatus::isTerminal))
                .containsExactlyInAnyOrder(EXPIRED, COMPLETED, REJECTED, CANCELLED);
    }

    @Test
    void onlyPendingAndExpiredAreUnverified() {
        assertThat(EnumSet.allOf(RequestStatus.class).stream().filter(s -> !s.isVerified()))
                .containsExactlyInAnyOrder(PENDING_VERIFICATION, EXPIRED);
    }
}
