package kz.region715.dsr.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kz.region715.dsr.deadline.domain.WorkingCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped Kazakh calendar against the real 2026 calendar: every weekday that is a day off, and the proof that
 * the table is complete (every other weekday works).
 */
class KazakhstanCalendar2026Test {

    private static final WorkingCalendar KZ = TestDeadlines.shipped().calendar("KZ");

    /** Every Monday-to-Friday day off in 2026, with its weekday as checked on a 2026 calendar. */
    static Stream<Arguments> weekdaysOff2026() {
        return Stream.of(
                Arguments.of("2026-01-01", DayOfWeek.THURSDAY, "New Year"),
                Arguments.of("2026-01-02", DayOfWeek.FRIDAY, "New Year"),
                Arguments.of("2026-01-07", DayOfWeek.WEDNESDAY, "Orthodox Christmas"),
                Arguments.of("2026-03-09", DayOfWeek.MONDAY, "8 March falls on Sunday"),
                Arguments.of("2026-03-23", DayOfWeek.MONDAY, "Nauryz"),
                Arguments.of("2026-03-24", DayOfWeek.TUESDAY, "Nauryz 21 March falls on Saturday"),
                Arguments.of("2026-03-25", DayOfWeek.WEDNESDAY, "Nauryz 22 March falls on Sunday"),
                Arguments.of("2026-05-01", DayOfWeek.FRIDAY, "Unity Day"),
                Arguments.of("2026-05-07", DayOfWeek.THURSDAY, "Defender of the Fatherland Day"),
                Arguments.of("2026-05-11", DayOfWeek.MONDAY, "Victory Day 9 May falls on Saturday"),
                Arguments.of("2026-05-27", DayOfWeek.WEDNESDAY, "Kurban Ait"),
                Arguments.of("2026-07-06", DayOfWeek.MONDAY, "Capital Day"),
                Arguments.of("2026-10-26", DayOfWeek.MONDAY, "Republic Day 25 October falls on Sunday"),
                Arguments.of("2026-12-16", DayOfWeek.WEDNESDAY, "Independence Day"));
    }

    @ParameterizedTest(name = "{0} ({1}) is a day off: {2}")
    @MethodSource("weekdaysOff2026")
    void weekdayOff(LocalDate date, DayOfWeek weekday, String why) {
        assertThat(date.getDayOfWeek()).isEqualTo(weekday);
        assertThat(KZ.isWorkingDay(date)).as(why).isFalse();
    }

    @Test
    void everyOtherWeekdayOf2026IsAWorkingDayAndNoWeekendDayIs() {
        Set<LocalDate> off = weekdaysOff2026().map(a -> LocalDate.parse((String) a.get()[0]))
                .collect(Collectors.toSet());
        List<LocalDate> wrong = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(1)) {
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            boolean expectedWorking = !weekend && !off.contains(day);
            if (KZ.isWorkingDay(day) != expectedWorking) {
                wrong.add(day);
            }
        }
        assertThat(wrong).isEmpty();
        // 261 weekdays less 14 days off. Calendars published before the referendum of 15.03.2026 say 246: they
        // still had 31 August off for Constitution Day.
        assertThat(KZ.workingDaysBetween(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 12, 31))).isEqualTo(247);
    }

    @Test
    void constitutionDayMovesFrom30AugustTo15MarchWithTheNewConstitution() {
        // 30 August 2026 is a Sunday; with the 1995 Constitution gone it gives no Monday off.
        assertThat(KZ.isWorkingDay(LocalDate.parse("2026-08-31"))).isTrue();
        assertThat(KZ.isWorkingDay(LocalDate.parse("2027-08-30"))).isTrue();
        assertThat(KZ.isWorkingDay(LocalDate.parse("2027-03-15"))).isFalse();
        // Before: 30 August 2025 was a Saturday, so Monday 1 September 2025 was off.
        assertThat(KZ.isWorkingDay(LocalDate.parse("2025-09-01"))).isFalse();
    }

    @ParameterizedTest(name = "{0} working: {1}")
    @CsvSource({
            "2025-06-06, false", // Kurban Ait 2025 (Friday)
            "2025-12-31, true",
            "2027-01-01, false", // Friday
            "2027-01-04, false", // 2 January 2027 is a Saturday
            "2027-01-05, true",
            "2027-01-07, false", // Christmas, Thursday
            "2027-03-22, false", // Nauryz 21 March 2027 is a Sunday: Mon 22, Tue 23 are holidays, Wed 24 the transfer
            "2027-03-23, false",
            "2027-03-24, false",
            "2027-03-25, true"})
    void aroundTheYears(LocalDate date, boolean working) {
        assertThat(KZ.isWorkingDay(date)).isEqualTo(working);
    }
}
