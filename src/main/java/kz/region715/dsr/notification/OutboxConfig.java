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

    /**
     * How long a claim lasts: a replica that dies mid-send frees its messages after this. Longer than the longest
     * SMTP conversation the {@code dsr.smtp.*} limits allow (the sender warns at startup if not), so that no other
     * replica sends a message whose relay is still expected to answer.
     */
    @WithDefault("PT10M")
    Duration lease();

    /**
     * SMTP conversations one replica holds at the same time before their data's final dot (those waiting for the
     * relay's answer to the data take no place here).
     */
    @WithDefault("8")
    @Positive
    int parallelism();

    /** Messages one replica has claimed and not yet finished, waiting for the final reply included. */
    @WithDefault("200")
    @Positive
    int maxInFlight();

    /**
     * Send a message as soon as the transaction that queued it commits (on that replica), instead of waiting for
     * the next poll; the poll still finds what other replicas or a restart left.
     */
    @WithDefault("true")
    boolean sendOnCommit();

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
