package kz.region715.dsr.deadline.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rules that make a jurisdiction's working calendar: weekly days off, fixed-date holidays, the holidays
 * whose date changes every year, whether a holiday on a weekly day off moves the day off, and the official
 * yearly overrides (government transfers) applied last.
 *
 * @param movingHolidays days off by year, never transferred (Kurban Ait in Kazakhstan); a year without an
 *                       entry simply has none
 * @param overrides      official changes by year, applied after every rule
 */
public record CalendarRules(String jurisdiction, Set<DayOfWeek> weekend, List<FixedHoliday> fixedHolidays,
        boolean transferHolidaysOnDaysOff, Map<Integer, List<LocalDate>> movingHolidays,
        Map<Integer, YearOverrides> overrides) {

    public CalendarRules {
        if (jurisdiction == null || jurisdiction.isBlank()) {
            throw new IllegalArgumentException("calendar rules need a jurisdiction");
        }
        weekend = weekend == null ? Set.of() : Set.copyOf(weekend);
        if (weekend.size() == DayOfWeek.values().length) {
            throw new IllegalArgumentException(jurisdiction + ": a week needs at least one working day");
        }
        fixedHolidays = fixedHolidays == null ? List.of() : List.copyOf(fixedHolidays);
        movingHolidays = copyOfLists(movingHolidays);
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> working = new HashSet<>();
        overrides.values().forEach(o -> {
            off.addAll(o.extraDaysOff());
            working.addAll(o.extraWorkingDays());
        });
        off.retainAll(working);
        if (!off.isEmpty()) {
            throw new IllegalArgumentException(jurisdiction + ": overrides make " + off
                    + " both a day off and a working day");
        }
    }

    private static Map<Integer, List<LocalDate>> copyOfLists(Map<Integer, List<LocalDate>> byYear) {
        if (byYear == null) {
            return Map.of();
        }
        Map<Integer, List<LocalDate>> copy = new LinkedHashMap<>();
        byYear.forEach((year, days) -> copy.put(year, days == null ? List.of() : List.copyOf(days)));
        return Map.copyOf(copy);
    }

    /**
     * A holiday on the same date every year, optionally only from or until a given year (a holiday created
     * or abolished by law).
     *
     * @param transferable whether, falling on a weekly day off, it moves the day off to the next day
     */
    public record FixedHoliday(MonthDay day, boolean transferable, String name, int fromYear, int untilYear) {

        public FixedHoliday {
            Objects.requireNonNull(day, "a holiday needs a day");
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a holiday needs a name");
            }
            if (fromYear > untilYear) {
                throw new IllegalArgumentException(name + ": fromYear is after untilYear");
            }
        }

        /** A holiday every year. */
        public FixedHoliday(MonthDay day, boolean transferable, String name) {
            this(day, transferable, name, Year.MIN_VALUE, Year.MAX_VALUE);
        }

        /** Whether the holiday exists in that year (29 February only in leap years). */
        public boolean observedIn(int year) {
            return year >= fromYear && year <= untilYear && day.isValidYear(year);
        }
    }

    /**
     * An official table for one year, such as a government resolution transferring days off.
     *
     * @param source where the table comes from (resolution number and date, or "none found")
     */
    public record YearOverrides(List<LocalDate> extraDaysOff, List<LocalDate> extraWorkingDays, String source) {

        public YearOverrides {
            extraDaysOff = extraDaysOff == null ? List.of() : List.copyOf(extraDaysOff);
            extraWorkingDays = extraWorkingDays == null ? List.of() : List.copyOf(extraWorkingDays);
            if (source == null || source.isBlank()) {
                throw new IllegalArgumentException("an override table needs its source");
            }
        }
    }
}
