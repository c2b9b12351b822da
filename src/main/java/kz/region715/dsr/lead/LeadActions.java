package kz.region715.dsr.lead;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import kz.region715.dsr.platform.crypto.Secrets;
import kz.region715.dsr.request.domain.CorrectableField;
import kz.region715.dsr.request.domain.EmailAddress;
import kz.region715.dsr.request.domain.PhoneNumber;

/**
 * What carrying out a subject's request does to one lead, in the caller's
 * transaction: correct, block, unblock, withdraw consent. Erasure is
 * {@link Erasure}. Each action is safe to repeat.
 */
@ApplicationScoped
public class LeadActions {

    private final EntityManager em;
    private final Secrets secrets;
    private final LeadService leads;

    LeadActions(EntityManager em, Secrets secrets, LeadService leads) {
        this.em = em;
        this.secrets = secrets;
        this.leads = leads;
    }

    /** A new value for a field, already validated. */
    public record Change(CorrectableField field, String value) {
    }

    /** Applies the changes; returns the fields whose value actually changed (no values, for the record). */
    public Set<CorrectableField> correct(Lead lead, List<Change> changes) {
        Set<CorrectableField> changed = EnumSet.noneOf(CorrectableField.class);
        for (Change change : changes) {
            switch (change.field()) {
                case NAME -> {
                    if (!change.value().equals(lead.name())) {
                        lead.correctName(change.value());
                        changed.add(CorrectableField.NAME);
                    }
                }
                case MESSAGE -> {
                    if (!change.value().equals(lead.message())) {
                        lead.correctMessage(change.value());
                        changed.add(CorrectableField.MESSAGE);
                    }
                }
                case EMAIL -> {
                    EmailAddress email = EmailAddress.parse(change.value());
                    if (!email.asGiven().equals(lead.email())) {
                        lead.correctEmail(email.asGiven(), leads.emailKey(email.normalised()));
                        changed.add(CorrectableField.EMAIL);
                    }
                }
                case PHONE -> {
                    String e164 = PhoneNumber.parse(change.value()).e164();
                    if (!e164.equals(lead.phone())) {
                        lead.correctPhone(e164, phoneKey(e164));
                        changed.add(CorrectableField.PHONE);
                    }
                }
            }
        }
        return changed;
    }

    /** Blocks the lead; false when it was blocked already (its first reason stays). */
    public boolean restrict(Lead lead, String reason, Instant at) {
        boolean wasOpen = lead.restrictedAt() == null;
        lead.restrict(reason, at);
        return wasOpen;
    }

    public boolean liftRestriction(Lead lead) {
        return lead.liftRestriction();
    }

    /** Withdraws consent for the purposes given, or all when null; true when no purpose is left. */
    public boolean withdrawConsent(Lead lead, Set<String> purposes, Instant at) {
        return lead.withdrawConsent(purposes, at);
    }

    /** The keyed hash leads are found by for a phone in E.164 form. */
    public String phoneKey(String e164) {
        return secrets.keyedHash(LeadService.PHONE_PURPOSE, e164);
    }

    /** Whom each of several leads was disclosed to (policy section 6), oldest first, in one query, by lead id; leads without any are absent. */
    public Map<UUID, List<LeadView.DisclosureView>> disclosures(Collection<UUID> leadIds) {
        if (leadIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("from Disclosure d where d.leadId in :ids order by d.disclosedOn, d.recordedAt",
                        Disclosure.class).setParameter("ids", leadIds).getResultStream()
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
