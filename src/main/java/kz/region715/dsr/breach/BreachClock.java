package kz.region715.dsr.breach;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import kz.region715.dsr.deadline.Deadlines;
import kz.region715.dsr.deadline.domain.Deadline;

/**
 * The authority notice's term, from the deadline engine: the policy {@value #POLICY_TYPE} of the default
 * jurisdiction, its clock started at detection (clockStart RECEIPT). An operator changes it as data, in its copy of
 * policies.json; a jurisdiction without the policy stops the start-up.
 */
@ApplicationScoped
class BreachClock {

    static final String POLICY_TYPE = "BREACH_AUTHORITY_NOTICE";

    private final Deadlines deadlines;

    BreachClock(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    void checkPolicy(@Observes StartupEvent event) {
        deadlines.policy(deadlines.defaultJurisdiction(), POLICY_TYPE);
    }

    String jurisdiction() {
        return deadlines.defaultJurisdiction();
    }

    /** The term of a breach detected at {@code detectedAt}. */
    Deadline start(Instant detectedAt) {
        return deadlines.start(jurisdiction(), POLICY_TYPE, detectedAt, detectedAt);
    }

    /** Working days left to the last day (negative past it), as the engine counts them. */
    int workingDaysLeft(Breach breach, Instant now) {
        AuthorityDeadline d = breach.deadline();
        Deadline deadline = deadlines.restore(d.jurisdiction(), POLICY_TYPE, d.lastDay(), 0, 0);
        return deadlines.workingDaysLeft(deadline, now);
    }
}
