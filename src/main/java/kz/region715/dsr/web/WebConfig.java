package kz.region715.dsr.web;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** How the subject pages may be embedded in the operator's site. */
@ConfigMapping(prefix = "dsr.web")
public interface WebConfig {

    /**
     * Origins whose pages may show the subject pages in a frame (CSP
     * {@code frame-ancestors}), such as {@code https://region715.kz}. None by
     * default: the pages can then only be linked to.
     */
    Optional<List<String>> frameAncestors();
}
