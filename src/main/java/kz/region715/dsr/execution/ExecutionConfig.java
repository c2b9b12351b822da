package kz.region715.dsr.execution;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

/** Execution of approved requests: batches, claims, retries, access packages. */
@ConfigMapping(prefix = "dsr.execution")
public interface ExecutionConfig {

    /** Leads handled per transaction; memory stays bounded however many leads a subject has. */
    @WithDefault("200")
    @Positive
    int batchSize();

    /**
     * Executions one replica works at the same time, each on a thread of its own with its own claim and lease.
     * Each holds a database connection while it works.
     */
    @WithDefault("3")
    @Positive
    int parallelism();

    /** Executions claimed at once by {@link ExecutionWorker#claim} (the driver claims one per free thread). */
    @WithDefault("5")
    @Positive
    int claimSize();

    /** Tries before the case is FAILED and waits for an officer's retry. */
    @WithDefault("5")
    @Positive
    int maxAttempts();

    /** Wait after the first failed try; doubles with each further one. */
    @WithDefault("PT1M")
    Duration initialBackoff();

    @WithDefault("PT1H")
    Duration maxBackoff();

    /** How long a claim lasts without progress: a worker that dies frees its execution after this. */
    @WithDefault("PT5M")
    Duration lease();

    /** How often a worker looks for due executions (scheduler syntax). */
    @WithDefault("10s")
    String pollInterval();

    /** How long the download link of an access package works (the package is then purged). */
    @WithDefault("P7D")
    Duration packageValidity();
}
