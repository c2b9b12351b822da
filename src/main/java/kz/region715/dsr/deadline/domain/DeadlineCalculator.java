package kz.region715.dsr.deadline.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Computes deadlines on one working calendar in the operator's time zone.
 *
 * <p>A term starts on the day after its event (the civil-law rule) and ends at the end of its last day.
 * Working-day terms end on the n-th working day after the event's date; calendar-day and month terms that end
 * on a day off end on the next working day.
 */
public final class DeadlineCalculator {

    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private final WorkingCalendar calendar;
    private final ZoneId zone;

    public DeadlineCalculator(WorkingCalendar calendar, ZoneId zone) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Term starts on the day after the event (civil-law rule), ends at the end of its last day. */
    public Deadline start(DeadlinePolicy policy, Instant clockStartsAt) {
        Objects.requireNonNull(policy, "policy");
        LocalDate lastDay = countOn(dateOf(clockStartsAt), policy.term());
        return deadline(policy, lastDay, 0, 0);
    }

    /** A stored deadline rebuilt from its last day; dueAt is recomputed in this calculator's zone. */
    public Deadline restore(DeadlinePolicy policy, LocalDate lastDay, int extensionsGranted, int pausedWorkingDays) {
        Objects.requireNonNull(policy, "policy");
        return deadline(policy, lastDay, extensionsGranted, pausedWorkingDays);
    }

    /**
     * Adds policy.extension() counted on from the current last day.
     *
     * @throws DeadlineRuleViolation with code {@value DeadlineRuleViolation#EXTENSION_NOT_ALLOWED} when the
     *                               policy allows no (further) extension
     */
    public Deadline extend(Deadline current) {
        Objects.requireNonNull(current, "current");
        DeadlinePolicy policy = current.policy();
        if (!policy.allowsExtension(current.extensionsGranted())) {
            throw new DeadlineRuleViolation(DeadlineRuleViolation.EXTENSION_NOT_ALLOWED,
                    policy.extension() == null
                            ? "The " + policy.id() + " term cannot be extended."
                            : "The " + policy.id() + " term can be extended at most " + policy.maxExtensions()
                                    + " time(s); it already was.");
        }
        LocalDate lastDay = countOn(current.lastDay(), policy.extension());
        return deadline(policy, lastDay, current.extensionsGranted() + 1, current.pausedWorkingDays());
    }

    /**
     * Shifts the deadline for a pause (waiting for the subject) from pausedFrom to resumedAt, if the policy
     * pauses: by the working days in (date(pausedFrom), date(resumedAt)]. No-op when the policy does not pause.
     */
    public Deadline afterPause(Deadline current, Instant pausedFrom, Instant resumedAt) {
        Objects.requireNonNull(current, "current");
        LocalDate from = dateOf(pausedFrom);
        LocalDate to = dateOf(resumedAt);
        if (resumedAt.isBefore(pausedFrom)) {
            throw new IllegalArgumentException("a pause cannot end before it starts");
        }
        if (!current.policy().pausesWhileAwaitingSubject()) {
            return current;
        }
        int paused = calendar.workingDaysBetween(from, to);
        if (paused == 0) {
            return current;
        }
        LocalDate lastDay = current.policy().term().unit() == TermUnit.WORKING_DAYS
                ? calendar.plusWorkingDays(current.lastDay(), paused)
                : calendar.onOrNextWorkingDay(current.lastDay().plusDays(paused));
        return deadline(current.policy(), lastDay, current.extensionsGranted(),
                current.pausedWorkingDays() + paused);
    }

    /** Working days from today (exclusive) to lastDay (inclusive); negative when overdue (minus the working days since lastDay). */
    public int workingDaysLeft(Deadline deadline, Instant now) {
        Objects.requireNonNull(deadline, "deadline");
        LocalDate today = dateOf(now);
        return today.isAfter(deadline.lastDay())
                ? -calendar.workingDaysBetween(deadline.lastDay(), today)
                : calendar.workingDaysBetween(today, deadline.lastDay());
    }

    /** Whether now is after the end of the last day. */
    public boolean isOverdue(Deadline deadline, Instant now) {
        Objects.requireNonNull(deadline, "deadline");
        return Objects.requireNonNull(now, "now").isAfter(deadline.dueAt());
    }

    private LocalDate countOn(LocalDate from, Term term) {
        return switch (term.unit()) {
            case WORKING_DAYS -> calendar.plusWorkingDays(from, term.amount());
            case CALENDAR_DAYS -> calendar.onOrNextWorkingDay(from.plusDays(term.amount()));
            case MONTHS -> calendar.onOrNextWorkingDay(from.plusMonths(term.amount()));
        };
    }

    private Deadline deadline(DeadlinePolicy policy, LocalDate lastDay, int extensions, int paused) {
        Instant dueAt = lastDay.atTime(END_OF_DAY).atZone(zone).toInstant();
        return new Deadline(policy, lastDay, dueAt, extensions, paused);
    }

    private LocalDate dateOf(Instant instant) {
        return Objects.requireNonNull(instant, "instant").atZone(zone).toLocalDate();
    }
}
