package kz.region715.dsr.request;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.Objects;
import kz.region715.dsr.request.domain.CancellationReason;
import kz.region715.dsr.request.domain.RejectionBasis;

/** Who decided a case and how: approved, rejected on a legal basis, or cancelled for a reason. Empty until then. */
@Embeddable
public class Decision {

    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "rejection_basis")
    private RejectionBasis rejectionBasis;
    @Column(name = "decision_reason")
    private String decisionReason;
    @Enumerated(EnumType.STRING)
    @Column(name = "cancellation_reason")
    private CancellationReason cancellationReason;

    protected Decision() {
    }

    private Decision(String decidedBy, Instant decidedAt) {
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    static Decision none() {
        return new Decision();
    }

    static Decision approved(String actor, Instant at) {
        return new Decision(actor, at);
    }

    static Decision rejected(RejectionBasis basis, String reason, String actor, Instant at) {
        Decision decision = new Decision(actor, at);
        decision.rejectionBasis = basis;
        decision.decisionReason = reason;
        return decision;
    }

    static Decision cancelled(CancellationReason reason, String actor, Instant at) {
        Decision decision = new Decision(actor, at);
        decision.cancellationReason = reason;
        return decision;
    }

    public boolean isMade() {
        return decidedAt != null;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    /** Set for a rejection only. */
    public RejectionBasis rejectionBasis() {
        return rejectionBasis;
    }

    /** The officer's reason for a rejection. */
    public String reason() {
        return decisionReason;
    }

    /** Set for a cancellation only. */
    public CancellationReason cancellationReason() {
        return cancellationReason;
    }

    /** Equal when every column is: replacing it with an equal value changes nothing (no dirty UPDATE). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Decision that && Objects.equals(decidedBy, that.decidedBy)
                && Objects.equals(decidedAt, that.decidedAt) && Objects.equals(rejectionBasis, that.rejectionBasis)
                && Objects.equals(decisionReason, that.decisionReason)
                && Objects.equals(cancellationReason, that.cancellationReason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(decidedBy, decidedAt, rejectionBasis, decisionReason, cancellationReason);
    }
}
