package kz.region715.dsr.casework;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import kz.region715.dsr.deadline.Deadlines;
import kz.region715.dsr.deadline.domain.Deadline;
import kz.region715.dsr.request.CaseDeadline;
import kz.region715.dsr.request.SubjectRequest;

/** A case's stored deadline as the engine's value, and where the case stands against it. */
@ApplicationScoped
class CaseDeadlines {

    /** Working days left, and overdue (only a case still being worked can be overdue). */
    record Standing(Deadline deadline, int workingDaysLeft, boolean overdue) {
    }

    private final Deadlines deadlines;

    CaseDeadlines(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    Deadline of(SubjectRequest request) {
        CaseDeadline stored = request.deadline();
        return deadlines.restore(stored.jurisdiction(), request.type().name(), stored.dueLastDay(),
                stored.extensionsGranted(), stored.pausedWorkingDays());
    }

    Standing standing(SubjectRequest request, Instant now) {
        Deadline deadline = of(request);
        boolean open = request.status().isOpenCase();
        return new Standing(deadline, deadlines.workingDaysLeft(deadline, now),
                open && deadlines.isOverdue(deadline, now));
    }
}
