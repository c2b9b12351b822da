package kz.region715.dsr.lead;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.region715.dsr.platform.audit.AuditEventType;
import kz.region715.dsr.platform.audit.AuditTrail;
import kz.region715.dsr.platform.crypto.Secrets;

/**
 * Erases a lead by the configured strategy per field (LeadConfig.Erasure), in
 * the caller's transaction. A lead under legal hold is kept. Erasing an
 * erased lead does nothing, so a rerun after a crash repeats nothing.
 */
@ApplicationScoped
public class Erasure {

    public enum Outcome { ANONYMISED, DELETED, KEPT_LEGAL_HOLD, ALREADY_ERASED }

    private static final String PURPOSE = "erasure";

    private final EntityManager em;
    private final Secrets secrets;
    private final LeadConfig.Erasure config;
    private final AuditTrail audit;

    Erasure(EntityManager em, Secrets secrets, LeadConfig config, AuditTrail audit) {
        this.em = em;
        this.secrets = secrets;
        this.config = config.erasure();
        this.audit = audit;
    }

    /**
     * Erases the lead, or keeps it under legal hold; the trail records which,
     * with the strategy used, for {@code actor} and the request it serves (if any).
     */
    public Outcome erase(Lead lead, Instant now, String actor, String requestRef) {
        Outcome kept = keptOrErased(lead, now, actor, requestRef);
        if (kept != null) {
            return kept;
        }
        Outcome outcome = eraseNow(lead, now);
        recordErased(lead, outcome, actor, requestRef);
        return outcome;
    }

    /**
     * Erases a batch of leads (as read, before the change) set-based: with the DELETE mode two statements, else one
     * JDBC batch of updates by primary key per set of replacement values (one with the default strategies). The trail records each lead as
     * {@link #erase} does. Returns each lead's outcome, by id.
     */
    public Map<UUID, Outcome> eraseAll(List<Lead> leads, Instant now, String actor, String requestRef) {
        Map<UUID, Outcome> outcomes = new LinkedHashMap<>();
        List<Lead> toErase = new ArrayList<>();
        for (Lead lead : leads) {
            Outcome kept = keptOrErased(lead, now, actor, requestRef);
            if (kept == null) {
                toErase.add(lead);
            } else {
                outcomes.put(lead.id(), kept);
            }
        }
        if (toErase.isEmpty()) {
            return outcomes;
        }
        Outcome outcome = config.mode() == LeadConfig.Mode.DELETE ? Outcome.DELETED : Outcome.ANONYMISED;
        if (outcome == Outcome.DELETED) {
            List<UUID> ids = toErase.stream().map(Lead::id).toList();
            em.createQuery("delete from Disclosure d where d.leadId in :ids").setParameter("ids", ids).executeUpdate();
            em.createQuery("delete from Lead l where l.id in :ids").setParameter("ids", ids).executeUpdate();
        } else {
            Map<Lead.Anonymisation, List<UUID>> byReplacement = new LinkedHashMap<>();
            toErase.forEach(lead -> byReplacement.computeIfAbsent(anonymisationOf(lead), k -> new ArrayList<>())
                    .add(lead.id()));
            byReplacement.forEach((replacement, ids) -> Lead.updateAll(em, anonymised(replacement, now), ids));
        }
        for (Lead lead : toErase) {
            recordErased(lead, outcome, actor, requestRef);
            outcomes.put(lead.id(), outcome);
        }
        return outcomes;
    }

    /** ALREADY_ERASED, or KEPT_LEGAL_HOLD (recorded in the trail); null when the lead is to be erased now. */
    private Outcome keptOrErased(Lead lead, Instant now, String actor, String requestRef) {
        if (lead.anonymisedAt() != null) {
            return Outcome.ALREADY_ERASED;
        }
        if (lead.isUnderLegalHold(now)) {
            audit.record(AuditEventType.LEAD_KEPT_LEGAL_HOLD, actor, requestRef, lead.emailKey(),
                    AuditTrail.details("lead", lead.id(), "reasonLength", AuditTrail.lengthOf(lead.legalHoldReason()),
                            "until", lead.legalHoldUntil()));
            return Outcome.KEPT_LEGAL_HOLD;
        }
        return null;
    }

    private void recordErased(Lead lead, Outcome outcome, String actor, String requestRef) {
        audit.record(outcome == Outcome.DELETED ? AuditEventType.LEAD_DELETED : AuditEventType.LEAD_ANONYMISED, actor,
                requestRef, lead.emailKey(), AuditTrail.details("lead", lead.id(), "source", lead.source(), "strategy",
                        strategy()));
    }

    /** The columns an anonymisation writes, as {@link Lead#anonymise} sets them. */
    private static Map<String, Object> anonymised(Lead.Anonymisation replacement, Instant now) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", replacement.name());
        values.put("phone", replacement.phone());
        values.put("email", replacement.email());
        values.put("message", replacement.message());
        values.put("telegramUserId", replacement.telegramUserId());
        values.put("ipAddress", null);
        values.put("cookieId", null);
        values.put("emailKey", null);
        values.put("phoneKey", null);
        values.put("telegramKey", null);
        values.put("anonymisedAt", now);
        return values;
    }

    /** The configured strategy, as recorded in the trail. */
    private String strategy() {
        return config.mode() == LeadConfig.Mode.DELETE ? "DELETE_ROW"
                : "ANONYMISE name=" + config.name() + " phone=" + config.phone() + " email=" + config.email()
                        + " message=" + config.message() + " telegramUserId=" + config.telegramUserId()
                        + " ipAddress=NULL cookieId=NULL keys=NULL";
    }

    private Outcome eraseNow(Lead lead, Instant now) {
        if (config.mode() == LeadConfig.Mode.DELETE) {
            em.createQuery("delete from Disclosure d where d.leadId = :id").setParameter("id", lead.id()).executeUpdate();
            em.remove(lead);
            return Outcome.DELETED;
        }
        lead.anonymise(anonymisationOf(lead), now);
        return Outcome.ANONYMISED;
    }

    private Lead.Anonymisation anonymisationOf(Lead lead) {
        return new Lead.Anonymisation(apply(config.name(), lead.name()), apply(config.phone(), lead.phone()),
                apply(config.email(), lead.email()), apply(config.message(), lead.message()),
                apply(config.telegramUserId(), lead.telegramUserId()));
    }

    private String apply(LeadConfig.Strategy strategy, String value) {
        if (value == null) {
            return null;
        }
        return switch (strategy) {
            case NULL -> null;
            case FIXED -> config.fixedValue();
            case KEYED_HASH -> secrets.keyedHash(PURPOSE, value).substring(0, 16);
        };
    }
}
