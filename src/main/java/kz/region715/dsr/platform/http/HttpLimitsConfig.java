package kz.region715.dsr.platform.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "dsr.http")
public interface HttpLimitsConfig {

    /**
     * Largest request body the API accepts; larger ones get a 413 problem.
     * (quarkus.http.limits.max-body-size is set higher, as a backstop for
     * bodies sent without a Content-Length.)
     */
    @WithDefault("512K")
    MemorySize maxBodySize();
}
