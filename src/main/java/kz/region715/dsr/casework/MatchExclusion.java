package kz.region715.dsr.casework;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** An officer's finding that a matched lead is not the subject's: the execution leaves it alone. */
@Entity
@Table(name = "case_match_exclusion")
@IdClass(MatchExclusion.Key.class)
class MatchExclusion {

    @Id
    @Column(name = "request_id")
    UUID requestId;
    @Id
    @Column(name = "lead_id")
    UUID leadId;
    @Column(name = "excluded_by")
    String excludedBy;
    @Column(name = "excluded_at")
    Instant excludedAt;
    String reason;

    protected MatchExclusion() {
    }

    MatchExclusion(UUID requestId, UUID leadId, String excludedBy, Instant excludedAt, String reason) {
        this.requestId = requestId;
        this.leadId = leadId;
        this.excludedBy = excludedBy;
        this.excludedAt = excludedAt;
        this.reason = reason;
    }

    record Key(UUID requestId, UUID leadId) implements Serializable {
        Key() {
            this(null, null);
        }
    }
}
