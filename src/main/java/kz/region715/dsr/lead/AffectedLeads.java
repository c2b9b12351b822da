package kz.region715.dsr.lead;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import kz.region715.dsr.platform.http.KeysetCursor;
import kz.region715.dsr.request.domain.DataSource;

/**
 * The leads a personal-data breach may have affected, as the breach register selects them: by source, the time the
 * lead was received and the data it holds, or by id. One statement per count, page or batch; a lead already
 * anonymised holds none of the person's data any more and is never selected.
 */
@ApplicationScoped
public class AffectedLeads {

    /** What a lead may hold (privacy policy section 2), each tested by its column being set. */
    public enum Datum {
        NAME("name"), PHONE("phone"), EMAIL("email"), MESSAGE("message"), IP_ADDRESS("ipAddress"),
        COOKIE("cookieId");

        private final String attribute;

        Datum(String attribute) {
            this.attribute = attribute;
        }
    }

    /**
     * Which leads: by {@code ids} (when not null, the only criterion), else those of {@code sources} received in
     * [{@code from}, {@code to}) (either end open when null) that hold at least one of {@code data}.
     */
    public record Selection(Set<DataSource> sources, Instant from, Instant to, Set<Datum> data, Set<UUID> ids) {
    }

    /** A lead as the officer previews it: the contact as officers read leads, and the data it holds. */
    public record Row(UUID id, DataSource source, Instant receivedAt, String name, String phone, String email,
            Set<Datum> holds) {
    }

    /** A lead as the breach freezes it: its pseudonyms and the data it holds, no contact detail. */
    public record Key(UUID id, DataSource source, Instant receivedAt, String emailKey, String phoneKey,
            String telegramKey, Set<Datum> holds) {
    }

    /** Where a lead can be written to now: its address, its pseudonym, the name and the language (null when unknown). */
    public record Reachable(UUID id, String email, String emailKey, String name, String locale,
            String telegramUserId) {
    }

    private final EntityManager em;

    AffectedLeads(EntityManager em) {
        this.em = em;
    }

    public long count(Selection selection) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        TypedQuery<Long> query = em.createQuery("select count(l) from Lead l where " + where(selection, parameters),
                Long.class);
        parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }

    /** The ids among {@code ids} that name no lead, or only an anonymised one. */
    public Set<UUID> missing(Collection<UUID> ids) {
        Set<UUID> missing = new HashSet<>(ids);
        if (!ids.isEmpty()) {
            missing.removeAll(em.createQuery("select l.id from Lead l where l.id in :ids and l.anonymisedAt is null",
                    UUID.class).setParameter("ids", ids).getResultList());
        }
        return missing;
    }

    /** A page in the order received (then id) after {@code cursor}; one row more than the limit tells of a next page. */
    public List<Row> page(Selection selection, KeysetCursor cursor, int limit) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringBuilder jpql = new StringBuilder("select l.id, l.source, l.receivedAt, l.name, l.phone, l.email, ")
                .append(holds()).append(" from Lead l where ").append(where(selection, parameters));
        if (cursor != null) {
            jpql.append(" and (l.receivedAt > :afterAt or (l.receivedAt = :afterAt and l.id > :afterId))");
            parameters.put("afterAt", cursor.at());
            parameters.put("afterId", cursor.id());
        }
        jpql.append(" order by l.receivedAt, l.id");
        TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class).setMaxResults(limit + 1);
        parameters.forEach(query::setParameter);
        return query.getResultList().stream().map(r -> new Row((UUID) r[0], (DataSource) r[1], (Instant) r[2],
                (String) r[3], (String) r[4], (String) r[5], data(((Number) r[6]).intValue()))).toList();
    }

    /** Every selected lead's keys, batch after batch of {@code batchSize} in id order (one statement a batch). */
    public void keys(Selection selection, int batchSize, Consumer<List<Key>> batch) {
        UUID after = null;
        while (true) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            StringBuilder jpql = new StringBuilder("select l.id, l.source, l.receivedAt, l.emailKey, l.phoneKey, "
                    + "l.telegramKey, ").append(holds()).append(" from Lead l where ").append(where(selection, parameters));
            if (after != null) {
                jpql.append(" and l.id > :after");
                parameters.put("after", after);
            }
            TypedQuery<Object[]> query = em.createQuery(jpql.append(" order by l.id").toString(), Object[].class)
                    .setMaxResults(batchSize);
            parameters.forEach(query::setParameter);
            List<Key> keys = query.getResultList().stream().map(r -> new Key((UUID) r[0], (DataSource) r[1],
                    (Instant) r[2], (String) r[3], (String) r[4], (String) r[5], data(((Number) r[6]).intValue())))
                    .toList();
            if (keys.isEmpty()) {
                return;
            }
            batch.accept(keys);
            if (keys.size() < batchSize) {
                return;
            }
            after = keys.getLast().id();
        }
    }

    /** Those of {@code ids} that can be written to now: they exist, are not anonymised and hold an e-mail address. */
    public List<Reachable> reachable(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select l.id, l.email, l.emailKey, l.name, l.locale, l.telegramUserId from Lead l"
                        + " where l.id in :ids and ((l.email is not null and l.emailKey is not null)"
                        + " or l.telegramUserId is not null) and l.anonymisedAt is null order by l.id",
                Object[].class).setParameter("ids", ids).getResultList().stream()
                .map(r -> new Reachable((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                        (String) r[4], (String) r[5])).toList();
    }

    private static String where(Selection s, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        conditions.add("l.anonymisedAt is null");
        if (s.ids() != null) {
            conditions.add("l.id in :ids");
            parameters.put("ids", s.ids());
            return String.join(" and ", conditions);
        }
        if (s.sources() != null && !s.sources().isEmpty()) {
            conditions.add("l.source in :sources");
            parameters.put("sources", s.sources());
        }
        if (s.from() != null) {
            conditions.add("l.receivedAt >= :from");
            parameters.put("from", s.from());
        }
        if (s.to() != null) {
            conditions.add("l.receivedAt < :to");
            parameters.put("to", s.to());
        }
        if (s.data() != null && !s.data().isEmpty()) {
            conditions.add("(" + String.join(" or ", s.data().stream()
                    .map(d -> "l." + d.attribute + " is not null").toList()) + ")");
        }
        return String.join(" and ", conditions);
    }

    /** The data a lead holds as one number, a bit per datum in the enum's order. */
    private static String holds() {
        List<String> bits = new ArrayList<>();
        for (Datum d : Datum.values()) {
            bits.add("case when l." + d.attribute + " is not null then " + (1 << d.ordinal()) + " else 0 end");
        }
        return "(" + String.join(" + ", bits) + ")";
    }

    private static Set<Datum> data(int bits) {
        Set<Datum> set = EnumSet.noneOf(Datum.class);
        for (Datum d : Datum.values()) {
            if ((bits & (1 << d.ordinal())) != 0) {
                set.add(d);
            }
        }
        return set;
    }
}
