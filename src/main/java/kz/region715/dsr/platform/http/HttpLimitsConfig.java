package kz.region715.dsr.platform.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "dsr.http")
public interface HttpLimitsConfig {

    /**
     * Largest request body the API accepts, with or without a Content-Length
     * ({@link RequestGuard}); larger ones get a 413 problem.
     * quarkus.http.limits.max-body-size follows it.
     */
    @WithDefault("512K")
    MemorySize maxBodySize();
}
