package kz.region715.dsr.execution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * The access package issued to a subject: its content (JSON) until the link
 * expires and the content is purged, the keyed hash of the download token,
 * and the record of downloads.
 */
@Entity
@Table(name = "access_package")
class AccessPackage {

    @Id
    @Column(name = "request_id")
    private UUID requestId;
    private String content;
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "issued_at")
    private Instant issuedAt;
    @Column(name = "expires_at")
    private Instant expiresAt;
    private int downloads;
    @Column(name = "last_downloaded_at")
    private Instant lastDownloadedAt;
    @Column(name = "purged_at")
    private Instant purgedAt;
    @Version
    private long version;

    protected AccessPackage() {
    }

    AccessPackage(UUID requestId, String content, String tokenHash, Instant issuedAt, Instant expiresAt) {
        this.requestId = requestId;
        this.content = content;
        this.tokenHash = tokenHash;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now) || content == null;
    }

    void downloaded(Instant at) {
        downloads++;
        lastDownloadedAt = at;
    }

    void purge(Instant at) {
        content = null;
        purgedAt = at;
    }

    UUID requestId() {
        return requestId;
    }

    String content() {
        return content;
    }

    String tokenHash() {
        return tokenHash;
    }

    Instant issuedAt() {
        return issuedAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    int downloads() {
        return downloads;
    }

    Instant lastDownloadedAt() {
        return lastDownloadedAt;
    }

    Instant purgedAt() {
        return purgedAt;
    }
}
