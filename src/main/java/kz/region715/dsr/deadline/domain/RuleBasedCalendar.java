package kz.region715.dsr.deadline.domain;

import java.time.LocalDate;
import java.time.Year;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A working calendar computed from {@link CalendarRules}, for any year.
 *
 * <p>Days off are the weekly days off, the fixed holidays and the year's moving holidays. When transfers are on,
 * each transferable holiday that falls on a weekly day off gives the next day that is not already a day off
 * (holidays taken in date order, so Nauryz 2026 on Sat 21, Sun 22 and Mon 23 March gives 24 and 25 March).
 * The official overrides come last: their extra days off and extra working days win over every rule.
 */
public final class RuleBasedCalendar implements WorkingCalendar {

    /** A calendar with no working day in ten years is broken data, not a long holiday. */
    private static final int MAX_SEARCH_DAYS = 3660;

    private final CalendarRules rules;
    private final Set<LocalDate> movingHolidays;
    private final Set<LocalDate> extraDaysOff;
    private final Set<LocalDate> extraWorkingDays;
    /** Days off gained by transfers from the holidays of a year (they may fall early in the next year). */
    private final Map<Integer, Set<LocalDate>> transfersByHolidayYear = new ConcurrentHashMap<>();
    /**
     * Whether each day of a year is a working day, worked out once per year: counting the working days left of a
     * page of cases asks about every day between today and each due date (the officers' queue spent a third of its
     * time here), and the answer for a day never changes.
     */
    private final Map<Integer, boolean[]> workingDaysByYear = new ConcurrentHashMap<>();

    public RuleBasedCalendar(CalendarRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.movingHolidays = flatten(rules.movingHolidays().values());
        this.extraDaysOff = flatten(rules.overrides().values().stream().map(CalendarRules.YearOverrides::extraDaysOff)
                .toList());
        this.extraWorkingDays = flatten(rules.overrides().values().stream()
                .map(CalendarRules.YearOverrides::extraWorkingDays).toList());
    }

    private static Set<LocalDate> flatten(Collection<List<LocalDate>> lists) {
        Set<LocalDate> all = new HashSet<>();
        lists.forEach(all::addAll);
        return Set.copyOf(all);
    }

    public CalendarRules rules() {
        return rules;
    }

    @Override
    public String jurisdiction() {
        return rules.jurisdiction();
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return workingDaysByYear.computeIfAbsent(date.getYear(), this::workingDaysOf)[date.getDayOfYear() - 1];
    }

    private boolean[] workingDaysOf(int year) {
        boolean[] working = new boolean[Year.of(year).length()];
        for (int day = 0; day < working.length; day++) {
            working[day] = worksOn(LocalDate.ofYearDay(year, day + 1));
        }
        return working;
    }

    private boolean worksOn(LocalDate date) {
        if (extraWorkingDays.contains(date)) {
            return true;
        }
        if (extraDaysOff.contains(date) || isDayOffByRule(date)) {
            return false;
        }
        return !(transfersOf(date.getYear()).contains(date) || transfersOf(date.getYear() - 1).contains(date));
    }

    @Override
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        Objects.requireNonNull(start, "start");
        if (n < 0) {
            throw new IllegalArgumentException("cannot add a negative number of working days");
        }
        LocalDate day = start;
        for (int counted = 0; counted < n; counted++) {
            day = nextWorkingDayAfter(day);
        }
        return day;
    }

    @Override
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        Objects.requireNonNull(fromExclusive, "fromExclusive");
        Objects.requireNonNull(toInclusive, "toInclusive");
        int count = 0;
        for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public LocalDate onOrNextWorkingDay(LocalDate start) {
        Objects.requireNonNull(start, "start");
        return isWorkingDay(start) ? start : nextWorkingDayAfter(start);
    }

    private LocalDate nextWorkingDayAfter(LocalDate day) {
        LocalDate candidate = day.plusDays(1);
        for (int i = 0; i < MAX_SEARCH_DAYS; i++, candidate = candidate.plusDays(1)) {
            if (isWorkingDay(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(jurisdiction() + ": no working day within " + MAX_SEARCH_DAYS
                + " days after " + day);
    }

    /** Weekly days off, fixed and moving holidays: everything before transfers and overrides. */
    private boolean isDayOffByRule(LocalDate date) {
        return rules.weekend().contains(date.getDayOfWeek()) || movingHolidays.contains(date)
                || isFixedHoliday(date);
    }

    private boolean isFixedHoliday(LocalDate date) {
        for (CalendarRules.FixedHoliday holiday : rules.fixedHolidays()) {
            if (holiday.observedIn(date.getYear()) && holiday.day().atYear(date.getYear()).equals(date)) {
                return true;
            }
        }
        return false;
    }

    private Set<LocalDate> transfersOf(int holidayYear) {
        if (!rules.transferHolidaysOnDaysOff()) {
            return Set.of();
        }
        return transfersByHolidayYear.computeIfAbsent(holidayYear,
                year -> computeTransfers(year, computeTransfers(year - 1, Set.of())));
    }

    /**
     * @param earlier days already gained from the previous year's holidays (a late-December holiday can move
     *                a day off into January), so this year's transfers skip them
     */
    private Set<LocalDate> computeTransfers(int year, Set<LocalDate> earlier) {
        TreeSet<LocalDate> onWeekend = new TreeSet<>();
        for (CalendarRules.FixedHoliday holiday : rules.fixedHolidays()) {
            if (holiday.transferable() && holiday.observedIn(year)) {
                LocalDate date = holiday.day().atYear(year);
                if (rules.weekend().contains(date.getDayOfWeek())) {
                    onWeekend.add(date);
                }
            }
        }
        Set<LocalDate> gained = new HashSet<>();
        for (LocalDate holiday : onWeekend) {
            LocalDate day = holiday.plusDays(1);
            while (isDayOffByRule(day) || gained.contains(day) || earlier.contains(day)) {
                day = day.plusDays(1);
            }
            gained.add(day);
        }
        return Set.copyOf(gained);
    }
}
