package kz.region715.dsr.deadline.domain;

import java.time.LocalDate;

/** Which days are working days in one jurisdiction, and counting over them. */
public interface WorkingCalendar {

    String jurisdiction();

    boolean isWorkingDay(LocalDate date);

    /** The n-th working day after {@code start} (start itself never counts), n >= 0 (0 returns start). */
    LocalDate plusWorkingDays(LocalDate start, int n);

    /** Working days d with fromExclusive < d <= toInclusive (0 if to <= from). */
    int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive);

    /** start itself if it is a working day, else the next working day. */
    LocalDate onOrNextWorkingDay(LocalDate start);
}
