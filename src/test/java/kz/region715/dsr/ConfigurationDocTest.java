package kz.region715.dsr;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The settings table of docs/configuration.md is the service's environment: every variable application.properties
 * reads outside the test and dev profiles ({@code ${VAR:default}}) is in the table, and every variable in the table
 * is read, either so or as the environment form of a property (DSR_LEADS_RETENTION for dsr.leads.retention).
 */
class ConfigurationDocTest {

    static final Path DOC = Path.of("docs/configuration.md");
    static final Path PROPERTIES = Path.of("src/main/resources/application.properties");
    static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    static final Pattern NAME = Pattern.compile("`(…_[A-Z0-9_]+|[A-Z][A-Z0-9_]*)`");

    @Test
    void everyVariableTheServiceReadsIsDocumented() throws IOException {
        assertThat(documented()).as("variables read in %s but missing in the table of %s", PROPERTIES, DOC)
                .containsAll(readInProperties());
    }

    @Test
    void everyDocumentedVariableIsRead() throws IOException {
        Set<String> read = new TreeSet<>(readInProperties());
        propertyNames().forEach(name -> read.add(environmentForm(name)));
        assertThat(read).as("variables in the table of %s that the service does not read", DOC)
                .containsAll(documented());
    }

    /** Settings deliberately absent from the manifests, each with its reason (k8s/base/configmap.yaml says the same). */
    static final Map<String, String> UNSET_IN_MANIFESTS = Map.of(
            "DSR_DEADLINE_DATA_DIR", "an operator's own deadline policies, mounted by the operator",
            "DSR_LEADS_ERASURE_", "per-field erasure of leads: the defaults stand",
            "DSR_AUDIT_SIGNING_KEY", "a secret; unset, derived from DSR_SECRET");

    /**
     * Every documented setting is in the Kubernetes manifests: in the ConfigMap, or from a Secret in the Deployment
     * (issue 24: the operator's contact e-mail, printed in the notice to the authority, was in neither).
     */
    @Test
    void everyDocumentedVariableIsInTheManifests() throws IOException {
        String configMap = Files.readString(Path.of("k8s/base/configmap.yaml"), StandardCharsets.UTF_8);
        String deployment = Files.readString(Path.of("k8s/base/deployment.yaml"), StandardCharsets.UTF_8);
        Set<String> missing = new TreeSet<>();
        for (String name : documented()) {
            boolean inConfigMap = Pattern.compile("(?m)^  " + name + ":").matcher(configMap).find();
            boolean fromSecret = Pattern.compile("(?m)^\\s*- name: " + name + "\\s*$").matcher(deployment).find();
            boolean unset = UNSET_IN_MANIFESTS.keySet().stream().anyMatch(name::startsWith);
            if (!inConfigMap && !fromSecret && !unset) {
                missing.add(name);
            }
        }
        assertThat(missing).as("settings of %s in neither k8s/base/configmap.yaml nor deployment.yaml", DOC).isEmpty();
    }

    /** The names in the table's first column; {@code …_PHONE} after DSR_LEADS_ERASURE_NAME is …ERASURE_PHONE. */
    static Set<String> documented() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int start = doc.indexOf("## Production settings");
        assertThat(start).as("%s has a section \"Production settings\"", DOC).isNotNegative();
        int end = doc.indexOf("\n## ", start + 1);
        Set<String> names = new TreeSet<>();
        for (String line : doc.substring(start, end < 0 ? doc.length() : end).split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String first = null;
            Matcher name = NAME.matcher(line.split("\\|")[1]);
            while (name.find()) {
                String found = name.group(1);
                if (found.startsWith("…")) {
                    assertThat(first).as("an abbreviated name follows a full one: %s", line).isNotNull();
                    found = first.substring(0, first.lastIndexOf('_')) + found.substring(1);
                } else if (first == null) {
                    first = found;
                }
                names.add(found);
            }
        }
        assertThat(names).as("the settings table of %s", DOC).isNotEmpty();
        return names;
    }

    /** {@code ${VAR...}} in application.properties, outside the lines of the test, dev and pg profiles. */
    static Set<String> readInProperties() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(PROPERTIES, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("%") && !line.startsWith("%prod.")) {
                continue;
            }
            Matcher variable = VARIABLE.matcher(line);
            while (variable.find()) {
                names.add(variable.group(1));
            }
        }
        return names;
    }

    /** The keys of application.properties and the properties of the service's configuration mappings. */
    static Set<String> propertyNames() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(PROPERTIES, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                String key = line.substring(0, line.indexOf('=')).strip();
                names.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
            }
        }
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (Files.readString(source, StandardCharsets.UTF_8).contains("@ConfigMapping(")) {
                    String name = Path.of("src/main/java").relativize(source).toString()
                            .replace(".java", "").replace('/', '.').replace('\\', '.');
                    Class<?> mapping = load(name);
                    properties(mapping.getAnnotation(ConfigMapping.class).prefix(), mapping, names);
                }
            }
        }
        return names;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ConfigurationDocTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void properties(String prefix, Class<?> mapping, Set<String> names) {
        for (Method method : mapping.getMethods()) {
            if (method.getParameterCount() > 0 || method.isDefault() || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            WithName renamed = method.getAnnotation(WithName.class);
            String name = prefix + "." + (renamed != null ? renamed.value() : kebab(method.getName()));
            Type type = method.getGenericReturnType();
            if (type instanceof ParameterizedType generic && generic.getRawType() == Optional.class) {
                type = generic.getActualTypeArguments()[0];
            }
            if (type instanceof Class<?> nested && nested.isInterface()
                    && nested.getName().startsWith("kz.region715.dsr.")) {
                properties(name, nested, names);
            } else if (!(type instanceof ParameterizedType generic && generic.getRawType() == Map.class)) {
                names.add(name);
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    /** The environment variable that sets a property (MicroProfile Config: non-alphanumerics become _). */
    static String environmentForm(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    @Test
    void theTableReadsAbbreviatedNamesAndTheEnvironmentForm() throws IOException {
        assertThat(documented()).contains("DSR_LEADS_ERASURE_NAME", "DSR_LEADS_ERASURE_TELEGRAM_USER_ID", "DB_USER",
                "DB_PASSWORD");
        assertThat(environmentForm("dsr.leads.erasure.telegram-user-id"))
                .isEqualTo("DSR_LEADS_ERASURE_TELEGRAM_USER_ID");
        assertThat(propertyNames()).contains("dsr.leads.erasure.telegram-user-id", "dsr.deadline.data-dir",
                "dsr.jobs.shutdown-wait");
    }
}
