package kz.region715.dsr.verification;

import java.time.Instant;
import kz.region715.dsr.request.RequestSnapshot;

public final class VerificationEvents {

    private VerificationEvents() {
    }

    /**
     * A verification e-mail must go out. Carries the secrets in clear: they
     * exist only in this event and in the outbox body, which is purged once sent.
     */
    public record Issued(RequestSnapshot request, String token, String code, Instant issuedAt, Instant linkExpiresAt,
            Instant codeExpiresAt, boolean resend) {
    }

    /** A wrong token or code was presented. */
    public record Failed(RequestSnapshot request, int attemptsLeft, Instant at) {
    }
}
