package kz.region715.dsr.lead;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.region715.dsr.request.domain.DataSource;

/**
 * An application from the website form or the Telegram bot (policy section 2),
 * with the consent it came with and the flags that govern its processing.
 */
@Entity
@Table(name = "lead")
public class Lead {

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    private DataSource source;
    private String name;
    private String phone;
    private String email;
    private String message;
    @Column(name = "ip_address")
    private String ipAddress;
    @Column(name = "cookie_id")
    private String cookieId;
    @Column(name = "telegram_user_id")
    private String telegramUserId;
    @Column(name = "email_key")
    private String emailKey;
    @Column(name = "phone_key")
    private String phoneKey;
    @Column(name = "telegram_key")
    private String telegramKey;
    @Column(name = "consent_at")
    private Instant consentAt;
    @Column(name = "consent_policy_version")
    private String consentPolicyVersion;
    @Column(name = "consent_purposes")
    private String consentPurposes;
    @Column(name = "received_at")
    private Instant receivedAt;
    @Column(name = "retention_until")
    private Instant retentionUntil;
    @Column(name = "restricted_at")
    private Instant restrictedAt;
    @Column(name = "restriction_reason")
    private String restrictionReason;
    @Column(name = "consent_withdrawn_at")
    private Instant consentWithdrawnAt;
    @Column(name = "legal_hold_reason")
    private String legalHoldReason;
    @Column(name = "legal_hold_until")
    private Instant legalHoldUntil;
    @Column(name = "anonymised_at")
    private Instant anonymisedAt;
    @Column(name = "ingested_by")
    private String ingestedBy;
    @Version
    private long version;

    protected Lead() {
    }

    /** Personal data of a lead and the keyed hashes it is found by. */
    public record Contact(String name, String phone, String email, String message, String ipAddress, String cookieId,
            String telegramUserId, String emailKey, String phoneKey, String telegramKey) {
    }

    /** What the subject consented to (policy 4.2): when, under which policy version, for which purposes. */
    public record Consent(Instant at, String policyVersion, String purposes) {
    }

    static Lead ingest(DataSource source, Contact contact, Consent consent, Instant receivedAt, Instant retentionUntil,
            String ingestedBy) {
        Lead lead = new Lead();
        lead.id = UUID.randomUUID();
        lead.source = source;
        lead.name = contact.name();
        lead.phone = contact.phone();
        lead.email = contact.email();
        lead.message = contact.message();
        lead.ipAddress = contact.ipAddress();
        lead.cookieId = contact.cookieId();
        lead.telegramUserId = contact.telegramUserId();
        lead.emailKey = contact.emailKey();
        lead.phoneKey = contact.phoneKey();
        lead.telegramKey = contact.telegramKey();
        if (consent != null) {
            lead.consentAt = consent.at();
            lead.consentPolicyVersion = consent.policyVersion();
            lead.consentPurposes = consent.purposes();
        }
        lead.receivedAt = receivedAt;
        lead.retentionUntil = retentionUntil;
        lead.ingestedBy = ingestedBy;
        return lead;
    }

    /** Blocks processing (Law 94-V Art. 24(1)(3)); a lead already blocked keeps its first reason and time. */
    public void restrict(String reason, Instant at) {
        if (restrictedAt == null) {
            restrictedAt = at;
            restrictionReason = reason;
        }
    }

    /** Lifts the block, whatever its reason; returns whether the lead was blocked. */
    boolean liftRestriction() {
        if (restrictedAt == null) {
            return false;
        }
        restrictedAt = null;
        restrictionReason = null;
        return true;
    }

    /**
     * Withdraws consent for the given purposes, or for all of them when
     * {@code purposes} is null. Returns whether no purpose is left, in which
     * case the consent as a whole is withdrawn and processing stops.
     */
    boolean withdrawConsent(Set<String> purposes, Instant at) {
        List<String> remaining = new ArrayList<>();
        if (purposes != null && consentPurposes != null) {
            for (String purpose : consentPurposes.split(",")) {
                if (!purpose.isBlank() && !purposes.contains(purpose)) {
                    remaining.add(purpose);
                }
            }
        }
        if (remaining.isEmpty()) {
            if (consentWithdrawnAt == null) {
                consentWithdrawnAt = at;
            }
            return true;
        }
        consentPurposes = String.join(",", remaining);
        return false;
    }

    void correctName(String value) {
        name = value;
    }

    void correctMessage(String value) {
        message = value;
    }

    void correctEmail(String value, String key) {
        email = value;
        emailKey = key;
    }

    void correctPhone(String value, String key) {
        phone = value;
        phoneKey = key;
    }

    /** Replacement values for the personal fields; lookup keys, IP and cookie always go. */
    public record Anonymisation(String name, String phone, String email, String message, String telegramUserId) {
    }

    /** Erases the personal data in place; what statistics need (source, times, consent purposes, flags) stays. */
    void anonymise(Anonymisation replacement, Instant at) {
        name = replacement.name();
        phone = replacement.phone();
        email = replacement.email();
        message = replacement.message();
        telegramUserId = replacement.telegramUserId();
        ipAddress = null;
        cookieId = null;
        emailKey = null;
        phoneKey = null;
        telegramKey = null;
        anonymisedAt = at;
    }

    /** Data the law requires to keep: erasure leaves it alone until the hold ends. */
    void placeLegalHold(String reason, Instant until) {
        legalHoldReason = reason;
        legalHoldUntil = until;
    }

    public boolean isUnderLegalHold(Instant now) {
        return legalHoldReason != null && (legalHoldUntil == null || legalHoldUntil.isAfter(now));
    }

    /** Whether ordinary processing may use this lead. */
    public boolean isProcessable() {
        return restrictedAt == null && consentWithdrawnAt == null && anonymisedAt == null;
    }

    public UUID id() {
        return id;
    }

    public DataSource source() {
        return source;
    }

    public String name() {
        return name;
    }

    public String phone() {
        return phone;
    }

    public String email() {
        return email;
    }

    public String message() {
        return message;
    }

    public String ipAddress() {
        return ipAddress;
    }

    public String cookieId() {
        return cookieId;
    }

    public String telegramUserId() {
        return telegramUserId;
    }

    public Instant consentAt() {
        return consentAt;
    }

    public String consentPolicyVersion() {
        return consentPolicyVersion;
    }

    String emailKey() {
        return emailKey;
    }

    String phoneKey() {
        return phoneKey;
    }

    public String consentPurposes() {
        return consentPurposes;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant retentionUntil() {
        return retentionUntil;
    }

    public Instant restrictedAt() {
        return restrictedAt;
    }

    public String restrictionReason() {
        return restrictionReason;
    }

    public Instant consentWithdrawnAt() {
        return consentWithdrawnAt;
    }

    public String legalHoldReason() {
        return legalHoldReason;
    }

    public Instant legalHoldUntil() {
        return legalHoldUntil;
    }

    public Instant anonymisedAt() {
        return anonymisedAt;
    }

    public String ingestedBy() {
        return ingestedBy;
    }
}
