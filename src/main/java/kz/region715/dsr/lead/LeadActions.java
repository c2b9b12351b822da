package kz.region715.dsr.lead;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import kz.region715.dsr.platform.audit.AuditTrail;
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

    private void record(String type, By by, Lead lead, Object... details) {
        Object[] all = new Object[details.length + 2];
        all[0] = "lead";
        all[1] = lead.id();
        System.arraycopy(details, 0, all, 2, details.length);
        audit.record(type, by.actor(), by.requestRef(), lead.emailKey(), AuditTrail.details(all));
    }

    /** A new value for a field, already validated. */
    public record Change(CorrectableField field, String value) {
    }

    /** Applies the changes; returns the fields whose value actually changed (no values, for the record). */
    public Set<CorrectableField> correct(Lead lead, List<Change> changes, By by) {
        String subject = lead.emailKey();
        Set<CorrectableField> changed = apply(lead, changes);
        audit.record("LEAD_CORRECTED", by.actor(), by.requestRef(), subject, AuditTrail.details("lead", lead.id(),
                "fields", changed.stream().map(Enum::name).collect(Collectors.joining(","))));
        return changed;
    }

    private Set<CorrectableField> apply(Lead lead, List<Change> changes) {
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
    public boolean restrict(Lead lead, String reason, Instant at, By by) {
        boolean wasOpen = lead.restrictedAt() == null;
        lead.restrict(reason, at);
        record(wasOpen ? "LEAD_RESTRICTED" : "LEAD_ALREADY_RESTRICTED", by, lead);
        return wasOpen;
    }

    public boolean liftRestriction(Lead lead, String reason, By by) {
        boolean lifted = lead.liftRestriction();
        if (lifted) {
            record("LEAD_UNRESTRICTED", by, lead, "reasonLength", AuditTrail.lengthOf(reason));
        }
        return lifted;
    }

    /** Withdraws consent for the purposes given, or all when null; true when no purpose is left. */
    public boolean withdrawConsent(Lead lead, Set<String> purposes, Instant at, By by) {
        boolean all = lead.withdrawConsent(purposes, at);
        record("LEAD_CONSENT_WITHDRAWN", by, lead, "purposes", purposes == null ? "ALL" : String.join(",",
                new TreeSet<>(purposes)), "consentLeft", all ? "" : lead.consentPurposes());
        return all;
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
