package kz.region715.dsr.platform.operator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.ZoneId;
import java.util.Optional;

/** Who the operator is and where it works: shown in e-mails, used for dates. */
@ConfigMapping(prefix = "dsr.operator")
public interface OperatorConfig {

    @WithDefault("Region715")
    String name();

    /** Contact for questions about personal data (policy 9.2). */
    @WithDefault("sales@region715.kz")
    String contactEmail();

    @WithDefault("https://region715.kz/privacy")
    URI privacyPolicyUrl();

    /** Deadlines end at the end of a working day here; references take their year from it. */
    @WithDefault("Asia/Almaty")
    ZoneId timeZone();

    /** The operator's business identification number (БИН), shown in the notice of a breach to the authority. */
    Optional<String> bin();

    /** The operator's registered address, one line, shown in the notice of a breach to the authority. */
    Optional<String> address();

    /** The operator's contact phone, shown in the notice of a breach to the authority. */
    Optional<String> phone();
}
