package kz.region715.dsr.breach;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.region715.dsr.breach.domain.BreachStatus;
import kz.region715.dsr.platform.http.KeysetCursor;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/** The breach register's queries: the only code that reads or writes the breach tables. */
@ApplicationScoped
class BreachRepository {

    private static final String REFERENCE_SEQUENCE = "breach_reference_seq";
    /** Statuses in which the authority notice is owed and unrecorded. */
    static final List<BreachStatus> NOTICE_DUE = List.of(BreachStatus.DETECTED, BreachStatus.ASSESSED);

    private final EntityManager em;

    BreachRepository(EntityManager em) {
        this.em = em;
    }

    void persist(Breach breach) {
        em.persist(breach);
    }

    Breach find(UUID id) {
        return em.find(Breach.class, id);
    }

    /** The next number of a breach reference, from a database sequence (unique across replicas). */
    long nextReferenceNumber() {
        Session session = em.unwrap(Session.class);
        String sql = ((SessionFactoryImplementor) session.getSessionFactory()).getJdbcServices().getDialect()
                .getSequenceSupport().getSequenceNextValString(REFERENCE_SEQUENCE);
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    /** A page of the register by due date, then id, after the cursor; one row more than the limit tells of a next page. */
    List<Breach> page(BreachQuery query, Instant now) {
        StringBuilder jpql = new StringBuilder("from Breach b where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (query.statuses() != null && !query.statuses().isEmpty()) {
            jpql.append(" and b.status in :statuses");
            parameters.put("statuses", query.statuses());
        }
        if (query.overdue() != null) {
            jpql.append(query.overdue()
                    ? " and b.status in :due and b.deadline.dueAt < :now"
                    : " and (b.status not in :due or b.deadline.dueAt >= :now)");
            parameters.put("due", NOTICE_DUE);
            parameters.put("now", now);
        }
        if (query.cursor() != null) {
            KeysetCursor after = KeysetCursor.decode(query.cursor());
            jpql.append(" and (b.deadline.dueAt > :afterDue or (b.deadline.dueAt = :afterDue and b.id > :afterId))");
            parameters.put("afterDue", after.at());
            parameters.put("afterId", after.id());
        }
        jpql.append(" order by b.deadline.dueAt, b.id");
        TypedQuery<Breach> typed = em.createQuery(jpql.toString(), Breach.class).setMaxResults(query.limit() + 1);
        parameters.forEach(typed::setParameter);
        return typed.getResultList();
    }

    /**
     * Ids of breaches whose authority notice is owed, due in [{@code from}, {@code until}) (either end open when
     * null), and not yet alerted for {@code threshold} at their current due instant; soonest first.
     */
    @SuppressWarnings("unchecked")
    List<UUID> alertCandidates(String threshold, Instant from, Instant until, int limit) {
        StringBuilder sql = new StringBuilder("select b.id from breach b where b.status in ('DETECTED', 'ASSESSED')");
        if (from != null) {
            sql.append(" and b.due_at >= :from");
        }
        if (until != null) {
            sql.append(" and b.due_at < :until");
        }
        sql.append(" and not exists (select 1 from breach_alert a where a.breach_id = b.id and a.threshold = :threshold"
                + " and a.due_at = b.due_at) order by b.due_at, b.id");
        var query = em.createNativeQuery(sql.toString(), UUID.class).setParameter("threshold", threshold)
                .setMaxResults(limit);
        if (from != null) {
            query.setParameter("from", from);
        }
        if (until != null) {
            query.setParameter("until", until);
        }
        return query.getResultList();
    }

    /** Claims an alert: true if this call inserted the claim, false if another round (or replica) had it. */
    boolean claimAlert(Breach breach, String threshold, Instant now, String claimer) {
        return em.createNativeQuery("insert into breach_alert (breach_id, threshold, due_at, claimed_at, claimed_by)"
                        + " values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, breach.id())
                .setParameter(2, threshold)
                .setParameter(3, breach.deadline().dueAt())
                .setParameter(4, now)
                .setParameter(5, claimer)
                .executeUpdate() == 1;
    }
}
