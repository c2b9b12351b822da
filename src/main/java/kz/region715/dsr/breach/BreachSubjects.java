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

    /** A breach whose notices were started: where its rounds stand. */
    record Round(UUID breachId, String afterKey, int rounds, String startedBy, Instant startedAt) {
    }

    private final EntityManager em;
    private volatile Boolean skipLocked;

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

    /** Opens the rounds of a breach's notices, in the transaction that starts them (under the breach's lock). */
    Round startRounds(UUID breachId, String startedBy, Instant at) {
        em.createNativeQuery("insert into breach_notice_round (breach_id, started_at, started_by, after_key, rounds)"
                        + " values (?1, ?2, ?3, null, 0)")
                .setParameter(1, breachId).setParameter(2, at).setParameter(3, startedBy).executeUpdate();
        return new Round(breachId, null, 0, startedBy, at);
    }

    /**
     * The oldest breach with notices left to queue whose round no other transaction holds, locked until the caller's
     * transaction ends (FOR UPDATE SKIP LOCKED; on a database without SKIP LOCKED the lock is waited for); null when
     * there is none.
     */
    Round lockOpenRound() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select breach_id, after_key, rounds, started_by, started_at"
                        + " from breach_notice_round where finished_at is null order by started_at, breach_id"
                        + " limit 1 for update" + (skipLocked() ? " skip locked" : ""))
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.getFirst();
        return new Round(uuid(r[0]), (String) r[1], ((Number) r[2]).intValue(), (String) r[3], instant(r[4]));
    }

    /** A round of the breach's notices is queued up to {@code afterKey}; {@code finishedAt} when it was the last. */
    void roundDone(UUID breachId, String afterKey, Instant finishedAt) {
        em.createNativeQuery("update breach_notice_round set after_key = ?2, rounds = rounds + 1, finished_at = ?3"
                        + " where breach_id = ?1")
                .setParameter(1, breachId).setParameter(2, afterKey).setParameter(3, finishedAt).executeUpdate();
    }

    private boolean skipLocked() {
        Boolean known = skipLocked;
        if (known == null) {
            known = em.unwrap(Session.class).doReturningWork(
                    connection -> "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()));
            skipLocked = known;
        }
        return known;
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
