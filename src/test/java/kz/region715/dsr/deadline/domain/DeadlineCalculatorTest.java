package kz.region715.dsr.deadline.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Counting mechanics on a weekends-only calendar in Almaty time (UTC+5). */
class DeadlineCalculatorTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final DeadlineCalculator CALCULATOR = new DeadlineCalculator(new RuleBasedCalendar(
            new CalendarRules("XX", EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), List.of(), false, Map.of(),
                    Map.of())), ALMATY);

    private static DeadlinePolicy policy(Term term, Term extension, int maxExtensions, boolean pauses) {
        return new DeadlinePolicy("XX", "ACCESS", term, ClockStart.RECEIPT, extension, maxExtensions, pauses,
                Basis.STATUTORY, "test");
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ALMATY).toInstant();
    }

    @ParameterizedTest(name = "{0} + {1} {2} = {3}")
    @CsvSource({
            "2026-03-20T10:00, 1, WORKING_DAYS, 2026-03-23",
            "2026-03-21T10:00, 1, WORKING_DAYS, 2026-03-23", // an event on a Saturday
            "2026-03-20T10:00, 10, WORKING_DAYS, 2026-04-03",
            "2026-03-20T10:00, 1, CALENDAR_DAYS, 2026-03-23", // Saturday 21st is a day off
            "2026-03-20T10:00, 45, CALENDAR_DAYS, 2026-05-04", // a Monday
            "2026-01-31T10:00, 1, MONTHS, 2026-03-02", // clamped to Sat 28 Feb, then Monday
            "2026-03-31T10:00, 1, MONTHS, 2026-04-30",
            "2026-01-15T10:00, 1, MONTHS, 2026-02-16", // Sun 15 Feb, then Monday
            "2028-01-31T10:00, 1, MONTHS, 2028-02-29"}) // a leap year
    void countsEachUnit(String event, int amount, TermUnit unit, LocalDate lastDay) {
        Deadline deadline = CALCULATOR.start(policy(new Term(amount, unit), null, 0, false), at(event));
        assertThat(deadline.lastDay()).isEqualTo(lastDay);
        assertThat(deadline.extensionsGranted()).isZero();
        assertThat(deadline.pausedWorkingDays()).isZero();
    }

    @Test
    void theEventDateIsTakenInTheOperatorsZoneAndTheDeadlineEndsAtTheEndOfTheDayThere() {
        // 20:30 UTC on Thursday is 01:30 on Friday in Almaty.
        Deadline deadline = CALCULATOR.start(policy(new Term(1, TermUnit.WORKING_DAYS), null, 0, false),
                Instant.parse("2026-03-19T20:30:00Z"));
        assertThat(deadline.lastDay()).isEqualTo("2026-03-23");
        assertThat(deadline.dueAt()).isEqualTo(OffsetDateTime.parse("2026-03-23T23:59:59+05:00").toInstant());
    }

    @Test
    void extensionCountsOnFromTheLastDayAndIsRefusedBeyondTheLimit() {
        DeadlinePolicy policy = policy(new Term(1, TermUnit.MONTHS), new Term(2, TermUnit.MONTHS), 1, false);
        Deadline first = CALCULATOR.start(policy, at("2026-03-31T09:00"));
        Deadline extended = CALCULATOR.extend(first);
        assertThat(extended.lastDay()).isEqualTo("2026-06-30");
        assertThat(extended.extensionsGranted()).isEqualTo(1);
        assertThatThrownBy(() -> CALCULATOR.extend(extended))
                .isInstanceOfSatisfying(DeadlineRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("extension-not-allowed"));
    }

    @Test
    void aPolicyWithoutExtensionRefusesTheFirstOne() {
        Deadline deadline = CALCULATOR.start(policy(new Term(1, TermUnit.WORKING_DAYS), null, 0, true),
                at("2026-03-20T09:00"));
        assertThatThrownBy(() -> CALCULATOR.extend(deadline))
                .isInstanceOfSatisfying(DeadlineRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo(DeadlineRuleViolation.EXTENSION_NOT_ALLOWED));
    }

    @ParameterizedTest(name = "{0}: paused {1} to {2} moves {3} to {4}")
    @CsvSource({
            "WORKING_DAYS, 2026-03-23T09:00, 2026-03-25T18:00, 2026-04-03, 2026-04-07, 2", // Mon-Wed
            "WORKING_DAYS, 2026-03-23T09:00, 2026-03-23T18:00, 2026-04-03, 2026-04-03, 0", // same day
            "WORKING_DAYS, 2026-03-27T09:00, 2026-03-30T09:00, 2026-04-03, 2026-04-06, 1", // Fri-Mon
            "CALENDAR_DAYS, 2026-03-23T09:00, 2026-03-25T18:00, 2026-04-03, 2026-04-06, 2"}) // Sun 5th, then Monday
    void aPauseAddsItsWorkingDays(TermUnit unit, String from, String to, LocalDate before, LocalDate after,
            int pausedDays) {
        Term term = unit == TermUnit.WORKING_DAYS ? new Term(10, unit) : new Term(14, unit);
        Deadline deadline = CALCULATOR.start(policy(term, null, 0, true), at("2026-03-20T09:00"));
        assertThat(deadline.lastDay()).isEqualTo(before);
        Deadline paused = CALCULATOR.afterPause(deadline, at(from), at(to));
        assertThat(paused.lastDay()).isEqualTo(after);
        assertThat(paused.pausedWorkingDays()).isEqualTo(pausedDays);
    }

    @Test
    void pausesAddUpAndAreIgnoredWhenThePolicyDoesNotPause() {
        Term term = new Term(10, TermUnit.WORKING_DAYS);
        Deadline pausing = CALCULATOR.start(policy(term, null, 0, true), at("2026-03-20T09:00"));
        Deadline twice = CALCULATOR.afterPause(CALCULATOR.afterPause(pausing, at("2026-03-23T09:00"),
                at("2026-03-25T09:00")), at("2026-03-26T09:00"), at("2026-03-27T09:00"));
        assertThat(twice.pausedWorkingDays()).isEqualTo(3);
        assertThat(twice.lastDay()).isEqualTo("2026-04-08");

        Deadline notPausing = CALCULATOR.start(policy(term, null, 0, false), at("2026-03-20T09:00"));
        assertThat(CALCULATOR.afterPause(notPausing, at("2026-03-23T09:00"), at("2026-03-25T09:00")))
                .isEqualTo(notPausing);
    }

    @Test
    void aPauseCannotEndBeforeItStarts() {
        Deadline deadline = CALCULATOR.start(policy(new Term(1, TermUnit.WORKING_DAYS), null, 0, true),
                at("2026-03-20T09:00"));
        assertThatThrownBy(() -> CALCULATOR.afterPause(deadline, at("2026-03-25T09:00"), at("2026-03-23T09:00")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}: {1} left, overdue {2}")
    @CsvSource({
            // lastDay is Friday 2026-04-03.
            "2026-04-01T12:00, 2, false",
            "2026-04-02T23:59:59, 1, false",
            "2026-04-03T00:00, 0, false",
            "2026-04-03T23:59:59, 0, false", // the last second of the last day
            "2026-04-04T00:00, 0, true", // Saturday: overdue, no working day lost yet
            "2026-04-06T08:00, -1, true",
            "2026-04-10T08:00, -5, true"})
    void workingDaysLeftAndOverdueAroundTheLastDay(String now, int left, boolean overdue) {
        Deadline deadline = CALCULATOR.start(policy(new Term(10, TermUnit.WORKING_DAYS), null, 0, false),
                at("2026-03-20T09:00"));
        assertThat(deadline.lastDay()).isEqualTo("2026-04-03");
        assertThat(CALCULATOR.workingDaysLeft(deadline, at(now))).isEqualTo(left);
        assertThat(CALCULATOR.isOverdue(deadline, at(now))).isEqualTo(overdue);
    }

    @Test
    void restoreRecomputesTheEndOfTheDay() {
        DeadlinePolicy policy = policy(new Term(10, TermUnit.WORKING_DAYS), new Term(5, TermUnit.WORKING_DAYS), 1,
                true);
        Deadline restored = CALCULATOR.restore(policy, LocalDate.parse("2026-04-10"), 1, 2);
        assertThat(restored.dueAt()).isEqualTo(OffsetDateTime.parse("2026-04-10T23:59:59+05:00").toInstant());
        assertThat(restored.extensionsGranted()).isEqualTo(1);
        assertThat(restored.pausedWorkingDays()).isEqualTo(2);
        assertThatThrownBy(() -> CALCULATOR.extend(restored)).isInstanceOf(DeadlineRuleViolation.class);
    }
}
