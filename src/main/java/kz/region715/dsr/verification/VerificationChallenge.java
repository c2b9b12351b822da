package kz.region715.dsr.verification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One verification e-mail's secrets, stored only as keyed hashes. A resend
 * supersedes the previous challenge; a success uses it up.
 */
@Entity
@Table(name = "verification_challenge")
class VerificationChallenge {

    @Id
    UUID id;
    @Column(name = "request_id")
    UUID requestId;
    @Column(name = "token_hash")
    String tokenHash;
    @Column(name = "code_hash")
    String codeHash;
    @Column(name = "issued_at")
    Instant issuedAt;
    @Column(name = "link_expires_at")
    Instant linkExpiresAt;
    @Column(name = "code_expires_at")
    Instant codeExpiresAt;
    @Column(name = "failed_attempts")
    int failedAttempts;
    boolean resend;
    @Column(name = "superseded_at")
    Instant supersededAt;
    @Column(name = "used_at")
    Instant usedAt;

    protected VerificationChallenge() {
    }

    VerificationChallenge(UUID requestId, String tokenHash, String codeHash, Instant issuedAt, Instant linkExpiresAt,
            Instant codeExpiresAt, boolean resend) {
        this.id = UUID.randomUUID();
        this.requestId = requestId;
        this.tokenHash = tokenHash;
        this.codeHash = codeHash;
        this.issuedAt = issuedAt;
        this.linkExpiresAt = linkExpiresAt;
        this.codeExpiresAt = codeExpiresAt;
        this.resend = resend;
    }

    /** Counts a wrong token or code; returns the count so far. */
    int recordFailure() {
        return ++failedAttempts;
    }

    /** Used up: its hashes are dropped, so nothing can match it again. */
    void use(Instant at) {
        usedAt = at;
        tokenHash = null;
        codeHash = null;
    }

    void supersede(Instant at) {
        supersededAt = at;
    }
}
