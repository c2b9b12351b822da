package kz.region715.dsr.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

/** Delivery of queued e-mail: batches, retries with exponential backoff, leases between replicas. */
@ConfigMapping(prefix = "dsr.outbox")
public interface OutboxConfig {

    /** Messages one replica claims per round. */
    @WithDefault("20")
    @Positive
    int batchSize();

    /** Tries before a message is marked FAILED (an admin can requeue it). */
    @WithDefault("20")
    @Positive
    int maxAttempts();

    /** Wait after the first failure; doubles with each further failure. */
    @WithDefault("PT30S")
    Duration initialBackoff();

    /** Longest wait between two tries. */
    @WithDefault("PT1H")
    Duration maxBackoff();

    /** How long a claim lasts: a replica that dies mid-send frees its messages after this. */
    @WithDefault("PT2M")
    Duration lease();

    /** Messages one replica sends at the same time. */
    @WithDefault("4")
    @Positive
    int parallelism();

    /**
     * The longest one message may take to send (connect, greeting, transfer); a send that takes longer counts as
     * a failed try, retried with backoff. Well under the lease, so that a batch ends before its claims expire.
     */
    @WithDefault("PT10S")
    Duration sendTimeout();

    /**
     * Readiness says the outbox is degraded (it stays UP) when the oldest message due for sending has waited longer
     * than this: mail is not going out (the relay refuses or is unreachable) though the service still works.
     */
    @WithDefault("PT15M")
    Duration backlogDegradedAfter();

    /** How often the sender looks for due mail (scheduler syntax, e.g. 10s). */
    @WithDefault("10s")
    String pollInterval();
}
