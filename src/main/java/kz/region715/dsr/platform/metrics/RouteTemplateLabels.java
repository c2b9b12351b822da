package kz.region715.dsr.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * HTTP metrics are labelled by route template only ({@code /api/v1/cases/{id}}). The templates are the service's
 * own: those of its JAX-RS resources, read from their {@code @Path} annotations when the service starts. A path as
 * sent, which a refused call (405, 413, 415, a foreign origin, a preflight) leaves in the {@code uri} label, becomes
 * the template it falls under, and {@code UNKNOWN} when it falls under none (Quarkus's {@code NOT_FOUND} and
 * {@code REDIRECTION} too): so a label is never decided by what a segment looks like, and metrics neither leak
 * identifiers nor grow without bound.
 */
public class RouteTemplateLabels {

    @Produces
    @Singleton
    MeterFilter routeTemplatesOnly(BeanManager beans) {
        List<Class<?>> resources = new ArrayList<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            if (bean.getBeanClass().isAnnotationPresent(Path.class)) {
                resources.add(bean.getBeanClass());
            }
        }
        RouteTemplates routes = RouteTemplates.of(resources);
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String uri = id.getTag("uri");
                if (uri == null) {
                    return id;
                }
                String label = routes.label(uri);
                if (label.equals(uri)) {
                    return id;
                }
                return id.replaceTags(id.getTags().stream()
                        .map(tag -> tag.getKey().equals("uri") ? Tag.of("uri", label) : tag).toList());
            }
        };
    }
}
