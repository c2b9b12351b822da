package kz.region715.dsr.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The clock a test moved is back at real time for the next test, without the test resetting it. */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClockResetTest {

    @Inject
    TestClock testClock;
    @Inject
    Clock clock;

    @Test
    @Order(1)
    void aTestMovesTheClockAndLeavesItMoved() {
        testClock.advance(Duration.ofDays(10));
        assertThat(clock.instant()).isAfter(Instant.now().plus(Duration.ofDays(9)));
    }

    @Test
    @Order(2)
    void theNextTestStartsAtRealTime() {
        assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofMinutes(1));
    }
}
