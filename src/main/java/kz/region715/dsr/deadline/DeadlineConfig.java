package kz.region715.dsr.deadline;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

@ConfigMapping(prefix = "dsr.deadline")
public interface DeadlineConfig {

    /** The jurisdiction whose law applies when a request names none. */
    @WithDefault("KZ")
    String defaultJurisdiction();

    /** Internal target for ACCESS requests where the law sets no number (basis INTERNAL_TARGET), in working days. */
    @WithDefault("10")
    int accessTargetWorkingDays();

    /**
     * Optional folder with an operator's {@code policies.json} and/or {@code calendars/<J>.json}; files there
     * replace the shipped ones of the same name, so holidays and official transfers can be added without a rebuild.
     */
    Optional<Path> dataDir();
}
