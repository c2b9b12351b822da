package kz.region715.dsr.breach;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import kz.region715.dsr.breach.domain.DataCategory;
import kz.region715.dsr.lead.AffectedLeads;
import kz.region715.dsr.platform.domain.DomainRuleViolation;
import kz.region715.dsr.platform.http.KeysetCursor;
import kz.region715.dsr.request.domain.DataSource;

/**
 * The people a breach affected: the officer's selection of leads checked and turned into the lead store's query,
 * previewed, and frozen with the breach as lead ids and pseudonyms (never contact details). The callers hold the
 * transaction (BreachService).
 */
@ApplicationScoped
class AffectedPeople {

    private static final int BATCH = 1000;

    private final AffectedLeads leads;
    private final BreachSubjects subjects;

    AffectedPeople(AffectedLeads leads, BreachSubjects subjects) {
        this.leads = leads;
        this.subjects = subjects;
    }

    /** The selection as the lead store runs it, with the categories whose holding is recorded. */
    record Query(AffectedLeads.Selection selection, Set<DataCategory> categories) {
    }

    /** Checks the selection against the breach; every broken rule is named at once (400 validation). */
    Query query(Breach breach, AffectedSelection s) {
        List<DomainRuleViolation.FieldError> errors = new ArrayList<>();
        if (s.receivedFrom() != null && s.receivedTo() != null && !s.receivedFrom().isBefore(s.receivedTo())) {
            errors.add(new DomainRuleViolation.FieldError("receivedFrom", "must be before `receivedTo`"));
        }
        Set<UUID> ids = null;
        if (s.leadIds() != null) {
            if (s.sources() != null || s.receivedFrom() != null || s.receivedTo() != null) {
                errors.add(new DomainRuleViolation.FieldError("leadIds",
                        "select by ids or by sources and time, not both"));
            }
            ids = new LinkedHashSet<>(s.leadIds());
            Set<UUID> missing = leads.missing(ids);
            if (!missing.isEmpty()) {
                errors.add(new DomainRuleViolation.FieldError("leadIds", missing.size() == 1
                        ? "1 id names no lead (or an anonymised one)"
                        : missing.size() + " ids name no lead (or an anonymised one)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.INVALID, "validation", null,
                    errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid", errors,
                    Map.of());
        }
        Set<DataCategory> categories = s.dataCategories() == null ? breach.dataCategories()
                : EnumSet.copyOf(s.dataCategories());
        Set<DataSource> sources = s.sources() == null ? breach.sources() : EnumSet.copyOf(s.sources());
        Set<AffectedLeads.Datum> data = categories.stream().map(c -> AffectedLeads.Datum.valueOf(c.name()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(AffectedLeads.Datum.class)));
        AffectedLeads.Selection selection = ids != null
                ? new AffectedLeads.Selection(null, null, null, null, ids)
                : new AffectedLeads.Selection(sources, s.receivedFrom(), s.receivedTo(), data, null);
        return new Query(selection, categories);
    }

    BreachView.AffectedPage preview(Query query, String cursor, int limit) {
        KeysetCursor after = cursor == null ? null : KeysetCursor.decode(cursor);
        long count = leads.count(query.selection());
        List<AffectedLeads.Row> rows = leads.page(query.selection(), after, limit);
        List<BreachView.AffectedLead> items = rows.subList(0, Math.min(rows.size(), limit)).stream()
                .map(r -> new BreachView.AffectedLead(r.id(), r.source(), r.receivedAt(), r.name(), r.phone(),
                        r.email(), held(r.holds(), query.categories())))
                .toList();
        String next = rows.size() > limit
                ? new KeysetCursor(items.getLast().receivedAt(), items.getLast().id()).encode() : null;
        return new BreachView.AffectedPage(count, items, next);
    }

    /** Replaces the breach's set with the selection's leads, batch by batch; the counts for the breach. */
    void freeze(Breach breach, Query query, Instant now) {
        breach.requireAffectedSetOpen();
        subjects.clear(breach.id());
        leads.keys(query.selection(), BATCH, batch -> subjects.add(breach.id(), batch.stream().map(k ->
                new BreachSubjects.Frozen(k.id(), noticeKey(k), personKey(k),
                        Breach.codes(held(k.holds(), query.categories())), k.source().name(), k.receivedAt()))
                .toList(), now));
        breach.freezeAffected(subjects.leads(breach.id()), subjects.people(breach.id()), now);
    }

    /**
     * Whom a lead's notice goes to: its e-mail pseudonym, else (a lead from the bot with no e-mail) its Telegram id's,
     * which is also the subject key of that user's requests from the bot; null when neither (nobody to write to).
     */
    private static String noticeKey(AffectedLeads.Key k) {
        return k.emailKey() != null ? k.emailKey() : k.telegramKey();
    }

    /** Who a lead counts as: its e-mail pseudonym, else its phone's or Telegram id's, else the lead alone. */
    private static String personKey(AffectedLeads.Key k) {
        if (k.emailKey() != null) {
            return k.emailKey();
        }
        if (k.phoneKey() != null) {
            return "p:" + k.phoneKey();
        }
        return k.telegramKey() != null ? "t:" + k.telegramKey() : "l:" + k.id();
    }

    private static Set<DataCategory> held(Set<AffectedLeads.Datum> holds, Set<DataCategory> categories) {
        Set<DataCategory> held = EnumSet.noneOf(DataCategory.class);
        holds.forEach(d -> held.add(DataCategory.valueOf(d.name())));
        held.retainAll(categories);
        return held;
    }
}
