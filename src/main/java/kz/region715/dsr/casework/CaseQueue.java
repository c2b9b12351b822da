package kz.region715.dsr.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.region715.dsr.platform.http.KeysetCursor;
import kz.region715.dsr.request.SubjectRequest;
import kz.region715.dsr.request.domain.RequestStatus;

/**
 * The officers' work queue: verified cases by due date, filtered, with keyset
 * (cursor) pagination on (dueAt, id), so that pages stay consistent while new
 * cases arrive and each page costs an index range scan however deep it is.
 */
@ApplicationScoped
public class CaseQueue {

    private static final List<RequestStatus> NOT_CASES = List.of(RequestStatus.PENDING_VERIFICATION,
            RequestStatus.EXPIRED);

    private final EntityManager em;
    private final CaseDeadlines caseDeadlines;
    private final Clock clock;

    CaseQueue(EntityManager em, CaseDeadlines caseDeadlines, Clock clock) {
        this.em = em;
        this.caseDeadlines = caseDeadlines;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CaseSummary.Page list(CaseQuery query) {
        Instant now = clock.instant();
        StringBuilder jpql = new StringBuilder("from SubjectRequest r where r.status not in :notCases");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("notCases", NOT_CASES);
        if (query.statuses() != null && !query.statuses().isEmpty()) {
            jpql.append(" and r.status in :statuses");
            parameters.put("statuses", query.statuses());
        }
        if (query.types() != null && !query.types().isEmpty()) {
            jpql.append(" and r.type in :types");
            parameters.put("types", query.types());
        }
        if (query.assignee() != null) {
            jpql.append(" and r.assignee = :assignee");
            parameters.put("assignee", query.assignee());
        }
        if (Boolean.TRUE.equals(query.unassigned())) {
            jpql.append(" and r.assignee is null");
        }
        if (query.overdue() != null) {
            jpql.append(query.overdue()
                    ? " and r.status in :open and r.dueAt < :now"
                    : " and (r.status not in :open or r.dueAt >= :now)");
            parameters.put("open", CaseService.OPEN_STATUSES);
            parameters.put("now", now);
        }
        if (query.dueBefore() != null) {
            jpql.append(" and r.dueAt < :dueBefore");
            parameters.put("dueBefore", query.dueBefore());
        }
        if (query.receivedFrom() != null) {
            jpql.append(" and r.receivedAt >= :receivedFrom");
            parameters.put("receivedFrom", query.receivedFrom());
        }
        if (query.receivedTo() != null) {
            jpql.append(" and r.receivedAt < :receivedTo");
            parameters.put("receivedTo", query.receivedTo());
        }
        if (query.reference() != null) {
            jpql.append(" and r.reference = :reference");
            parameters.put("reference", query.reference());
        }
        if (query.cursor() != null) {
            KeysetCursor after = KeysetCursor.decode(query.cursor());
            jpql.append(" and (r.dueAt > :afterDue or (r.dueAt = :afterDue and r.id > :afterId))");
            parameters.put("afterDue", after.at());
            parameters.put("afterId", after.id());
        }
        jpql.append(" order by r.dueAt, r.id");
        TypedQuery<SubjectRequest> typed = em.createQuery(jpql.toString(), SubjectRequest.class)
                .setMaxResults(query.limit() + 1);
        parameters.forEach(typed::setParameter);
        List<SubjectRequest> rows = typed.getResultList();

        boolean more = rows.size() > query.limit();
        List<CaseSummary> items = new ArrayList<>();
        for (SubjectRequest r : rows.subList(0, Math.min(rows.size(), query.limit()))) {
            CaseDeadlines.Standing standing = caseDeadlines.standing(r, now);
            items.add(new CaseSummary(r.id(), r.reference(), r.type(), r.status(), r.jurisdiction(), r.receivedAt(),
                    r.dueAt(), standing.workingDaysLeft(), standing.overdue(), r.assignee(), r.duplicateOf()));
        }
        String next = more ? new KeysetCursor(items.getLast().dueAt(), items.getLast().id()).encode() : null;
        return new CaseSummary.Page(items, next);
    }
}
