package kz.region715.dsr.breach;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The queries of breach_subject (the frozen set of leads a breach affected) and breach_notice (the notices to the
 * people in it): the only code that reads or writes those tables.
 */
@ApplicationScoped
class BreachSubjects {

    /** A frozen lead: its id, the person's e-mail pseudonym (null without one), and the data involved. */
    record Subject(UUID leadId, String subjectKey, String categories) {
    }

    /** A lead to freeze: the person it counts as ({@code personKey}) and what it held. */
    record Frozen(UUID leadId, String subjectKey, String personKey, String categories, String source,
            Instant receivedAt) {
    }

    /** A breach that involved a subject's data, as access packages report it. */
    record Involvement(UUID breachId, String categories, Instant notifiedAt) {
    }

    private final EntityManager em;

    BreachSubjects(EntityManager em) {
        this.em = em;
    }

    /** Drops the breach's set, before it is frozen again. */
    void clear(UUID breachId) {
        em.createNativeQuery("delete from breach_subject where breach_id = ?1").setParameter(1, breachId)
                .executeUpdate();
    }

    /** Adds a batch of leads to the breach's set: one JDBC batch, one round trip. */
    void add(UUID breachId, List<Frozen> batch, Instant at) {
        if (batch.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into breach_subject (breach_id, "
                    + "lead_id, subject_key, person_key, categories, source, received_at, frozen_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                OffsetDateTime frozenAt = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
                for (Frozen f : batch) {
                    insert.setObject(1, breachId);
                    insert.setObject(2, f.leadId());
                    insert.setString(3, f.subjectKey());
                    insert.setString(4, f.personKey());
                    insert.setString(5, f.categories());
                    insert.setString(6, f.source());
                    insert.setObject(7, OffsetDateTime.ofInstant(f.receivedAt(), ZoneOffset.UTC));
                    insert.setObject(8, frozenAt);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    long leads(UUID breachId) {
        return ((Number) em.createNativeQuery("select count(*) from breach_subject where breach_id = ?1")
                .setParameter(1, breachId).getSingleResult()).longValue();
    }

    long people(UUID breachId) {
        return ((Number) em.createNativeQuery("select count(distinct person_key) from breach_subject where breach_id = ?1")
                .setParameter(1, breachId).getSingleResult()).longValue();
    }

    /** The next e-mail pseudonyms of the set after {@code after} (null: from the first), in order. */
    @SuppressWarnings("unchecked")
    List<String> subjectKeysAfter(UUID breachId, String after, int limit) {
        return em.createNativeQuery("select distinct subject_key from breach_subject where breach_id = ?1"
                        + " and subject_key is not null and subject_key > ?2 order by subject_key", String.class)
                .setParameter(1, breachId).setParameter(2, after == null ? "" : after).setMaxResults(limit)
                .getResultList();
    }

    /** The frozen leads of these people, by person then lead. */
    List<Subject> leadsOf(UUID breachId, Collection<String> subjectKeys) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select lead_id, subject_key, categories from breach_subject"
                        + " where breach_id = ?1 and subject_key in (?2) order by subject_key, lead_id")
                .setParameter(1, breachId).setParameter(2, subjectKeys).getResultList();
        return rows.stream().map(r -> new Subject(uuid(r[0]), (String) r[1], (String) r[2])).toList();
    }

    /**
     * Claims the notice to a person: true if this call inserted the claim, false if one was there (an earlier
     * round, or another replica). In the transaction that queues the mail, under the id given to it.
     */
    boolean claimNotice(UUID breachId, String subjectKey, UUID messageId, String locale, Instant at) {
        return em.createNativeQuery("insert into breach_notice (breach_id, subject_key, outbox_message_id, locale,"
                        + " queued_at) values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, breachId)
                .setParameter(2, subjectKey)
                .setParameter(3, messageId)
                .setParameter(4, locale)
                .setParameter(5, at)
                .executeUpdate() == 1;
    }

    long notices(UUID breachId) {
        return ((Number) em.createNativeQuery("select count(*) from breach_notice where breach_id = ?1")
                .setParameter(1, breachId).getSingleResult()).longValue();
    }

    /**
     * The breaches whose frozen set holds one of {@code leadIds} or the pseudonym {@code subjectKey}, with the
     * categories of the subject's data involved (codes, comma-separated, per lead) and when the subject was
     * notified (null when not).
     */
    List<Involvement> involving(Collection<UUID> leadIds, String subjectKey) {
        if ((leadIds == null || leadIds.isEmpty()) && subjectKey == null) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("select s.breach_id, s.categories, n.queued_at from breach_subject s"
                + " left join breach_notice n on n.breach_id = s.breach_id and n.subject_key = s.subject_key where ");
        boolean byLead = leadIds != null && !leadIds.isEmpty();
        if (byLead) {
            sql.append("s.lead_id in (:ids)");
        }
        if (subjectKey != null) {
            sql.append(byLead ? " or " : "").append("s.subject_key = :subjectKey");
        }
        var query = em.createNativeQuery(sql.append(" order by s.breach_id").toString());
        if (byLead) {
            query.setParameter("ids", leadIds);
        }
        if (subjectKey != null) {
            query.setParameter("subjectKey", subjectKey);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Involvement(uuid(r[0]), (String) r[1], instant(r[2]))).toList();
    }

    /** A uuid column of a native query: a UUID on PostgreSQL, 16 bytes on H2. */
    private static UUID uuid(Object value) {
        if (value instanceof byte[] bytes) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
            return new UUID(buffer.getLong(), buffer.getLong());
        }
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("not a time: " + value.getClass());
        };
    }
}
