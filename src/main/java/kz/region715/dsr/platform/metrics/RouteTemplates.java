package kz.region715.dsr.platform.metrics;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The route templates of the service's resources, and the one a path falls under. */
final class RouteTemplates {

    static final String UNKNOWN = "UNKNOWN";
    /** Quarkus's label for the path {@code /}. */
    static final String ROOT = "root";

    private final Set<String> templates;
    /** Longest literal prefix first: {@code /api/v1/leads/batch} before {@code /api/v1/leads/{id}}. */
    private final List<String[]> bySpecificity;

    private RouteTemplates(Set<String> templates) {
        this.templates = Set.copyOf(templates);
        this.bySpecificity = templates.stream().map(RouteTemplates::segments)
                .sorted(Comparator.comparingInt(RouteTemplates::parameters).thenComparing(t -> String.join("/", t)))
                .toList();
    }

    /** The templates of the methods of these JAX-RS resource classes (class {@code @Path} + method {@code @Path}). */
    static RouteTemplates of(Collection<Class<?>> resources) {
        Set<String> templates = new TreeSet<>();
        for (Class<?> resource : resources) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getMethods()) {
                Path path = method.getAnnotation(Path.class);
                if (path != null) {
                    templates.add(normalise(base + "/" + path.value()));
                } else if (isResourceMethod(method)) {
                    templates.add(normalise(base));
                }
            }
        }
        return new RouteTemplates(templates);
    }

    static RouteTemplates of(String... templates) {
        Set<String> set = new TreeSet<>();
        for (String t : templates) {
            set.add(normalise(t));
        }
        return new RouteTemplates(set);
    }

    Set<String> templates() {
        return templates;
    }

    /** A template as is; a path as sent as the template it falls under; anything else {@link #UNKNOWN}. */
    String label(String uri) {
        if (uri.equals(ROOT) || templates.contains(uri)) {
            return uri;
        }
        if (!uri.startsWith("/") || uri.length() > 2048) {
            return UNKNOWN;
        }
        String[] sent = segments(uri);
        for (String[] template : bySpecificity) {
            if (matches(template, sent)) {
                return "/" + String.join("/", template);
            }
        }
        return UNKNOWN;
    }

    private static boolean matches(String[] template, String[] sent) {
        if (template.length != sent.length) {
            return false;
        }
        for (int i = 0; i < template.length; i++) {
            boolean parameter = isParameter(template[i]);
            if (parameter ? sent[i].isEmpty() : !template[i].equals(sent[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isResourceMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }

    /** One slash between segments, none at the end, {@code {id: regex}} as {@code {id}}. */
    static String normalise(String template) {
        String t = ("/" + template).replaceAll("\\{\\s*([A-Za-z0-9_.-]+)\\s*:[^}]*}", "{$1}").replaceAll("/{2,}", "/");
        return t.length() > 1 && t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
    }

    private static String[] segments(String path) {
        return path.equals("/") ? new String[0] : path.substring(1).split("/", -1);
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static int parameters(String[] template) {
        int n = 0;
        for (String segment : template) {
            n += isParameter(segment) ? 1 : 0;
        }
        return n;
    }
}
