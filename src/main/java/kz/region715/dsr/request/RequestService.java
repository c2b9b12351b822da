package kz.region715.dsr.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kz.region715.dsr.platform.audit.AuditEventType;
import kz.region715.dsr.platform.audit.AuditTrail;
import kz.region715.dsr.platform.crypto.Secrets;
import kz.region715.dsr.platform.domain.DomainRuleViolation;
import kz.region715.dsr.platform.idempotency.Idempotency;
import kz.region715.dsr.platform.operator.OperatorConfig;
import kz.region715.dsr.platform.ratelimit.RateLimiter;
import kz.region715.dsr.request.domain.Channel;
import kz.region715.dsr.request.domain.CorrectableField;
import kz.region715.dsr.request.domain.EmailAddress;
import kz.region715.dsr.request.domain.PhoneNumber;
import kz.region715.dsr.request.domain.Reference;
import kz.region715.dsr.request.domain.SubjectLocale;
import org.jboss.logging.Logger;

/** Filing requests and the subject's view of them. */
@ApplicationScoped
public class RequestService {

    private static final Logger LOG = Logger.getLogger(RequestService.class);

    /** Purpose label of the keyed hash that pseudonymises a subject's normalised e-mail. */
    public static final String SUBJECT_KEY_PURPOSE = "subject";
    /**
     * Purpose label of the keyed hash of a Telegram user id: a bot request's subject key, the same pseudonym a lead
     * of that user carries as its Telegram key (so a verified Telegram identity finds its leads).
     */
    public static final String TELEGRAM_KEY_PURPOSE = "telegram";
    /** Why a subject is refused: the same for an unknown id and a wrong token, so neither is revealed. */
    public static final String NO_SUBJECT_ACCESS = "No such request, or the access token is wrong.";

    private final SubjectRequestRepository requests;
    private final Idempotency idempotency;
    private final RateLimiter rateLimiter;
    private final Secrets secrets;
    private final AccessTokens accessTokens;
    private final Clock clock;
    private final OperatorConfig operator;
    private final ObjectMapper json;
    private final Event<RequestEvents.Filed> filed;
    private final Event<RequestEvents.AccessLinkReissued> reissued;
    private final AuditTrail audit;

    RequestService(SubjectRequestRepository requests, Idempotency idempotency, RateLimiter rateLimiter,
            Secrets secrets, AccessTokens accessTokens, Clock clock, OperatorConfig operator, ObjectMapper json,
            Event<RequestEvents.Filed> filed, Event<RequestEvents.AccessLinkReissued> reissued, AuditTrail audit) {
        this.requests = requests;
        this.idempotency = idempotency;
        this.rateLimiter = rateLimiter;
        this.secrets = secrets;
        this.accessTokens = accessTokens;
        this.clock = clock;
        this.operator = operator;
        this.json = json;
        this.filed = filed;
        this.reissued = reissued;
        this.audit = audit;
    }

    /**
     * Files a request and (through the {@link RequestEvents.Filed} observers)
     * queues the verification e-mail. With an idempotency key, a repeat of the
     * same body answers the first filing again and sends nothing.
     * <p>
     * Three steps, each on at most one pooled connection and none waiting for a second while it holds one: the
     * look-up of an earlier call with the key, the e-mail address's limit (a shared bucket's own short
     * transaction), and the filing. A filing's transaction that took the bucket's connection inside its own
     * deadlocked the pool under a burst of more filings than connections (issue #24).
     */
    @Transactional(Transactional.TxType.NEVER)
    public FiledRequest file(FileRequestCommand command, String idempotencyKey) {
        return file(command, idempotencyKey, Channel.WEB);
    }

    /**
     * Files a request the Telegram bot back end sends for the user it talks to: as {@link #file}, but the subject is
     * the Telegram user (its id's keyed hash is the subject key) and every message to them goes to that chat.
     */
    @Transactional(Transactional.TxType.NEVER)
    public FiledRequest fileFromBot(BotFileRequestCommand command, String idempotencyKey) {
        return file(command, idempotencyKey, Channel.TELEGRAM_BOT);
    }

    private FiledRequest file(Filing command, String idempotencyKey, Channel channel) {
        String fingerprint = idempotencyKey == null ? null : Idempotency.fingerprint(command);
        if (idempotencyKey != null) {
            Optional<FiledRequest> previous = QuarkusTransaction.requiringNew()
                    .call(() -> previousFiling(idempotencyKey, fingerprint));
            if (previous.isPresent()) {
                return previous.get();
            }
        }
        PhoneNumber phone = command.phone() == null ? null : PhoneNumber.parse(command.phone());
        Contact contact;
        String subjectKey;
        if (command instanceof BotFileRequestCommand bot) {
            contact = Contact.ofTelegram(bot.telegramUserId(), command.name().strip(), phone);
            subjectKey = secrets.keyedHash(TELEGRAM_KEY_PURPOSE, bot.telegramUserId());
        } else {
            EmailAddress email = EmailAddress.parse(command.email());
            contact = new Contact(email, command.name().strip(), phone);
            subjectKey = secrets.keyedHash(SUBJECT_KEY_PURPOSE, email.normalised());
        }
        rateLimiter.checkEmail(contact.rateLimitKey());
        return QuarkusTransaction.requiringNew()
                .call(() -> fileNow(command, channel, contact, subjectKey, idempotencyKey, fingerprint));
    }

    /** What an earlier call with this key filed, if any (UNPROCESSABLE when it came with another body). */
    private Optional<FiledRequest> previousFiling(String idempotencyKey, String fingerprint) {
        return idempotency.previous(idempotencyKey, fingerprint).map(id -> FiledRequest.of(requests.findById(id)));
    }

    private FiledRequest fileNow(Filing command, Channel channel, Contact contact, String subjectKey,
            String idempotencyKey, String fingerprint) {
        if (idempotencyKey != null) {
            // the same key sent twice at once: the first to commit filed it, the other answers with that filing
            Optional<FiledRequest> previous = previousFiling(idempotencyKey, fingerprint);
            if (previous.isPresent()) {
                return previous.get();
            }
        }
        Instant now = clock.instant();
        int year = now.atZone(operator.timeZone()).getYear();
        Reference reference = Reference.of(year, requests.nextReferenceNumber());
        SubjectLocale locale = command.locale() == null ? SubjectLocale.DEFAULT : SubjectLocale.ofTag(command.locale());

        SubjectRequest request = SubjectRequest.file(UUID.randomUUID(), reference, command.type(), channel,
                locale, contact, subjectKey, detailsJson(normalised(command.details())), now);
        requests.persist(request);
        if (idempotencyKey != null) {
            idempotency.remember(idempotencyKey, fingerprint, request.id());
        }
        filed.fire(new RequestEvents.Filed(RequestSnapshot.of(request), now));
        LOG.infof("Request %s filed: %s, %s, locale %s", request.reference(), request.type(), channel,
                locale.tag());
        return FiledRequest.of(request);
    }

    /**
     * Sends the status link again, with a new access token, by the channel the
     * request was filed through (nobody else learns anything). The new token is
     * pending: the link the subject holds keeps working until the new one is
     * first used, so whoever knows the id cannot disable it. Counts against
     * that contact's hourly budget: after the request's own checks (an expired or reduced request has no
     * address), before anything changes or is sent, and outside the transaction that changes it (as a filing).
     */
    @Transactional(Transactional.TxType.NEVER)
    public void reissueAccessLink(UUID id) {
        String rateLimitKey = QuarkusTransaction.requiringNew().call(() -> {
            SubjectRequest request = requireRequest(id);
            request.checkAccessTokenReissuable();
            return request.contact().rateLimitKey();
        });
        rateLimiter.checkEmail(rateLimitKey);
        QuarkusTransaction.requiringNew().run(() -> {
            SubjectRequest request = requireRequest(id);
            AccessTokens.Minted accessToken = accessTokens.mint();
            request.reissueAccessToken(accessToken.hash());
            Instant now = clock.instant();
            reissued.fire(new RequestEvents.AccessLinkReissued(RequestSnapshot.of(request), accessToken.token(), now));
            audit.record(AuditEventType.ACCESS_LINK_REISSUED, AuditTrail.SUBJECT, request.reference(),
                    request.subjectKey(), Map.of());
            LOG.infof("Request %s: status link sent again", request.reference());
        });
    }

    private SubjectRequest requireRequest(UUID id) {
        SubjectRequest request = requests.findById(id);
        if (request == null) {
            throw DomainRuleViolation.notFound("No such request.");
        }
        return request;
    }

    /** The subject's view, for the holder of the request's access token; anyone else learns nothing. */
    @Transactional // the first use of a re-sent link makes it the request's token
    public SubjectRequestView viewAsSubject(UUID id, String accessToken) {
        return SubjectRequestView.of(requireSubjectAccess(id, accessToken));
    }

    /**
     * The request, if {@code accessToken} is its own or the one of a status link
     * sent again (whose first use makes it the request's own, in the caller's
     * transaction); otherwise not found, as for an unknown id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SubjectRequest requireSubjectAccess(UUID id, String accessToken) {
        return subjectAccess(id, accessToken).orElseThrow(() -> DomainRuleViolation.notFound(NO_SUBJECT_ACCESS));
    }

    /** As {@link #requireSubjectAccess}, for a caller that answers "not found" in its own way. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<SubjectRequest> subjectAccess(UUID id, String accessToken) {
        SubjectRequest request = requests.findById(id);
        if (request != null && accessTokens.matches(accessToken, request.accessTokenHash())) {
            return Optional.of(request);
        }
        if (request != null && accessTokens.matches(accessToken, request.accessTokenPendingHash())) {
            request.promotePendingAccessToken();
            LOG.infof("Request %s: the status link sent again is in use; the old one stops working",
                    request.reference());
            return Optional.of(request);
        }
        return Optional.empty();
    }

    /** E-mails about a request go on its (internal) timeline. */
    void onMailOutcome(@jakarta.enterprise.event.Observes RequestEvents.MailOutcome outcome) {
        SubjectRequest request = requests.findById(outcome.requestId());
        if (request != null) {
            request.recordMail(outcome.kind(), outcome.delivered(), outcome.at());
        }
    }

    /** The subject blocked the bot: officers see it on the case (the timeline and its audit event name no id). */
    void onSubjectUnreachable(@jakarta.enterprise.event.Observes RequestEvents.SubjectUnreachable event) {
        SubjectRequest request = requests.findById(event.requestId());
        if (request != null) {
            request.markUnreachable(event.channel(), event.at());
            LOG.infof("Request %s: the subject is unreachable on %s", request.reference(), event.channel());
        }
    }

    /** New phone and e-mail values are stored in the form they are matched in. */
    private static RequestDetails normalised(RequestDetails details) {
        if (details.correction() == null) {
            return details;
        }
        List<RequestDetails.FieldChange> changes = details.correction().changes().stream()
                .map(change -> change.field() == CorrectableField.PHONE
                        ? new RequestDetails.FieldChange(change.field(), PhoneNumber.parse(change.newValue()).e164())
                        : change.field() == CorrectableField.EMAIL
                                ? new RequestDetails.FieldChange(change.field(), change.newValue().strip())
                                : change)
                .toList();
        return new RequestDetails(new RequestDetails.Correction(changes, details.correction().explanation()),
                null, null, null);
    }

    private String detailsJson(RequestDetails details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("details cannot be serialised", e);
        }
    }

    /** The type-specific details as stored, or null once erased. */
    public RequestDetails details(SubjectRequest request) {
        if (request.detailsJson() == null) {
            return null;
        }
        try {
            return json.readValue(request.detailsJson(), RequestDetails.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored details are unreadable", e);
        }
    }
}
