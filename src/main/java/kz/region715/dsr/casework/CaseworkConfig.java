package kz.region715.dsr.casework;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.Map;

@ConfigMapping(prefix = "dsr.casework")
public interface CaseworkConfig {

    /** Cases due within this many working days are in the officers' "due soon" digest. */
    @WithDefault("1")
    @PositiveOrZero
    int dueSoonWorkingDays();

    /** The privacy officers' shared mailbox: digests of unassigned cases go there. */
    @WithDefault("privacy-officers@region715.kz")
    String officersAddress();

    /** The data-protection officer: escalations of overdue cases go there. */
    @WithDefault("dpo@region715.kz")
    String dpoAddress();

    /** Addresses of officers whose id is not itself an e-mail address (officer id = address). */
    Map<String, String> officerAddresses();

    /** How often the deadline watch runs (scheduler syntax). */
    @WithDefault("15m")
    String watchInterval();

    /** Language of the staff digests: ru, kk or en. */
    @WithDefault("ru")
    String staffLocale();
}
