package kz.region715.dsr.lead;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.region715.dsr.platform.audit.AuditEventType;
import kz.region715.dsr.platform.audit.AuditTrail;
import kz.region715.dsr.platform.crypto.Secrets;
import kz.region715.dsr.request.domain.CorrectableField;
import kz.region715.dsr.request.domain.EmailAddress;
import kz.region715.dsr.request.domain.PhoneNumber;

/**
 * What carrying out a subject's request does to one lead, in the caller's
 * transaction: correct, block, unblock, withdraw consent; for a batch of leads,
 * one JDBC batch per change rather than one ORM update per lead. Erasure is
 * {@link Erasure}. Each action is safe to repeat.
 */
@ApplicationScoped
public class LeadActions {

    private final EntityManager em;
    private final Secrets secrets;
    private final LeadService leads;
    private final AuditTrail audit;

    LeadActions(EntityManager em, Secrets secrets, LeadService leads, AuditTrail audit) {
        this.em = em;
        this.secrets = secrets;
        this.leads = leads;
        this.audit = audit;
    }

    /** Who acts on the lead and for which request: what the trail records with each action. */
    public record By(String actor, String requestRef) {
    }

    private void record(AuditEventType type, By by, Lead lead, Object... details) {
        Object[] all = new Object[details.length + 2];
        all[0] = "lead";
        all[1] = lead.id();
        System.arraycopy(details, 0, all, 2, details.length);
        audit.record(type, by.actor(), by.requestRef(), lead.emailKey(), AuditTrail.details(all));
    }

    /** A new value for a field, already validated. */
    public record Change(CorrectableField field, String value) {
    }

    /**
     * Applies the changes to each lead, one JDBC batch per changed field for the whole batch; returns, by lead id,
     * the fields whose value actually changed (no values, for the record). The leads are as read before the change.
     */
    public Map<UUID, Set<CorrectableField>> correctAll(List<Lead> leads, List<Change> changes, By by) {
        Map<UUID, Set<CorrectableField>> changed = new LinkedHashMap<>();
        leads.forEach(lead -> changed.put(lead.id(), EnumSet.noneOf(CorrectableField.class)));
        for (Change change : changes) {
            Map<String, Object> values = new LinkedHashMap<>();
            Function<Lead, String> current = switch (change.field()) {
                case NAME -> {
                    values.put("name", change.value());
                    yield Lead::name;
                }
                case MESSAGE -> {
                    values.put("message", change.value());
                    yield Lead::message;
                }
                case EMAIL -> {
                    EmailAddress email = EmailAddress.parse(change.value());
                    values.put("email", email.asGiven());
                    values.put("emailKey", this.leads.emailKey(email.normalised()));
                    yield Lead::email;
                }
                case PHONE -> {
                    String e164 = PhoneNumber.parse(change.value()).e164();
                    values.put("phone", e164);
                    values.put("phoneKey", phoneKey(e164));
                    yield Lead::phone;
                }
            };
            Object value = values.values().iterator().next();
            List<UUID> ids = leads.stream().filter(lead -> !value.equals(current.apply(lead))).map(Lead::id).toList();
            update(values, ids);
            ids.forEach(id -> changed.get(id).add(change.field()));
        }
        for (Lead lead : leads) {
            audit.record(AuditEventType.LEAD_CORRECTED, by.actor(), by.requestRef(), lead.emailKey(),
                    AuditTrail.details("lead", lead.id(), "fields", changed.get(lead.id()).stream().map(Enum::name)
                            .collect(Collectors.joining(","))));
        }
        return changed;
    }

    /** Blocks the leads, in one JDBC batch; returns those that were open (a blocked lead keeps its first reason). */
    public Set<UUID> restrictAll(List<Lead> leads, String reason, Instant at, By by) {
        Set<UUID> open = leads.stream().filter(lead -> lead.restrictedAt() == null).map(Lead::id)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        update(values("restrictedAt", at, "restrictionReason", reason), open);
        for (Lead lead : leads) {
            record(open.contains(lead.id()) ? AuditEventType.LEAD_RESTRICTED : AuditEventType.LEAD_ALREADY_RESTRICTED,
                    by, lead);
        }
        return open;
    }

    public boolean liftRestriction(Lead lead, String reason, By by) {
        boolean lifted = lead.liftRestriction();
        if (lifted) {
            record(AuditEventType.LEAD_UNRESTRICTED, by, lead, "reasonLength", AuditTrail.lengthOf(reason));
        }
        return lifted;
    }

    /**
     * Withdraws consent for the purposes given, or all when null, one JDBC batch per resulting set of purposes;
     * returns the leads with no purpose left (their consent as a whole is withdrawn and processing stops).
     */
    public Set<UUID> withdrawConsentAll(List<Lead> leads, Set<String> purposes, Instant at, By by) {
        Set<UUID> none = new LinkedHashSet<>();
        List<UUID> toStamp = new ArrayList<>();
        Map<String, List<UUID>> narrowedTo = new LinkedHashMap<>();
        Map<UUID, String> left = new LinkedHashMap<>();
        for (Lead lead : leads) {
            String remaining = Lead.purposesLeft(lead.consentPurposes(), purposes);
            if (remaining == null) {
                none.add(lead.id());
                if (lead.consentWithdrawnAt() == null) {
                    toStamp.add(lead.id());
                }
            } else {
                narrowedTo.computeIfAbsent(remaining, k -> new ArrayList<>()).add(lead.id());
                left.put(lead.id(), remaining);
            }
        }
        update(values("consentWithdrawnAt", at), toStamp);
        narrowedTo.forEach((remaining, ids) -> update(values("consentPurposes", remaining), ids));
        for (Lead lead : leads) {
            record(AuditEventType.LEAD_CONSENT_WITHDRAWN, by, lead, "purposes", purposes == null ? "ALL"
                    : String.join(",", new TreeSet<>(purposes)), "consentLeft", left.getOrDefault(lead.id(), ""));
        }
        return none;
    }

    private static Map<String, Object> values(Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }

    /** Sets the given attributes on all {@code ids} in one JDBC batch; the version moves as an ORM update would. */
    private void update(Map<String, Object> values, Collection<UUID> ids) {
        Lead.updateAll(em, values, ids);
    }

    /** The keyed hash leads are found by for a phone in E.164 form. */
    public String phoneKey(String e164) {
        return secrets.keyedHash(LeadService.PHONE_PURPOSE, e164);
    }

    /** The keyed hash the trail records a disclosure's recipient by (the name stays with the disclosure). */
    public String recipientKey(String recipient) {
        return secrets.keyedHash(LeadService.RECIPIENT_PURPOSE, recipient);
    }

    /** Whom each of several leads was disclosed to (policy section 6), oldest first, in one query, by lead id; leads without any are absent. */
    public Map<UUID, List<LeadView.DisclosureView>> disclosures(Collection<UUID> leadIds) {
        if (leadIds.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery(Disclosure.OF_LEADS, Disclosure.class).setParameter("ids", leadIds)
                .getResultStream()
                .collect(Collectors.groupingBy(d -> d.leadId,
                        Collectors.mapping(LeadView.DisclosureView::of, Collectors.toList())));
    }

    /** The lead's current data with its disclosures, as the subject sees it in an access package. */
    public LeadView view(Lead lead) {
        return LeadView.of(lead, disclosuresOf(lead.id()));
    }

    private List<Disclosure> disclosuresOf(UUID leadId) {
        return em.createQuery("from Disclosure d where d.leadId = :id order by d.disclosedOn, d.recordedAt",
                Disclosure.class).setParameter("id", leadId).getResultList();
    }
}
