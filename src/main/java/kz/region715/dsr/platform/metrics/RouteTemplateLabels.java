package kz.region715.dsr.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;

/**
 * HTTP metrics are labelled by route template only ({@code /api/v1/cases/{id}}). A path as sent, which a refused or
 * unmatched call can leave in the {@code uri} label, may carry ids or whatever a client typed; such a label becomes
 * {@code UNKNOWN}, so that metrics neither leak identifiers nor grow without bound.
 */
public class RouteTemplateLabels {

    static final String UNKNOWN = "UNKNOWN";
    /** A segment of a template: a literal word or a {parameter}. */
    private static final Pattern SEGMENT = Pattern.compile("[a-z][a-z0-9-]{0,40}|v[0-9]+|\\{[A-Za-z0-9_]+}|\\*");

    @Produces
    @Singleton
    MeterFilter routeTemplatesOnly() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String uri = id.getTag("uri");
                if (uri == null || isTemplate(uri)) {
                    return id;
                }
                return id.replaceTags(id.getTags().stream()
                        .map(tag -> tag.getKey().equals("uri") ? Tag.of("uri", UNKNOWN) : tag).toList());
            }
        };
    }

    static boolean isTemplate(String uri) {
        if (uri.equals("root") || uri.equals("NOT_FOUND") || uri.equals("REDIRECTION") || uri.equals(UNKNOWN)
                || uri.equals("/")) {
            return true;
        }
        if (!uri.startsWith("/") || uri.length() > 200) {
            return false;
        }
        for (String segment : uri.substring(1).split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                return false;
            }
        }
        return true;
    }
}
