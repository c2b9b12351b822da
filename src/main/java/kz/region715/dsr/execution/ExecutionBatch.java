package kz.region715.dsr.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import kz.region715.dsr.lead.Erasure;
import kz.region715.dsr.lead.Lead;
import kz.region715.dsr.lead.LeadActions;
import kz.region715.dsr.lead.LeadView;
import kz.region715.dsr.request.domain.CorrectableField;

/**
 * Applies what a request type does to one batch of the subject's leads, set-based (the lead capability writes one
 * JDBC batch per change for the whole batch), and returns the items that record it, one per lead. Erased leads that
 * were disclosed leave a notice for their recipients.
 */
@ApplicationScoped
class ExecutionBatch {

    private final EntityManager em;
    private final LeadActions actions;
    private final Erasure erasure;

    ExecutionBatch(EntityManager em, LeadActions actions, Erasure erasure) {
        this.em = em;
        this.actions = actions;
        this.erasure = erasure;
    }

    /** The leads are as read (locked) before the change. */
    List<ExecutionItem> apply(Execution execution, ExecutionPlan plan, List<Lead> leads, LeadActions.By by,
            Instant now) {
        List<ExecutionItem> items = new ArrayList<>();
        switch (execution.type()) {
            case CORRECTION -> {
                Map<UUID, Set<CorrectableField>> changed = actions.correctAll(leads, plan.corrections(), by);
                leads.forEach(lead -> items.add(item(execution, lead, ExecutionItem.Outcome.CORRECTED,
                        changed.get(lead.id()).stream().map(Enum::name).collect(Collectors.joining(",")), now)));
            }
            case RESTRICTION -> {
                Set<UUID> restricted = actions.restrictAll(leads, plan.restrictionReason(), now, by);
                leads.forEach(lead -> items.add(item(execution, lead, restricted.contains(lead.id())
                        ? ExecutionItem.Outcome.RESTRICTED : ExecutionItem.Outcome.ALREADY_RESTRICTED, null, now)));
            }
            case WITHDRAWAL -> {
                Set<String> purposes = plan.withdrawnPurposes() == null ? null
                        : plan.withdrawnPurposes().stream().map(Enum::name).collect(Collectors.toSet());
                Set<UUID> noneLeft = actions.withdrawConsentAll(leads, purposes, now, by);
                List<Lead> toErase = leads.stream().filter(lead -> noneLeft.contains(lead.id())).toList();
                Map<UUID, ExecutionItem> erased = erase(execution, toErase, by, now);
                leads.forEach(lead -> items.add(erased.containsKey(lead.id()) ? erased.get(lead.id())
                        : item(execution, lead, ExecutionItem.Outcome.CONSENT_NARROWED, String.join(",", purposes),
                                now)));
            }
            case DELETION -> items.addAll(erase(execution, leads, by, now).values());
            case ACCESS -> throw new IllegalStateException("ACCESS changes no lead");
        }
        return items;
    }

    /** Erases the leads by the configured strategy; recipients they were disclosed to are to be told, once. */
    private Map<UUID, ExecutionItem> erase(Execution execution, List<Lead> leads, LeadActions.By by, Instant now) {
        if (leads.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<LeadView.DisclosureView>> disclosures = actions.disclosures(leads.stream().map(Lead::id)
                .toList());
        Map<UUID, Erasure.Outcome> outcomes = erasure.eraseAll(leads, now, by.actor(), by.requestRef());
        Map<UUID, ExecutionItem> items = new LinkedHashMap<>();
        for (Lead lead : leads) {
            ExecutionItem item = switch (outcomes.get(lead.id())) {
                case KEPT_LEGAL_HOLD -> item(execution, lead, ExecutionItem.Outcome.KEPT_LEGAL_HOLD,
                        lead.legalHoldReason(), now);
                case DELETED -> item(execution, lead, ExecutionItem.Outcome.DELETED, null, now);
                case ANONYMISED, ALREADY_ERASED -> item(execution, lead, ExecutionItem.Outcome.ANONYMISED, null, now);
            };
            items.put(lead.id(), item);
            if (item.outcome == ExecutionItem.Outcome.KEPT_LEGAL_HOLD) {
                continue;
            }
            for (LeadView.DisclosureView disclosure : disclosures.getOrDefault(lead.id(), List.of())) {
                if (disclosure.recipientEmail() != null) {
                    em.persist(new ErasureNotice(execution.id(), disclosure.id(), disclosure.recipient(),
                            disclosure.recipientEmail(), disclosure.disclosedOn(), disclosure.purpose(), lead.name(),
                            lead.email(), lead.phone(), now));
                }
            }
        }
        return items;
    }

    private static ExecutionItem item(Execution execution, Lead lead, ExecutionItem.Outcome outcome, String detail,
            Instant now) {
        return new ExecutionItem(execution.id(), lead.id(), outcome, lead.source(), lead.receivedAt(), detail, now);
    }
}
