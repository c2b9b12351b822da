package kz.region715.dsr.lead;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

@ConfigMapping(prefix = "dsr.leads")
public interface LeadConfig {

    /** How long a lead is kept after it is received unless the ingest client says otherwise (policy 5.1). */
    @WithDefault("P730D")
    Duration retention();

    /** IP addresses are cleared from leads older than this (policy 3.5: security needs them only briefly). */
    @WithDefault("P90D")
    Duration ipRetention();

    /** Most leads in one ingest batch. */
    @WithDefault("500")
    @Positive
    int maxBatch();

    /** Leads the retention job handles per transaction. */
    @WithDefault("500")
    @Positive
    int retentionBatchSize();

    /** How a lead is erased (retention, deletion, withdrawal without another legal ground). */
    Erasure erasure();

    interface Erasure {
        /** ANONYMISE keeps the row for statistics (source, time, consent purposes); DELETE removes it. */
        @WithDefault("ANONYMISE")
        Mode mode();

        @WithDefault("FIXED")
        Strategy name();

        @WithDefault("NULL")
        Strategy phone();

        @WithDefault("NULL")
        Strategy email();

        @WithDefault("NULL")
        Strategy message();

        @WithDefault("NULL")
        Strategy telegramUserId();

        /** The value the FIXED strategy writes. */
        @WithDefault("anonymised")
        String fixedValue();
    }

    enum Mode { ANONYMISE, DELETE }

    /** NULL clears the field, FIXED writes a constant, KEYED_HASH an irreversible keyed hash (counts distinct values). */
    enum Strategy { NULL, FIXED, KEYED_HASH }
}
