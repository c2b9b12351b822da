package kz.region715.dsr.lead;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import kz.region715.dsr.platform.audit.AuditEventType;
import kz.region715.dsr.platform.audit.AuditTrail;
import kz.region715.dsr.platform.crypto.Secrets;
import kz.region715.dsr.platform.domain.DomainRuleViolation;
import kz.region715.dsr.platform.http.KeysetCursor;
import kz.region715.dsr.request.RequestService;
import kz.region715.dsr.request.domain.EmailAddress;
import kz.region715.dsr.request.domain.PhoneNumber;
import org.jboss.logging.Logger;

/**
 * The lead store. Leads are found by keyed hashes of their normalised e-mail
 * (the same pseudonym requests carry), phone (E.164) and Telegram id, through
 * indexes. Ordinary listings leave out leads whose processing is blocked,
 * whose consent is withdrawn or which are anonymised.
 */
@ApplicationScoped
public class LeadService {

    private static final Logger LOG = Logger.getLogger(LeadService.class);
    static final String PHONE_PURPOSE = "phone";
    static final String TELEGRAM_PURPOSE = RequestService.TELEGRAM_KEY_PURPOSE;
    /** The trail records a disclosure's recipient by this keyed hash, never by name. */
    static final String RECIPIENT_PURPOSE = "disclosure-recipient";
    static final String INHERITED_RESTRICTION = "The subject's processing is restricted (Law 94-V Art. 24(1)(3)).";

    private final EntityManager em;
    private final Secrets secrets;
    private final Clock clock;
    private final LeadConfig config;
    private final SecurityIdentity identity;
    private final AuditTrail audit;

    LeadService(EntityManager em, Secrets secrets, Clock clock, LeadConfig config, SecurityIdentity identity,
            AuditTrail audit) {
        this.em = em;
        this.secrets = secrets;
        this.clock = clock;
        this.config = config;
        this.identity = identity;
        this.audit = audit;
    }

    @Transactional
    public LeadView.Ingested ingest(LeadCommands.Ingest command) {
        return store(command);
    }

    /** All or nothing: every lead is validated before any is stored. */
    @Transactional
    public List<LeadView.Ingested> ingestBatch(LeadCommands.Batch batch) {
        if (batch.leads().size() > config.maxBatch()) {
            throw DomainRuleViolation.invalidField("leads", "at most " + config.maxBatch() + " leads per batch");
        }
        List<LeadView.Ingested> stored = new ArrayList<>();
        for (LeadCommands.Ingest lead : batch.leads()) {
            stored.add(store(lead));
        }
        LOG.infof("Lead batch of %d stored", stored.size());
        return stored;
    }

    private LeadView.Ingested store(LeadCommands.Ingest command) {
        Instant now = clock.instant();
        EmailAddress email = blank(command.email()) ? null : EmailAddress.parse(command.email());
        String phone = blank(command.phone()) ? null : PhoneNumber.parse(command.phone()).e164();
        String telegram = blank(command.telegramUserId()) ? null : command.telegramUserId();
        Lead.Contact contact = new Lead.Contact(command.name(), phone, email == null ? null : email.asGiven(),
                command.message(), command.ipAddress(), command.cookieId(), telegram,
                email == null ? null : emailKey(email.normalised()),
                phone == null ? null : secrets.keyedHash(PHONE_PURPOSE, phone),
                telegram == null ? null : secrets.keyedHash(TELEGRAM_PURPOSE, telegram));
        Lead.Consent consent = command.consent() == null ? null : new Lead.Consent(command.consent().at(),
                command.consent().policyVersion(), command.consent().purposes().stream().map(Enum::name).distinct()
                        .collect(Collectors.joining(",")));
        Instant received = command.receivedAt() == null ? now : command.receivedAt();
        Lead lead = Lead.ingest(command.source(), contact, consent, received, received.plus(config.retention()),
                identity.getPrincipal().getName(), command.locale());
        if (subjectIsRestricted(contact)) {
            lead.restrict(INHERITED_RESTRICTION, now);
        }
        em.persist(lead);
        // The proof of consent (Law 94-V Art. 22): when, which policy version, which purposes; no contact data.
        audit.record(AuditEventType.LEAD_INGESTED, lead.ingestedBy(), null, lead.emailKey(), AuditTrail.details(
                "lead", lead.id(), "source", lead.source(), "consentAt", lead.consentAt(), "consentPolicyVersion",
                lead.consentPolicyVersion(), "consentPurposes", lead.consentPurposes(),
                "storedRestricted", lead.restrictedAt() != null));
        return new LeadView.Ingested(lead.id(), lead.restrictedAt() != null);
    }

    /** The keyed hash of a normalised e-mail: the same pseudonym a request of that address carries. */
    public String emailKey(String normalisedEmail) {
        return secrets.keyedHash(RequestService.SUBJECT_KEY_PURPOSE, normalisedEmail);
    }

    private boolean subjectIsRestricted(Lead.Contact contact) {
        Map<String, String> keys = keysOf(contact.emailKey(), contact.phoneKey(), contact.telegramKey());
        if (keys.isEmpty()) {
            return false;
        }
        TypedQuery<Long> query = em.createQuery("select count(l) from Lead l where l.restrictedAt is not null"
                + " and l.anonymisedAt is null and (" + keyCondition(keys) + ")", Long.class);
        keys.forEach(query::setParameter);
        return query.getSingleResult() > 0;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LeadView.Page find(String email, String phone, String telegramUserId, boolean includeBlocked,
            String cursor, int limit) {
        String emailKey = null;
        String phoneKey = null;
        if (email != null) {
            if (!EmailAddress.isValid(email)) {
                throw DomainRuleViolation.invalidField("email", "must be a well-formed e-mail address");
            }
            emailKey = emailKey(EmailAddress.parse(email).normalised());
        }
        if (phone != null) {
            if (!PhoneNumber.isValid(phone)) {
                throw DomainRuleViolation.invalidField("phone", "must be a valid phone number");
            }
            phoneKey = secrets.keyedHash(PHONE_PURPOSE, PhoneNumber.parse(phone).e164());
        }
        String telegramKey = telegramUserId == null ? null : secrets.keyedHash(TELEGRAM_PURPOSE, telegramUserId);
        Map<String, Object> parameters = new HashMap<>(keysOf(emailKey, phoneKey, telegramKey));
        StringBuilder jpql = new StringBuilder("from Lead l where 1 = 1");
        if (!parameters.isEmpty()) {
            jpql.append(" and (").append(keyCondition(keysOf(emailKey, phoneKey, telegramKey))).append(")");
        }
        if (!includeBlocked) {
            jpql.append(" and l.restrictedAt is null and l.consentWithdrawnAt is null and l.anonymisedAt is null");
        }
        if (cursor != null) {
            KeysetCursor after = KeysetCursor.decode(cursor);
            jpql.append(" and (l.receivedAt > :afterAt or (l.receivedAt = :afterAt and l.id > :afterId))");
            parameters.put("afterAt", after.at());
            parameters.put("afterId", after.id());
        }
        jpql.append(" order by l.receivedAt, l.id");
        TypedQuery<Lead> query = em.createQuery(jpql.toString(), Lead.class).setMaxResults(limit + 1);
        parameters.forEach(query::setParameter);
        List<Lead> rows = query.getResultList();
        boolean more = rows.size() > limit;
        List<LeadView> items = rows.subList(0, Math.min(limit, rows.size())).stream()
                .map(lead -> LeadView.of(lead, null)).toList();
        String next = more ? new KeysetCursor(items.getLast().receivedAt(), items.getLast().id()).encode() : null;
        return new LeadView.Page(items, next);
    }

    /** A lead that belongs to a subject, and by which identifier it was found. */
    public record SubjectLead(LeadView lead, boolean byEmail, boolean byPhone, boolean byTelegram) {
    }

    /**
     * The leads of a subject: by the keyed hash of the verified e-mail or Telegram user id, and by
     * the phone (E.164) when one is given. All of them, blocked ones included.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SubjectLead> leadsOf(String emailKey, String telegramKey, String phoneE164) {
        String phoneKey = phoneE164 == null ? null : secrets.keyedHash(PHONE_PURPOSE, phoneE164);
        Map<String, String> keys = keysOf(emailKey, phoneKey, telegramKey);
        if (keys.isEmpty()) {
            return List.of();
        }
        TypedQuery<Lead> query = em.createQuery("from Lead l where " + keyCondition(keys)
                + " order by l.receivedAt, l.id", Lead.class);
        keys.forEach(query::setParameter);
        return query.getResultList().stream()
                .map(lead -> new SubjectLead(LeadView.of(lead, disclosuresOf(lead.id())),
                        emailKey != null && emailKey.equals(lead.emailKey()),
                        phoneKey != null && phoneKey.equals(lead.phoneKey()),
                        telegramKey != null && telegramKey.equals(lead.telegramKey())))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LeadView get(UUID id) {
        return LeadView.of(require(id), disclosuresOf(id));
    }

    @Transactional
    public LeadView.DisclosureView disclose(UUID id, LeadCommands.Disclose command) {
        Lead lead = require(id);
        if (lead.anonymisedAt() != null) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "lead-anonymised",
                    "This lead is anonymised; there is nothing to disclose.");
        }
        if (command.recipientEmail() != null && !EmailAddress.isValid(command.recipientEmail())) {
            throw DomainRuleViolation.invalidField("recipientEmail", "must be a well-formed e-mail address");
        }
        Disclosure disclosure = new Disclosure(id, command.recipient(), command.recipientEmail(), command.purpose(),
                command.legalBasis(), command.disclosedOn(), clock.instant(), identity.getPrincipal().getName());
        em.persist(disclosure);
        audit.record(AuditEventType.DISCLOSURE_RECORDED, identity.getPrincipal().getName(), null, lead.emailKey(),
                AuditTrail.details("lead", id, "disclosure", disclosure.id,
                        "recipientHash", secrets.keyedHash(RECIPIENT_PURPOSE, disclosure.recipient),
                        "purposeLength", AuditTrail.lengthOf(disclosure.purpose),
                        "legalBasisLength", AuditTrail.lengthOf(disclosure.legalBasis),
                        "disclosedOn", command.disclosedOn()));
        return LeadView.DisclosureView.of(disclosure);
    }

    /** Puts the lead under legal hold: erasure leaves it alone until the hold ends. */
    @Transactional
    public LeadView placeLegalHold(UUID id, LeadCommands.Hold command) {
        Lead lead = require(id);
        Instant now = clock.instant();
        if (lead.anonymisedAt() != null) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "lead-anonymised",
                    "This lead is anonymised; there is nothing left to hold.");
        }
        if (command.until() != null && !command.until().isAfter(now)) {
            throw DomainRuleViolation.invalidField("until", "must be in the future");
        }
        lead.placeLegalHold(command.reason(), command.until());
        audit.record(AuditEventType.LEGAL_HOLD_PLACED, identity.getPrincipal().getName(), null, lead.emailKey(),
                AuditTrail.details("lead", id, "reasonLength", AuditTrail.lengthOf(command.reason()),
                        "until", command.until()));
        LOG.infof("Legal hold placed on lead %s by an officer", id);
        return LeadView.of(lead, disclosuresOf(id));
    }

    private List<Disclosure> disclosuresOf(UUID leadId) {
        return em.createQuery("from Disclosure d where d.leadId = :id order by d.disclosedOn, d.recordedAt",
                Disclosure.class).setParameter("id", leadId).getResultList();
    }

    private Lead require(UUID id) {
        Lead lead = em.find(Lead.class, id);
        if (lead == null) {
            throw DomainRuleViolation.notFound("No such lead.");
        }
        return lead;
    }

    private static Map<String, String> keysOf(String emailKey, String phoneKey, String telegramKey) {
        Map<String, String> keys = new HashMap<>();
        if (emailKey != null) {
            keys.put("emailKey", emailKey);
        }
        if (phoneKey != null) {
            keys.put("phoneKey", phoneKey);
        }
        if (telegramKey != null) {
            keys.put("telegramKey", telegramKey);
        }
        return keys;
    }

    private static String keyCondition(Map<String, String> keys) {
        return keys.keySet().stream().sorted().map(k -> "l." + k + " = :" + k).collect(Collectors.joining(" or "));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
