package kz.region715.dsr.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.region715.dsr.platform.http.KeysetCursor;
import kz.region715.dsr.request.SubjectRequest;
import kz.region715.dsr.request.SubjectRequestRepository;

/**
 * The officers' work queue: verified cases by due date, filtered, with keyset
 * (cursor) pagination on (dueAt, id), so that pages stay consistent while new
 * cases arrive and each page costs an index range scan however deep it is.
 */
@ApplicationScoped
public class CaseQueue {

    private final SubjectRequestRepository requests;
    private final CaseDeadlines caseDeadlines;
    private final Clock clock;

    CaseQueue(SubjectRequestRepository requests, CaseDeadlines caseDeadlines, Clock clock) {
        this.requests = requests;
        this.caseDeadlines = caseDeadlines;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CaseSummary.Page list(CaseQuery query) {
        Instant now = clock.instant();
        KeysetCursor after = query.cursor() == null ? null : KeysetCursor.decode(query.cursor());
        List<SubjectRequest> rows = requests.queue(new SubjectRequestRepository.QueueFilter(query.statuses(),
                query.types(), query.assignee(), Boolean.TRUE.equals(query.unassigned()), query.overdue(), now,
                query.dueBefore(), query.receivedFrom(), query.receivedTo(), query.reference(),
                after == null ? null : after.at(), after == null ? null : after.id()), query.limit() + 1);

        boolean more = rows.size() > query.limit();
        List<CaseSummary> items = new ArrayList<>();
        for (SubjectRequest r : rows.subList(0, Math.min(rows.size(), query.limit()))) {
            CaseDeadlines.Standing standing = caseDeadlines.standing(r, now);
            items.add(new CaseSummary(r.id(), r.reference(), r.type(), r.status(), r.deadline().jurisdiction(),
                    r.receivedAt(), r.deadline().dueAt(), standing.workingDaysLeft(), standing.overdue(), r.assignee(),
                    r.duplicateOf()));
        }
        String next = more ? new KeysetCursor(items.getLast().dueAt(), items.getLast().id()).encode() : null;
        return new CaseSummary.Page(items, next);
    }
}
