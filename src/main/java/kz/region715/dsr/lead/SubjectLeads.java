package kz.region715.dsr.lead;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.region715.dsr.request.domain.DataSource;

/** The leads of one subject, as execution and access packages read them: in id order, batch by batch. */
@ApplicationScoped
public class SubjectLeads {

    /** Whether a batch is read to be changed (locked, NOWAIT) or only to be read. */
    public enum Purpose { READ, CHANGE }

    private final EntityManager em;
    private final LeadActions actions;

    SubjectLeads(EntityManager em, LeadActions actions) {
        this.em = em;
        this.actions = actions;
    }

    /** The match of a subject: {@code confirmedPhone} (E.164) only once an officer confirmed it, else null. */
    public SubjectMatch match(String emailKey, String confirmedPhone, Set<UUID> excluded) {
        return match(emailKey, null, confirmedPhone, excluded);
    }

    /** As above, for a subject verified by e-mail ({@code emailKey}) or in Telegram ({@code telegramKey}). */
    public SubjectMatch match(String emailKey, String telegramKey, String confirmedPhone, Set<UUID> excluded) {
        return new SubjectMatch(emailKey, confirmedPhone == null ? null : actions.phoneKey(confirmedPhone),
                telegramKey, excluded);
    }

    /**
     * The subject's next leads after {@code after} (null: from the first) in id order, of {@code sources} (null:
     * all). Read to change, they are locked, and a lead someone else holds fails at once (NOWAIT) rather than
     * stalling the caller; they are loaded read-only, since changes are written set-based, not by dirty checking.
     */
    public List<Lead> batchAfter(SubjectMatch match, Collection<DataSource> sources, UUID after, int limit,
            Purpose purpose) {
        if (!match.identifiesAnyone()) {
            return List.of();
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringBuilder jpql = new StringBuilder("from Lead l where (").append(keys(match, parameters)).append(")");
        if (sources != null) {
            jpql.append(" and l.source in :sources");
            parameters.put("sources", sources);
        }
        if (!match.excluded().isEmpty()) {
            jpql.append(" and l.id not in :excluded");
            parameters.put("excluded", match.excluded());
        }
        if (after != null) {
            jpql.append(" and l.id > :after");
            parameters.put("after", after);
        }
        TypedQuery<Lead> query = em.createQuery(jpql.append(" order by l.id").toString(), Lead.class)
                .setMaxResults(limit);
        if (purpose == Purpose.CHANGE) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .setHint("jakarta.persistence.lock.timeout", 0) // NOWAIT
                    .setHint("org.hibernate.readOnly", true);
        }
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    /** The subject's blocked leads. */
    public List<Lead> blocked(SubjectMatch match) {
        if (!match.identifiesAnyone()) {
            return List.of();
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        String jpql = "from Lead l where l.restrictedAt is not null and (" + keys(match, parameters) + ")"
                + (match.excluded().isEmpty() ? "" : " and l.id not in :excluded");
        TypedQuery<Lead> query = em.createQuery(jpql, Lead.class);
        parameters.forEach(query::setParameter);
        if (!match.excluded().isEmpty()) {
            query.setParameter("excluded", match.excluded());
        }
        return query.getResultList();
    }

    private static String keys(SubjectMatch match, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (match.emailKey() != null) {
            conditions.add("l.emailKey = :emailKey");
            parameters.put("emailKey", match.emailKey());
        }
        if (match.phoneKey() != null) {
            conditions.add("l.phoneKey = :phoneKey");
            parameters.put("phoneKey", match.phoneKey());
        }
        if (match.telegramKey() != null) {
            conditions.add("l.telegramKey = :telegramKey");
            parameters.put("telegramKey", match.telegramKey());
        }
        return String.join(" or ", conditions);
    }
}
