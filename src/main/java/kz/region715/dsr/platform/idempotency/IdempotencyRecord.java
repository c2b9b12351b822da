package kz.region715.dsr.platform.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A client's Idempotency-Key, the fingerprint of the body it came with, and what it created. */
@Entity
@Table(name = "idempotency_record")
class IdempotencyRecord {

    @Id
    @Column(name = "idempotency_key")
    String key;
    String fingerprint;
    @Column(name = "resource_id")
    UUID resourceId;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "expires_at")
    Instant expiresAt;

    protected IdempotencyRecord() {
    }

    IdempotencyRecord(String key) {
        this.key = key;
    }

    /** Binds the key to a body and what it created, for {@code retention} from {@code now}. */
    void bind(String fingerprint, UUID resourceId, Instant now, java.time.Duration retention) {
        this.fingerprint = fingerprint;
        this.resourceId = resourceId;
        this.createdAt = now;
        this.expiresAt = now.plus(retention);
    }
}
