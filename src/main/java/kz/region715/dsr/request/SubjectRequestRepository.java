package kz.region715.dsr.request;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import kz.region715.dsr.platform.http.ExportFilter;
import kz.region715.dsr.request.domain.RequestStatus;
import kz.region715.dsr.request.domain.RequestType;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * The request capability's table, and the only way into it: other capabilities use the named methods below, never
 * their own queries on {@link SubjectRequest} or {@code subject_request} (ArchitectureTest checks).
 */
@ApplicationScoped
public class SubjectRequestRepository implements PanacheRepositoryBase<SubjectRequest, UUID> {

    private static final String REFERENCE_SEQUENCE = "request_reference_seq";
    private static final String OPEN_CASE_SQL = RequestStatus.OPEN_CASE.stream().map(s -> "'" + s + "'")
            .collect(Collectors.joining(", ", "(", ")"));

    /** How many requests are in a status, of a type. */
    public record StatusTypeCount(RequestStatus status, RequestType type, long count) {
    }

    /** A closed case's times: when it came in, when it closed, when it was due (null if never set). */
    public record ClosedCase(Instant receivedAt, Instant closedAt, Instant dueAt) {
    }

    /** How a request is named in the audit trail: its reference and the subject's pseudonym. */
    public record Label(String reference, String subjectKey) {
    }

    /** The officers' queue filter; null members do not filter. The cursor is the last (dueAt, id) seen. */
    public record QueueFilter(List<RequestStatus> statuses, List<RequestType> types, String assignee,
            boolean unassigned, Boolean overdue, Instant now, Instant dueBefore, Instant receivedFrom,
            Instant receivedTo, String reference, Instant afterDue, UUID afterId) {
    }

    /** One request as the handling report shows it: no personal data. */
    public record ReportRow(String reference, String type, String channel, Instant receivedAt, Instant verifiedAt,
            LocalDate dueLastDay, String deadlinePolicy, String deadlineBasis, int extensionsGranted,
            String decidedBy, Instant decidedAt, String rejectionBasis, String cancellationReason, Instant closedAt,
            String status) {
    }

    /** Takes the rows of the handling report one by one, as they stream from the database. */
    @FunctionalInterface
    public interface ReportSink {
        /** Once the query has run, before the first row. */
        default void begin() throws IOException {
        }

        void accept(ReportRow row) throws IOException;
    }

    /** The next number for a public reference, from a database sequence (unique across replicas). */
    public long nextReferenceNumber() {
        Session session = getEntityManager().unwrap(Session.class);
        String sql = ((SessionFactoryImplementor) session.getSessionFactory()).getJdbcServices().getDialect()
                .getSequenceSupport().getSequenceNextValString(REFERENCE_SEQUENCE);
        return ((Number) getEntityManager().createNativeQuery(sql).getSingleResult()).longValue();
    }

    /** The request, if there is one with this id. */
    public Optional<SubjectRequest> lookup(UUID id) {
        return findByIdOptional(id);
    }

    /**
     * The request another record refers to (an execution, an alert, an event): it exists.
     *
     * @throws IllegalStateException when it does not
     */
    public SubjectRequest require(UUID id) {
        SubjectRequest request = findById(id);
        if (request == null) {
            throw new IllegalStateException("no request " + id);
        }
        return request;
    }

    /** The case with this id: a verified request (an unverified one is not a case, officers do not see it). */
    public Optional<SubjectRequest> findCase(UUID id) {
        return lookup(id).filter(request -> request.status().isVerified());
    }

    /** The public reference of a request another one refers to (a duplicate). */
    public String referenceOf(UUID id) {
        return require(id).reference();
    }

    /** How the request is named in the audit trail; it must exist. */
    public Label labelOf(UUID id) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery(
                        "select reference, subject_key from subject_request where id = ?1")
                .setParameter(1, id).getSingleResult();
        return new Label((String) row[0], (String) row[1]);
    }

    /** The oldest other open case of the same subject and type: {@code request} may be its duplicate. */
    public Optional<SubjectRequest> openDuplicateOf(SubjectRequest request) {
        return getEntityManager().createQuery("from SubjectRequest r where r.subjectKey = :key and r.type = :type"
                        + " and r.id <> :id and r.status in :open order by r.receivedAt", SubjectRequest.class)
                .setParameter("key", request.subjectKey())
                .setParameter("type", request.type())
                .setParameter("id", request.id())
                .setParameter("open", RequestStatus.OPEN_CASE)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** Every request of the subject with this pseudonym, oldest first. */
    public List<SubjectRequest> ofSubject(String subjectKey) {
        return subjectQuery(subjectKey).getResultList();
    }

    /** The subject's first {@code limit} requests, oldest first. */
    public List<SubjectRequest> ofSubject(String subjectKey, int limit) {
        return subjectQuery(subjectKey).setMaxResults(limit).getResultList();
    }

    private TypedQuery<SubjectRequest> subjectQuery(String subjectKey) {
        return getEntityManager().createQuery("from SubjectRequest r where r.subjectKey = :key order by r.receivedAt",
                SubjectRequest.class).setParameter("key", subjectKey);
    }

    /** Ids of unverified requests filed before {@code cutoff}, oldest first. */
    public List<UUID> unverifiedFiledBefore(Instant cutoff, int limit) {
        return getEntityManager().createQuery(
                        "select r.id from SubjectRequest r where r.status = :status and r.receivedAt < :cutoff"
                                + " order by r.receivedAt", UUID.class)
                .setParameter("status", RequestStatus.PENDING_VERIFICATION)
                .setParameter("cutoff", cutoff)
                .setMaxResults(limit)
                .getResultList();
    }

    // ---- Counts and reports ----

    /** Open cases by status and type (statuses and types without any are missing). */
    public List<StatusTypeCount> openCaseCounts() {
        return getEntityManager().createQuery("select r.status, r.type, count(r) from SubjectRequest r"
                        + " where r.status in :open group by r.status, r.type", Object[].class)
                .setParameter("open", RequestStatus.OPEN_CASE)
                .getResultStream()
                .map(SubjectRequestRepository::count)
                .toList();
    }

    /** Open cases past their due instant at {@code now}. */
    public long overdueOpenCases(Instant now) {
        return getEntityManager().createQuery("select count(r) from SubjectRequest r where r.status in :open"
                        + " and r.deadline.dueAt < :now", Long.class)
                .setParameter("open", RequestStatus.OPEN_CASE)
                .setParameter("now", now)
                .getSingleResult();
    }

    /** Verified requests received in [from, to), by status and type, in that order. */
    public List<StatusTypeCount> casesReceived(Instant from, Instant to) {
        return getEntityManager().createQuery("select r.status, r.type, count(r) from SubjectRequest r"
                        + " where r.verifiedAt is not null and r.receivedAt >= :from and r.receivedAt < :to"
                        + " group by r.status, r.type order by r.status, r.type", Object[].class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultStream()
                .map(SubjectRequestRepository::count)
                .toList();
    }

    /** Verified requests closed in [from, to). */
    public List<ClosedCase> casesClosed(Instant from, Instant to) {
        return getEntityManager().createQuery("select r.receivedAt, r.closedAt, r.deadline.dueAt"
                        + " from SubjectRequest r where r.verifiedAt is not null and r.closedAt >= :from"
                        + " and r.closedAt < :to", Object[].class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultStream()
                .map(row -> new ClosedCase((Instant) row[0], (Instant) row[1], (Instant) row[2]))
                .toList();
    }

    private static StatusTypeCount count(Object[] row) {
        return new StatusTypeCount((RequestStatus) row[0], (RequestType) row[1], ((Number) row[2]).longValue());
    }

    /**
     * The officers' work queue: verified cases by due date and id, filtered, from after the cursor on (keyset
     * pagination: each page is an index range scan however deep it is).
     */
    public List<SubjectRequest> queue(QueueFilter filter, int maxResults) {
        StringBuilder jpql = new StringBuilder("from SubjectRequest r where r.status not in :notCases");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("notCases", List.of(RequestStatus.PENDING_VERIFICATION, RequestStatus.EXPIRED));
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            jpql.append(" and r.status in :statuses");
            parameters.put("statuses", filter.statuses());
        }
        if (filter.types() != null && !filter.types().isEmpty()) {
            jpql.append(" and r.type in :types");
            parameters.put("types", filter.types());
        }
        if (filter.assignee() != null) {
            jpql.append(" and r.assignee = :assignee");
            parameters.put("assignee", filter.assignee());
        }
        if (filter.unassigned()) {
            jpql.append(" and r.assignee is null");
        }
        if (filter.overdue() != null) {
            jpql.append(filter.overdue()
                    ? " and r.status in :open and r.deadline.dueAt < :now"
                    : " and (r.status not in :open or r.deadline.dueAt >= :now)");
            parameters.put("open", RequestStatus.OPEN_CASE);
            parameters.put("now", filter.now());
        }
        if (filter.dueBefore() != null) {
            jpql.append(" and r.deadline.dueAt < :dueBefore");
            parameters.put("dueBefore", filter.dueBefore());
        }
        if (filter.receivedFrom() != null) {
            jpql.append(" and r.receivedAt >= :receivedFrom");
            parameters.put("receivedFrom", filter.receivedFrom());
        }
        if (filter.receivedTo() != null) {
            jpql.append(" and r.receivedAt < :receivedTo");
            parameters.put("receivedTo", filter.receivedTo());
        }
        if (filter.reference() != null) {
            jpql.append(" and r.reference = :reference");
            parameters.put("reference", filter.reference());
        }
        if (filter.afterId() != null) {
            jpql.append(" and (r.deadline.dueAt > :afterDue or (r.deadline.dueAt = :afterDue and r.id > :afterId))");
            parameters.put("afterDue", filter.afterDue());
            parameters.put("afterId", filter.afterId());
        }
        jpql.append(" order by r.deadline.dueAt, r.id");
        TypedQuery<SubjectRequest> typed = getEntityManager().createQuery(jpql.toString(), SubjectRequest.class)
                .setMaxResults(maxResults);
        parameters.forEach(typed::setParameter);
        return typed.getResultList();
    }

    /** Open cases overdue at {@code now} that have no {@code threshold} alert for their current due date yet. */
    public List<UUID> overdueCasesNotAlerted(String threshold, Instant now, int limit) {
        return casesNotAlerted(threshold, "r.due_at < ?2", now, null, limit);
    }

    /** Open cases due in [now, horizon) that have no {@code threshold} alert for their current due date yet. */
    public List<UUID> casesDueNotAlerted(String threshold, Instant now, Instant horizon, int limit) {
        return casesNotAlerted(threshold, "r.due_at >= ?2 and r.due_at < ?3", now, horizon, limit);
    }

    /** Reads casework's deadline_alert, which refers to this table: one statement, by the due-date index. */
    @SuppressWarnings("unchecked")
    private List<UUID> casesNotAlerted(String threshold, String window, Instant now, Instant horizon, int limit) {
        var query = getEntityManager().createNativeQuery("select r.id from subject_request r where r.status in "
                        + OPEN_CASE_SQL + " and " + window + " and not exists (select 1 from deadline_alert a"
                        + " where a.request_id = r.id and a.threshold = ?1 and a.due_at = r.due_at) order by r.due_at",
                        UUID.class)
                .setParameter(1, threshold)
                .setParameter(2, now)
                .setMaxResults(limit);
        if (horizon != null) {
            query.setParameter(3, horizon);
        }
        return query.getResultList();
    }

    /**
     * Streams the handling report over {@code filter} (received in [from, to), a reference, a type) to
     * {@code sink}, in order of receipt, through a database cursor: flat memory however many rows. Needs a
     * transaction.
     */
    public void report(ExportFilter filter, ReportSink sink) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            List<Object> parameters = new ArrayList<>();
            StringBuilder sql = new StringBuilder("select reference, type, channel, received_at, verified_at,"
                    + " due_last_day, deadline_policy, deadline_basis, extensions_granted, decided_by, decided_at,"
                    + " rejection_basis, cancellation_reason, closed_at, status from subject_request where 1 = 1");
            if (filter.from() != null) {
                sql.append(" and received_at >= ?");
                parameters.add(Timestamp.from(filter.from()));
            }
            if (filter.to() != null) {
                sql.append(" and received_at < ?");
                parameters.add(Timestamp.from(filter.to()));
            }
            if (filter.request() != null) {
                sql.append(" and reference = ?");
                parameters.add(filter.request());
            }
            if (filter.type() != null) {
                sql.append(" and type = ?");
                parameters.add(filter.type());
            }
            sql.append(" order by received_at, reference");
            try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
                query.setFetchSize(500);
                for (int i = 0; i < parameters.size(); i++) {
                    query.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet rows = query.executeQuery()) {
                    sink.begin();
                    while (rows.next()) {
                        sink.accept(reportRow(rows));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static ReportRow reportRow(ResultSet rows) throws SQLException {
        Date dueLastDay = rows.getDate(6);
        return new ReportRow(rows.getString(1), rows.getString(2), rows.getString(3), instant(rows.getTimestamp(4)),
                instant(rows.getTimestamp(5)), dueLastDay == null ? null : dueLastDay.toLocalDate(),
                rows.getString(7), rows.getString(8), rows.getInt(9), rows.getString(10),
                instant(rows.getTimestamp(11)), rows.getString(12), rows.getString(13), instant(rows.getTimestamp(14)),
                rows.getString(15));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
