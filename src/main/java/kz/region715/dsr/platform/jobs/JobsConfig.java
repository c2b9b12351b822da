package kz.region715.dsr.platform.jobs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the scheduled jobs end at shutdown. */
@ConfigMapping(prefix = "dsr.jobs")
public interface JobsConfig {

    /**
     * How long shutdown waits for running job rounds to hand back their work (the execution worker finishes its
     * batch); within quarkus.shutdown.timeout.
     */
    @WithDefault("PT20S")
    Duration shutdownWait();
}
