package kz.region715.dsr.verification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.region715.dsr.platform.audit.AuditEventType;
import kz.region715.dsr.platform.audit.AuditTrail;
import kz.region715.dsr.platform.crypto.Secrets;
import kz.region715.dsr.platform.domain.DomainRuleViolation;
import kz.region715.dsr.platform.domain.DomainRuleViolation.Kind;
import kz.region715.dsr.platform.telegram.TelegramConfig;
import kz.region715.dsr.platform.telegram.TelegramLogin;
import kz.region715.dsr.request.AccessTokens;
import kz.region715.dsr.request.RequestEvents;
import kz.region715.dsr.request.RequestSnapshot;
import kz.region715.dsr.request.SubjectRequest;
import kz.region715.dsr.request.SubjectRequestRepository;
import kz.region715.dsr.request.domain.RequestStatus;
import org.jboss.logging.Logger;

/**
 * Proof that the subject owns the e-mail address (or, for a request the Telegram bot filed, the Telegram account): a
 * link token (256 bits) and a six-digit code, stored as keyed hashes, compared in constant time, used
 * once; for the bot's requests also Telegram Login Widget data. Verification is the only way a request leaves PENDING_VERIFICATION
 * for OPEN.
 */
@ApplicationScoped
public class VerificationService {

    private static final Logger LOG = Logger.getLogger(VerificationService.class);

    static final String TOKEN_PURPOSE = "verification-token";
    static final String CODE_PURPOSE = "verification-code";
    private static final Duration RESEND_WINDOW = Duration.ofHours(1);

    private final EntityManager em;
    private final SubjectRequestRepository requests;
    private final Secrets secrets;
    private final AccessTokens accessTokens;
    private final Clock clock;
    private final VerificationConfig config;
    private final Event<VerificationEvents.Issued> issued;
    private final Event<VerificationEvents.Failed> failed;
    private final Event<RequestEvents.Verified> verified;
    private final AuditTrail audit;
    private final TelegramConfig telegram;

    VerificationService(EntityManager em, SubjectRequestRepository requests, Secrets secrets,
            AccessTokens accessTokens, Clock clock, VerificationConfig config, Event<VerificationEvents.Issued> issued,
            Event<VerificationEvents.Failed> failed, Event<RequestEvents.Verified> verified, AuditTrail audit,
            TelegramConfig telegram) {
        this.telegram = telegram;
        this.em = em;
        this.requests = requests;
        this.secrets = secrets;
        this.accessTokens = accessTokens;
        this.clock = clock;
        this.config = config;
        this.issued = issued;
        this.failed = failed;
        this.verified = verified;
        this.audit = audit;
    }

    /** Every new request gets its first challenge in the filing's own transaction. */
    void onFiled(@Observes RequestEvents.Filed filed) {
        issue(filed.request(), false, filed.at());
    }

    /**
     * Checks a token or code. Wrong attempts are counted and committed even
     * though the call fails, hence {@code dontRollbackOn}.
     */
    @Transactional(dontRollbackOn = DomainRuleViolation.class)
    public VerificationOutcome verify(UUID requestId, VerifyCommand command) {
        return check(requestId, command);
    }

    /**
     * The code the Telegram user sent the bot, relayed by the bot back end: checked as {@link #verify} checks it (same
     * hashes, expiry and attempt limits), and only for the request filed for that same Telegram user; for anyone else
     * the request is not found, as for an unknown id.
     */
    @Transactional(dontRollbackOn = DomainRuleViolation.class)
    public VerificationOutcome verifyFromBot(UUID requestId, String telegramUserId, String code) {
        SubjectRequest request = requests.lookup(requestId).orElse(null);
        if (request == null || !telegramUserId.equals(request.contact().telegramUserId())) {
            throw DomainRuleViolation.notFound("No such request.");
        }
        return check(requestId, new VerifyCommand(null, code));
    }

    /**
     * Telegram Login Widget data from the subject pages, for a request filed through the bot: proof if Telegram signed
     * it (HMAC under the bot token's hash), it is recent, and it names the request's Telegram user. Refused data
     * counts as a wrong attempt, as a wrong code does.
     */
    @Transactional(dontRollbackOn = DomainRuleViolation.class)
    public VerificationOutcome verifyTelegramLogin(UUID requestId, Map<String, String> widgetData) {
        SubjectRequest request = pendingRequest(requestId);
        VerificationChallenge challenge = lockCurrentChallenge(requestId);
        Instant now = clock.instant();
        requireNotLocked(challenge);
        TelegramLogin.Check check = TelegramLogin.check(widgetData, telegram.botToken().orElse(null),
                telegram.loginMaxAge(), now);
        String refusal = check.proven() && !check.userId().equals(request.contact().telegramUserId())
                ? "OTHER_ACCOUNT" : check.proven() ? null : check.refusal().name();
        if (refusal != null) {
            int left = Math.max(0, config.maxFailedAttempts() - challenge.recordFailure());
            failed.fire(new VerificationEvents.Failed(RequestSnapshot.of(request), left, now));
            audit.record(AuditEventType.VERIFICATION_FAILED, AuditTrail.SUBJECT, request.reference(),
                    request.subjectKey(), AuditTrail.details("method", "TELEGRAM_LOGIN", "refused", refusal,
                            "attemptsLeft", left));
            LOG.infof("Request %s: Telegram login data refused (%s), %d attempts left", request.reference(),
                    refusal, left);
            if (check.refusal() == TelegramLogin.Refusal.STALE) {
                throw new DomainRuleViolation(Kind.GONE, "verification-expired",
                        "The Telegram login is too old. Log in with Telegram again.", Map.of("attemptsLeft", left));
            }
            throw new DomainRuleViolation(Kind.UNPROCESSABLE, "verification-failed",
                    "The Telegram login does not prove the account of this request.", Map.of("attemptsLeft", left));
        }
        audit.record(AuditEventType.VERIFICATION_TELEGRAM_LOGIN, AuditTrail.SUBJECT, request.reference(),
                request.subjectKey(), AuditTrail.details("authAge", Duration.between(
                        Instant.ofEpochSecond(Long.parseLong(widgetData.get("auth_date"))), now).toSeconds()));
        return proven(request, challenge, now);
    }

    private VerificationOutcome check(UUID requestId, VerifyCommand command) {
        boolean byLink = command.token() != null;
        if (byLink == (command.code() != null)) {
            throw DomainRuleViolation.invalidField(byLink ? "code" : "token", "give either token or code, not both");
        }
        SubjectRequest request = pendingRequest(requestId);
        VerificationChallenge challenge = lockCurrentChallenge(requestId);
        Instant now = clock.instant();
        requireNotLocked(challenge);
        if (!now.isBefore(byLink ? challenge.linkExpiresAt : challenge.codeExpiresAt)) {
            throw new DomainRuleViolation(Kind.GONE, "verification-expired",
                    (byLink ? "The link" : "The code") + " has expired. Ask for a new verification e-mail.",
                    Map.of("resendAvailable", true));
        }
        boolean proven = byLink
                ? secrets.matches(TOKEN_PURPOSE, command.token(), challenge.tokenHash)
                : secrets.matches(CODE_PURPOSE, codeInput(requestId, command.code()), challenge.codeHash);
        if (!proven) {
            int left = Math.max(0, config.maxFailedAttempts() - challenge.recordFailure());
            failed.fire(new VerificationEvents.Failed(RequestSnapshot.of(request), left, now));
            audit.record(AuditEventType.VERIFICATION_FAILED, AuditTrail.SUBJECT, request.reference(),
                    request.subjectKey(), AuditTrail.details("method", byLink ? "LINK" : "CODE", "attemptsLeft", left));
            LOG.infof("Request %s: wrong verification %s, %d attempts left", request.reference(),
                    byLink ? "token" : "code", left);
            throw new DomainRuleViolation(Kind.UNPROCESSABLE, "verification-failed",
                    (byLink ? "The link" : "The code") + " is not right.", Map.of("attemptsLeft", left));
        }
        return proven(request, challenge, now);
    }

    private void requireNotLocked(VerificationChallenge challenge) {
        if (challenge.failedAttempts >= config.maxFailedAttempts()) {
            throw new DomainRuleViolation(Kind.TOO_MANY, "verification-locked",
                    "Too many wrong attempts. Ask for a new verification e-mail.",
                    Map.of("resendAvailable", true));
        }
    }

    /** The challenge is met: used up, and the request opens with its access token. */
    private VerificationOutcome proven(SubjectRequest request, VerificationChallenge challenge, Instant now) {
        challenge.use(now);
        AccessTokens.Minted accessToken = accessTokens.mint();
        request.markVerified(now, accessToken.hash());
        verified.fire(new RequestEvents.Verified(RequestSnapshot.of(request), accessToken.token(), now));
        LOG.infof("Request %s verified", request.reference());
        return new VerificationOutcome(request.id(), request.reference(), request.status(), request.verifiedAt());
    }

    /** A new verification e-mail; earlier links and codes stop working. At most so many an hour. */
    @Transactional(dontRollbackOn = DomainRuleViolation.class)
    public ResendOutcome resend(UUID requestId) {
        SubjectRequest request = pendingRequest(requestId);
        VerificationChallenge current = lockCurrentChallenge(requestId);
        Instant now = clock.instant();
        List<Instant> recent = em.createQuery("select c.issuedAt from VerificationChallenge c where c.requestId = :id"
                        + " and c.resend = true and c.issuedAt > :since order by c.issuedAt", Instant.class)
                .setParameter("id", requestId)
                .setParameter("since", now.minus(RESEND_WINDOW))
                .getResultList();
        if (recent.size() >= config.maxResendsPerHour()) {
            long wait = Math.max(1, Duration.between(now, recent.getFirst().plus(RESEND_WINDOW)).toSeconds());
            throw new DomainRuleViolation(Kind.TOO_MANY, "resend-limit",
                    "A new e-mail can be requested at most " + config.maxResendsPerHour() + " times an hour.",
                    Map.of("retryAfterSeconds", wait));
        }
        current.supersede(now);
        VerificationChallenge next = issue(RequestSnapshot.of(request), true, now);
        return new ResendOutcome(next.linkExpiresAt, next.codeExpiresAt,
                config.maxResendsPerHour() - recent.size() - 1);
    }

    private VerificationChallenge issue(RequestSnapshot request, boolean resend, Instant now) {
        String token = secrets.newToken();
        String code = secrets.newSixDigitCode();
        VerificationChallenge challenge = new VerificationChallenge(request.id(),
                secrets.keyedHash(TOKEN_PURPOSE, token),
                secrets.keyedHash(CODE_PURPOSE, codeInput(request.id(), code)),
                now, now.plus(config.linkValidity()), now.plus(config.codeValidity()), resend);
        em.persist(challenge);
        issued.fire(new VerificationEvents.Issued(request, token, code, now, challenge.linkExpiresAt,
                challenge.codeExpiresAt, resend));
        audit.record(AuditEventType.VERIFICATION_ISSUED, resend ? AuditTrail.SUBJECT : "system:verification",
                request.reference(), request.subjectKey(), AuditTrail.details("resend", resend, "linkExpiresAt",
                        challenge.linkExpiresAt, "codeExpiresAt", challenge.codeExpiresAt));
        return challenge;
    }

    /** Six digits are guessable across requests; binding the hash to the request keeps hashes unique. */
    private static String codeInput(UUID requestId, String code) {
        return requestId + ":" + code;
    }

    private SubjectRequest pendingRequest(UUID requestId) {
        SubjectRequest request = requests.lookup(requestId).orElse(null);
        if (request == null) {
            throw DomainRuleViolation.notFound("No such request.");
        }
        if (request.status() == RequestStatus.EXPIRED) {
            throw new DomainRuleViolation(Kind.GONE, "request-expired",
                    "This request expired before it was verified. Please file a new one.");
        }
        if (request.status() != RequestStatus.PENDING_VERIFICATION) {
            throw new DomainRuleViolation(Kind.CONFLICT, "already-verified", "This request is already verified.",
                    Map.of("currentStatus", request.status().name()));
        }
        return request;
    }

    /** The live challenge, locked so that concurrent attempts are counted one after another. */
    private VerificationChallenge lockCurrentChallenge(UUID requestId) {
        List<VerificationChallenge> current = em.createQuery("from VerificationChallenge c where c.requestId = :id"
                        + " and c.supersededAt is null and c.usedAt is null", VerificationChallenge.class)
                .setParameter("id", requestId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (current.size() != 1) {
            throw new IllegalStateException("a pending request has " + current.size() + " live challenges");
        }
        return current.getFirst();
    }

    /** Deletes a request's challenges (they hold only hashes, but have no use once it is closed). */
    void forget(UUID requestId) {
        em.createQuery("delete from VerificationChallenge c where c.requestId = :id")
                .setParameter("id", requestId)
                .executeUpdate();
    }
}
