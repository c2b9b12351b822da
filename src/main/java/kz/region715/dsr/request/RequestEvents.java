package kz.region715.dsr.request;

import java.time.Instant;
import java.util.UUID;

/**
 * Events of the request capability, fired synchronously inside the
 * transaction of the change, so that what observers write (outbox mail, and
 * later the audit trail) commits or rolls back with it.
 */
public final class RequestEvents {

    private RequestEvents() {
    }

    /** A request was filed and waits for its e-mail to be verified. */
    public record Filed(RequestSnapshot request, Instant at) {
    }

    /**
     * The subject proved the e-mail address; {@code accessToken} is the
     * request's own secret for the status link (only its hash is stored).
     */
    public record Verified(RequestSnapshot request, String accessToken, Instant at) {
    }

    /** The subject asked for the status link again: a new access token, the old one no longer works. */
    public record AccessLinkReissued(RequestSnapshot request, String accessToken, Instant at) {
    }

    /** An e-mail about a request was delivered, or finally failed. */
    public record MailOutcome(UUID requestId, String kind, boolean delivered, Instant at) {
    }

    /** The channel the subject used refuses our messages for good (the subject blocked the bot). */
    public record SubjectUnreachable(UUID requestId, String channel, Instant at) {
    }

    /** An unverified request expired and its personal data was erased. */
    public record Expired(UUID requestId, String reference, Instant at) {
    }

    /** A closed request's retention ended: its personal data was reduced to what proof of handling needs. */
    public record Reduced(UUID requestId, Instant at) {
    }
}
