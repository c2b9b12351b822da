package kz.region715.dsr.lead;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "dsr.leads")
public interface LeadConfig {

    /** How long a lead is kept after it is received unless the ingest client says otherwise (policy 5.1). */
    @WithDefault("P730D")
    Duration retention();

    /** Most leads in one batch. */
    @WithDefault("500")
    int maxBatch();
}
