package kz.region715.dsr.deadline.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.region715.dsr.deadline.domain.CalendarRules.FixedHoliday;
import kz.region715.dsr.deadline.domain.CalendarRules.YearOverrides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The calendar rules on small, made-up rule sets (the shipped calendars have their own tests). */
class RuleBasedCalendarTest {

    private static final Set<DayOfWeek> SAT_SUN = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    private static FixedHoliday holiday(String monthDay, boolean transferable) {
        return new FixedHoliday(MonthDay.parse("--" + monthDay), transferable, "holiday " + monthDay);
    }

    private static RuleBasedCalendar calendar(List<FixedHoliday> fixed, Map<Integer, List<LocalDate>> moving,
            Map<Integer, YearOverrides> overrides) {
        return new RuleBasedCalendar(new CalendarRules("XX", SAT_SUN, fixed, true, moving, overrides));
    }

    @ParameterizedTest(name = "{0} working: {1}")
    @CsvSource({
            // Three holidays, two on the weekend (Nauryz 2026): two days off follow the weekday holiday.
            "2026-03-20, true", "2026-03-23, false", "2026-03-24, false", "2026-03-25, false", "2026-03-26, true",
            // A non-transferable holiday on a Sunday gives nothing.
            "2026-06-07, false", "2026-06-08, true",
            // A moving holiday on a weekday is a day off; on a Sunday it is never transferred.
            "2026-05-27, false", "2026-05-28, true", "2027-05-17, true"})
    void transfersFollowHolidaysInDateOrder(LocalDate date, boolean working) {
        RuleBasedCalendar calendar = calendar(
                List.of(holiday("03-21", true), holiday("03-22", true), holiday("03-23", true),
                        holiday("06-07", false)),
                Map.of(2026, List.of(LocalDate.parse("2026-05-27")), 2027, List.of(LocalDate.parse("2027-05-16"))),
                Map.of());
        assertThat(calendar.isWorkingDay(date)).isEqualTo(working);
    }

    @Test
    void transfersCanBeSwitchedOff() {
        RuleBasedCalendar calendar = new RuleBasedCalendar(new CalendarRules("XX", SAT_SUN,
                List.of(holiday("03-22", true)), false, Map.of(), Map.of()));
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-23"))).isTrue();
    }

    @ParameterizedTest(name = "{0} working: {1}")
    @CsvSource({
            // 31 Dec 2028 is a Sunday: its day off moves over the year's end, past Mon 1 and Tue 2 January, to
            // Wednesday 3 January 2029.
            "2028-12-29, true", "2029-01-01, false", "2029-01-02, false", "2029-01-03, false", "2029-01-04, true",
            // 1 Jan 2028 is a Saturday, 2 Jan a Sunday: 3 and 4 January 2028 are off.
            "2028-01-03, false", "2028-01-04, false", "2028-01-05, true"})
    void transfersCrossTheYearBoundary(LocalDate date, boolean working) {
        RuleBasedCalendar calendar = calendar(List.of(holiday("01-01", true), holiday("01-02", true),
                holiday("12-31", true)), Map.of(), Map.of());
        assertThat(calendar.isWorkingDay(date)).isEqualTo(working);
    }

    @Test
    void aLateDecemberTransferAndANewYearTransferTakeDifferentDays() {
        // Sat 31 Dec 2022 moves its day off past New Year's Day (Sun) to Mon 2 January 2023; New Year's Day on
        // a Sunday then needs the next free day, Tue 3 January.
        RuleBasedCalendar calendar = calendar(List.of(holiday("01-01", true), holiday("12-31", true)),
                Map.of(), Map.of());
        assertThat(calendar.isWorkingDay(LocalDate.parse("2023-01-02"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2023-01-03"))).isFalse();
        assertThat(calendar.plusWorkingDays(LocalDate.parse("2022-12-30"), 1)).isEqualTo("2023-01-04");
    }

    @Test
    void overridesWinOverEveryRule() {
        RuleBasedCalendar calendar = calendar(List.of(holiday("07-06", true)), Map.of(),
                Map.of(2026, new YearOverrides(List.of(LocalDate.parse("2026-07-07")),
                        List.of(LocalDate.parse("2026-07-04"), LocalDate.parse("2026-07-06")), "resolution 1")));
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-07-04"))).as("a working Saturday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-07-06"))).as("holiday revoked").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-07-07"))).as("extra day off").isFalse();
    }

    @Test
    void aDayCannotBeBothAnExtraDayOffAndAnExtraWorkingDay() {
        LocalDate day = LocalDate.parse("2026-07-07");
        assertThatThrownBy(() -> calendar(List.of(), Map.of(),
                Map.of(2026, new YearOverrides(List.of(day), List.of(day), "x"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overridesNeedTheirSource() {
        assertThatThrownBy(() -> new YearOverrides(List.of(), List.of(), " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} working: {1}")
    @CsvSource({"2025-08-29, false", "2026-08-31, true", "2027-08-30, true", "2026-03-16, true",
            "2027-03-15, false", "2030-03-15, false"})
    void holidaysCanBeCreatedAndAbolishedByYear(LocalDate date, boolean working) {
        // 30 Aug 2025 is a Saturday: its day off is Monday 1 September 2025.
        RuleBasedCalendar calendar = calendar(List.of(
                new FixedHoliday(MonthDay.of(8, 30), true, "old", Integer.MIN_VALUE, 2025),
                new FixedHoliday(MonthDay.of(3, 15), true, "new", 2027, Integer.MAX_VALUE),
                new FixedHoliday(MonthDay.of(8, 29), true, "also old", Integer.MIN_VALUE, 2025)), Map.of(), Map.of());
        assertThat(calendar.isWorkingDay(date)).isEqualTo(working);
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-09-01"))).isFalse();
    }

    @Test
    void leapDayHolidayOnlyInLeapYears() {
        RuleBasedCalendar calendar = calendar(List.of(holiday("02-29", false)), Map.of(), Map.of());
        assertThat(calendar.isWorkingDay(LocalDate.parse("2028-02-29"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-02-28"))).isFalse(); // a Sunday anyway
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-27"))).isTrue();
    }

    @Test
    void yearsWithoutDataStillWork() {
        RuleBasedCalendar calendar = calendar(List.of(holiday("01-01", true)), Map.of(), Map.of());
        assertThat(calendar.plusWorkingDays(LocalDate.parse("2099-12-31"), 1)).isEqualTo("2100-01-04");
        assertThat(calendar.plusWorkingDays(LocalDate.parse("1999-12-31"), 1)).isEqualTo("2000-01-04");
    }

    @ParameterizedTest(name = "{0} + {1} WD = {2}")
    @CsvSource({
            "2026-03-20, 0, 2026-03-20", // zero returns start, even a Friday before a holiday
            "2026-03-21, 0, 2026-03-21",
            "2026-03-20, 1, 2026-03-26",
            "2026-03-21, 1, 2026-03-26", // from a Saturday
            "2026-03-24, 1, 2026-03-26", // from a transferred day off
            "2026-03-26, 2, 2026-03-30"})
    void plusWorkingDays(LocalDate start, int n, LocalDate expected) {
        RuleBasedCalendar calendar = calendar(
                List.of(holiday("03-21", true), holiday("03-22", true), holiday("03-23", true)), Map.of(), Map.of());
        assertThat(calendar.plusWorkingDays(start, n)).isEqualTo(expected);
        if (n > 0) {
            assertThat(calendar.workingDaysBetween(start, expected)).isEqualTo(n);
        }
    }

    @Test
    void countingEdges() {
        RuleBasedCalendar calendar = calendar(List.of(), Map.of(), Map.of());
        LocalDate friday = LocalDate.parse("2026-03-20");
        assertThat(calendar.workingDaysBetween(friday, friday)).isZero();
        assertThat(calendar.workingDaysBetween(friday, friday.minusDays(3))).isZero();
        assertThat(calendar.workingDaysBetween(friday, friday.plusDays(7))).isEqualTo(5);
        assertThat(calendar.onOrNextWorkingDay(friday)).isEqualTo(friday);
        assertThat(calendar.onOrNextWorkingDay(friday.plusDays(1))).isEqualTo("2026-03-23");
        assertThatThrownBy(() -> calendar.plusWorkingDays(friday, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(calendar.jurisdiction()).isEqualTo("XX");
    }

    @Test
    void aWeekWithoutWorkingDaysIsRefused() {
        assertThatThrownBy(() -> new CalendarRules("XX", EnumSet.allOf(DayOfWeek.class), List.of(), false,
                Map.of(), Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
