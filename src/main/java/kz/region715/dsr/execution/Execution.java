package kz.region715.dsr.execution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.region715.dsr.platform.domain.DomainRuleViolation;
import kz.region715.dsr.request.domain.RequestType;

/**
 * The carrying out of one approved request. A worker holds it under a lease
 * while it works; a worker that dies lets the lease run out and another one
 * continues from the items already done.
 */
@Entity
@Table(name = "execution")
class Execution {

    /**
     * Where an execution stands. The allowed successors of each status are the whole state machine; every
     * transition below goes through {@link #moveTo}, which refuses any other. RUNNING may follow RUNNING: a worker
     * claims an execution whose previous holder let its lease run out.
     */
    enum Status {
        QUEUED, RUNNING, DONE, FAILED, CANCELLED;

        Set<Status> successors() {
            return switch (this) {
                case QUEUED -> EnumSet.of(RUNNING, CANCELLED);
                case RUNNING -> EnumSet.of(RUNNING, QUEUED, DONE, FAILED);
                case FAILED -> EnumSet.of(QUEUED, CANCELLED);
                case DONE, CANCELLED -> EnumSet.noneOf(Status.class);
            };
        }

        boolean canMoveTo(Status next) {
            return successors().contains(next);
        }

        boolean isTerminal() {
            return successors().isEmpty();
        }

        /** The status after this one moves to {@code next}; a transition the table does not allow fails, named. */
        Status moveTo(Status next) {
            if (!canMoveTo(next)) {
                throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "execution-transition",
                        "An execution cannot move from " + this + " to " + next + ".",
                        Map.of("executionStatus", name(), "to", next.name()));
            }
            return next;
        }
    }

    @Id
    private UUID id;
    @Column(name = "request_id")
    private UUID requestId;
    @Enumerated(EnumType.STRING)
    private RequestType type;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String plan;
    private int attempts;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "lease_owner")
    private String leaseOwner;
    @Column(name = "lease_until")
    private Instant leaseUntil;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "queued_at")
    private Instant queuedAt;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    @Column(name = "lifted_at")
    private Instant liftedAt;
    @Column(name = "lifted_by")
    private String liftedBy;
    @Column(name = "lift_reason")
    private String liftReason;
    @Version
    private long version;

    protected Execution() {
    }

    static Execution queue(UUID requestId, RequestType type, String planJson, Instant at) {
        Execution execution = new Execution();
        execution.id = UUID.randomUUID();
        execution.requestId = requestId;
        execution.type = type;
        execution.plan = planJson;
        execution.status = Status.QUEUED;
        execution.nextAttemptAt = at;
        execution.queuedAt = at;
        return execution;
    }

    /** Whether a worker may claim it now: due, and nobody holds a live lease. */
    boolean isClaimable(Instant now) {
        return (status == Status.QUEUED || status == Status.RUNNING) && !nextAttemptAt.isAfter(now)
                && (leaseUntil == null || leaseUntil.isBefore(now));
    }

    void claim(String worker, Instant now, Duration lease) {
        if (!isClaimable(now)) {
            throw new IllegalStateException("execution " + id + " is not claimable");
        }
        status = status.moveTo(Status.RUNNING);
        leaseOwner = worker;
        leaseUntil = now.plus(lease);
        attempts++;
        if (startedAt == null) {
            startedAt = now;
        }
    }

    boolean isHeldBy(String worker, Instant now) {
        return status == Status.RUNNING && worker.equals(leaseOwner) && leaseUntil != null && leaseUntil.isAfter(now);
    }

    void renew(Instant now, Duration lease) {
        leaseUntil = now.plus(lease);
    }

    void done(Instant at) {
        status = status.moveTo(Status.DONE);
        finishedAt = at;
        leaseOwner = null;
        leaseUntil = null;
        lastError = null;
    }

    /** A try failed: again after {@code backoff}, or FAILED when the tries are used up; returns whether FAILED. */
    boolean attemptFailed(String error, Instant now, int maxAttempts, Duration backoff) {
        lastError = error;
        leaseOwner = null;
        leaseUntil = null;
        if (attempts >= maxAttempts) {
            status = status.moveTo(Status.FAILED);
            finishedAt = now;
            return true;
        }
        status = status.moveTo(Status.QUEUED);
        nextAttemptAt = now.plus(backoff);
        return false;
    }

    /** The try was cut short by shutdown: released, and due again at once, whatever the count of tries. */
    void interrupted(String error, Instant now) {
        lastError = error;
        leaseOwner = null;
        leaseUntil = null;
        status = status.moveTo(Status.QUEUED);
        nextAttemptAt = now;
    }

    /** An officer asked for another run of a FAILED execution: it continues from where it stopped. */
    void retry(Instant now) {
        if (status != Status.FAILED) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "not-failed",
                    "Only a failed execution can be retried.", Map.of("executionStatus", status.name()));
        }
        status = status.moveTo(Status.QUEUED);
        attempts = 0;
        nextAttemptAt = now;
        finishedAt = null;
    }

    /** A cancelled case's execution does not run; one that runs or ran already is left as it is. */
    void cancel(Instant at) {
        if (status.canMoveTo(Status.CANCELLED)) {
            status = Status.CANCELLED;
            finishedAt = at;
            leaseOwner = null;
            leaseUntil = null;
        }
    }

    void lift(String by, String reason, Instant at) {
        if (liftedAt != null) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "already-lifted",
                    "The restriction of this request was already lifted.");
        }
        liftedAt = at;
        liftedBy = by;
        liftReason = reason;
    }

    UUID id() {
        return id;
    }

    UUID requestId() {
        return requestId;
    }

    RequestType type() {
        return type;
    }

    Status status() {
        return status;
    }

    String plan() {
        return plan;
    }

    int attempts() {
        return attempts;
    }

    Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    String lastError() {
        return lastError;
    }

    Instant queuedAt() {
        return queuedAt;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    Instant liftedAt() {
        return liftedAt;
    }

    String liftedBy() {
        return liftedBy;
    }

    String liftReason() {
        return liftReason;
    }
}
