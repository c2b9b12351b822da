package kz.region715.dsr.deadline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import kz.region715.dsr.deadline.domain.ClockStart;
import kz.region715.dsr.deadline.domain.Deadline;
import kz.region715.dsr.deadline.domain.DeadlineCalculator;
import kz.region715.dsr.deadline.domain.DeadlinePolicy;
import kz.region715.dsr.deadline.domain.RuleBasedCalendar;
import kz.region715.dsr.deadline.domain.WorkingCalendar;
import kz.region715.dsr.platform.operator.OperatorConfig;

/**
 * The deadline engine as a service: the policy for a jurisdiction and request type, and deadlines computed on
 * that jurisdiction's working calendar, ending at the end of the day in the operator's time zone. Policies and
 * calendars are loaded once, at construction (see {@link DeadlineData}).
 */
@ApplicationScoped
public class Deadlines {

    private final String defaultJurisdiction;
    private final Map<String, DeadlinePolicy> policies = new LinkedHashMap<>();
    private final Map<String, WorkingCalendar> calendars = new LinkedHashMap<>();
    private final Map<String, DeadlineCalculator> calculators = new LinkedHashMap<>();
    private final Set<String> jurisdictions;

    @Inject
    Deadlines(DeadlineConfig config, OperatorConfig operator) {
        DeadlineData data = DeadlineData.load(config.dataDir(), config.accessTargetWorkingDays());
        ZoneId zone = operator.timeZone();
        data.policies().forEach(p -> policies.put(key(p.jurisdiction(), p.requestType()), p));
        data.calendars().forEach((jurisdiction, rules) -> {
            RuleBasedCalendar calendar = new RuleBasedCalendar(rules);
            calendars.put(jurisdiction, calendar);
            calculators.put(jurisdiction, new DeadlineCalculator(calendar, zone));
        });
        this.jurisdictions = Collections.unmodifiableSet(new TreeSet<>(calendars.keySet()));
        this.defaultJurisdiction = config.defaultJurisdiction();
        if (!calendars.containsKey(defaultJurisdiction)) {
            throw new IllegalArgumentException("dsr.deadline.default-jurisdiction " + defaultJurisdiction
                    + " has no deadline policies; known: " + jurisdictions);
        }
    }

    public String defaultJurisdiction() {
        return defaultJurisdiction;
    }

    public Set<String> jurisdictions() {
        return jurisdictions;
    }

    /** @throws IllegalArgumentException for an unknown jurisdiction or request type */
    public DeadlinePolicy policy(String jurisdiction, String requestType) {
        DeadlinePolicy policy = policies.get(key(jurisdiction, requestType));
        if (policy == null) {
            throw new IllegalArgumentException("no deadline policy for " + jurisdiction + "/" + requestType);
        }
        return policy;
    }

    /**
     * Starts the clock at receipt or at verification, as the policy says.
     *
     * @param verifiedAt may be null only when the policy's clock starts at receipt
     */
    public Deadline start(String jurisdiction, String requestType, Instant receivedAt, Instant verifiedAt) {
        DeadlinePolicy policy = policy(jurisdiction, requestType);
        Instant clockStartsAt = policy.clockStart() == ClockStart.RECEIPT ? receivedAt : verifiedAt;
        if (clockStartsAt == null) {
            throw new IllegalArgumentException(policy.id() + " starts its clock at "
                    + policy.clockStart().name().toLowerCase(Locale.ROOT) + ", which has not happened");
        }
        return calculator(jurisdiction).start(policy, clockStartsAt);
    }

    /** Rebuilds a stored deadline; dueAt is recomputed from lastDay in the operator's zone. */
    public Deadline restore(String jurisdiction, String requestType, LocalDate lastDay, int extensionsGranted,
            int pausedWorkingDays) {
        return calculator(jurisdiction).restore(policy(jurisdiction, requestType), lastDay, extensionsGranted,
                pausedWorkingDays);
    }

    /** @throws kz.region715.dsr.deadline.domain.DeadlineRuleViolation when no further extension is allowed */
    public Deadline extend(Deadline current) {
        return calculatorFor(current).extend(current);
    }

    public Deadline afterPause(Deadline current, Instant pausedFrom, Instant resumedAt) {
        return calculatorFor(current).afterPause(current, pausedFrom, resumedAt);
    }

    public int workingDaysLeft(Deadline d, Instant now) {
        return calculatorFor(d).workingDaysLeft(d, now);
    }

    public boolean isOverdue(Deadline d, Instant now) {
        return calculatorFor(d).isOverdue(d, now);
    }

    /** @throws IllegalArgumentException for an unknown jurisdiction */
    public WorkingCalendar calendar(String jurisdiction) {
        WorkingCalendar calendar = calendars.get(jurisdiction);
        if (calendar == null) {
            throw new IllegalArgumentException("no working calendar for jurisdiction " + jurisdiction);
        }
        return calendar;
    }

    private DeadlineCalculator calculatorFor(Deadline deadline) {
        return calculator(Objects.requireNonNull(deadline, "deadline").policy().jurisdiction());
    }

    private DeadlineCalculator calculator(String jurisdiction) {
        DeadlineCalculator calculator = calculators.get(jurisdiction);
        if (calculator == null) {
            throw new IllegalArgumentException("no deadline policies for jurisdiction " + jurisdiction);
        }
        return calculator;
    }

    private static String key(String jurisdiction, String requestType) {
        return jurisdiction + "/" + requestType;
    }
}
