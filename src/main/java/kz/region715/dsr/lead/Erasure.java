package kz.region715.dsr.lead;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
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
        if (lead.anonymisedAt() != null) {
            return Outcome.ALREADY_ERASED;
        }
        String subject = lead.emailKey();
        if (lead.isUnderLegalHold(now)) {
            audit.record("LEAD_KEPT_LEGAL_HOLD", actor, requestRef, subject, AuditTrail.details("lead", lead.id(),
                    "reasonLength", AuditTrail.lengthOf(lead.legalHoldReason()), "until", lead.legalHoldUntil()));
            return Outcome.KEPT_LEGAL_HOLD;
        }
        Outcome outcome = eraseNow(lead, now);
        audit.record(outcome == Outcome.DELETED ? "LEAD_DELETED" : "LEAD_ANONYMISED", actor, requestRef, subject,
                AuditTrail.details("lead", lead.id(), "source", lead.source(), "strategy", strategy()));
        return outcome;
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
        lead.anonymise(new Lead.Anonymisation(apply(config.name(), lead.name()), apply(config.phone(), lead.phone()),
                apply(config.email(), lead.email()), apply(config.message(), lead.message()),
                apply(config.telegramUserId(), lead.telegramUserId())), now);
        return Outcome.ANONYMISED;
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
