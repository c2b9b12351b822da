package kz.region715.dsr.platform.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks every answer a test receives against the committed OpenAPI document, so that the document and the
 * service cannot drift apart in either direction: the status must be declared for the operation, a body must
 * have a declared media type and match its schema (JSON Schema 2020-12 with the OpenAPI 3.1 dialect), and the
 * headers clients rely on ({@code ETag}, {@code Location}, {@code Retry-After}) must be declared where they are
 * sent and present where they are required. Requests to paths the document does not describe (pages, the
 * management endpoints, unknown paths) are not checked.
 *
 * <p>A mismatch fails the test that received the answer. With {@code -Dcontract.responses=report} mismatches
 * are only appended to {@code target/contract-violations.txt}.
 */
public final class ResponseContract implements OrderedFilter {

    static final Path COMMITTED = Path.of("openapi", "openapi.yaml");
    private static final Path REPORT = Path.of("target", "contract-violations.txt");
    private static final String DOCUMENT_IRI = "https://dsr.region715.kz/openapi.json";
    private static final Set<String> TRACKED_HEADERS = Set.of("etag", "location", "retry-after");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode document;
    private final List<Route> routes;
    private final JsonSchemaFactory schemas;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().build();
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();
    private final boolean reportOnly;

    private ResponseContract(JsonNode document, boolean reportOnly) {
        this.document = document;
        this.reportOnly = reportOnly;
        this.routes = routes(document);
        String text = document.toString();
        this.schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .metaSchema(OpenApi31.getInstance())
                .defaultMetaSchemaIri(OpenApi31.getInstance().getIri())
                .schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT_IRI, text))));
    }

    /** The filter for the committed document, in the mode {@code contract.responses} names. */
    public static ResponseContract ofCommittedDocument() {
        return of(COMMITTED, "report".equals(System.getProperty("contract.responses")));
    }

    static ResponseContract of(Path document, boolean reportOnly) {
        try {
            return new ResponseContract(new YAMLMapper().readTree(document.toFile()), reportOnly);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + document, e);
        }
    }

    @Override
    public int getOrder() {
        return OrderedFilter.LOWEST_PRECEDENCE; // next to the call: sees the answer as the service sent it
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        String method = request.getMethod().toLowerCase(Locale.ROOT);
        String path = URI.create(request.getURI()).getRawPath();
        List<String> problems = check(method, path, response.statusCode(), response.contentType(),
                response.asByteArray(), name -> Optional.ofNullable(response.getHeader(name)));
        if (!problems.isEmpty()) {
            String message = method.toUpperCase(Locale.ROOT) + " " + path + " -> " + response.statusCode() + ": "
                    + String.join("; ", problems);
            if (reportOnly) {
                report(message);
            } else {
                throw new AssertionError("The answer differs from openapi/openapi.yaml: " + message);
            }
        }
        return response;
    }

    /** What is wrong with one answer; empty when the document describes it. */
    public List<String> check(String method, String path, int status, String contentType, byte[] body,
            Function<String, Optional<String>> header) {
        Optional<Route> route = routes.stream().filter(r -> r.pattern.matcher(path).matches()).findFirst();
        if (route.isEmpty() || !route.get().item.has(method)) {
            return List.of(); // not an operation of the document
        }
        String where = "/paths/" + escape(route.get().template) + "/" + method;
        JsonNode responses = document.at(where + "/responses");
        String code = String.valueOf(status);
        String key = responses.has(code) ? code : responses.has(code.charAt(0) + "XX") ? code.charAt(0) + "XX"
                : responses.has("default") ? "default" : null;
        if (key == null) {
            return List.of("status " + status + " is not declared for " + route.get().item.path(method)
                    .path("operationId").asText());
        }
        String responsePointer = where + "/responses/" + escape(key);
        JsonNode declared = responses.get(key);
        if (declared.has("$ref")) {
            responsePointer = declared.get("$ref").asText().substring(1);
            declared = document.at(responsePointer);
        }
        List<String> problems = new ArrayList<>();
        JsonNode headers = declared.path("headers");
        for (String name : TRACKED_HEADERS) {
            if (header.apply(name).isPresent() && !hasHeader(headers, name)) {
                problems.add("header " + name + " is sent but not declared");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            if (resolve(h.getValue()).path("required").asBoolean(false) && header.apply(h.getKey()).isEmpty()) {
                problems.add("required header " + h.getKey() + " is missing");
            }
        }
        if (body == null || body.length == 0) {
            return problems;
        }
        JsonNode content = declared.path("content");
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        String declaredType = mediaType(content, mediaType);
        if (declaredType == null) {
            problems.add("a body of media type '" + mediaType + "' is not declared (declared: "
                    + fieldNames(content) + ")");
            return problems;
        }
        if (!isJson(mediaType)) {
            return problems;
        }
        if (content.path(declaredType).path("schema").isMissingNode()) {
            problems.add("the " + declaredType + " body has no schema");
            return problems;
        }
        JsonNode value;
        try {
            value = json.readTree(body);
        } catch (IOException e) {
            problems.add("the body is not JSON");
            return problems;
        }
        String pointer = responsePointer + "/content/" + escape(declaredType) + "/schema";
        JsonSchema compiledSchema = compiled.computeIfAbsent(pointer,
                p -> schemas.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + p), config));
        for (ValidationMessage message : compiledSchema.validate(value)) {
            problems.add("body: " + message.getMessage());
        }
        return problems;
    }

    /** What is wrong with {@code value} as an instance of the component schema {@code name}; empty when nothing. */
    public List<String> checkSchema(String name, JsonNode value) {
        String pointer = "/components/schemas/" + escape(name);
        if (document.at(pointer).isMissingNode()) {
            return List.of("no schema " + name);
        }
        JsonSchema schema = compiled.computeIfAbsent(pointer,
                p -> schemas.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + p), config));
        return schema.validate(value).stream().map(ValidationMessage::getMessage).toList();
    }

    private JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? document.at(node.get("$ref").asText().substring(1)) : node;
    }

    private static boolean hasHeader(JsonNode headers, String name) {
        for (Iterator<String> it = headers.fieldNames(); it.hasNext(); ) {
            if (it.next().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static String mediaType(JsonNode content, String actual) {
        if (content.has(actual)) {
            return actual;
        }
        for (Iterator<String> it = content.fieldNames(); it.hasNext(); ) {
            String declared = it.next();
            if (declared.equals("*/*") || declared.endsWith("/*")
                    && actual.startsWith(declared.substring(0, declared.length() - 1))) {
                return declared;
            }
        }
        return null;
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static void report(String message) {
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, message + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document's paths as patterns, those with more literal segments first ({@code /leads/batch} before {@code /leads/{id}}). */
    private static List<Route> routes(JsonNode document) {
        List<Route> routes = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(e -> {
            ObjectNode item = (ObjectNode) e.getValue();
            item.fieldNames().forEachRemaining(name -> {
                if (!METHODS.contains(name) && !name.equals("parameters") && !name.startsWith("x-")
                        && !name.equals("summary") && !name.equals("description") && !name.equals("servers")) {
                    throw new IllegalStateException("unexpected member " + name + " of path " + e.getKey());
                }
            });
            String regex = "\\Q" + e.getKey().replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
            routes.add(new Route(e.getKey(), Pattern.compile(regex), item));
        });
        routes.sort(Comparator.comparingLong((Route r) -> r.template.chars().filter(c -> c == '{').count()));
        return routes;
    }

    private record Route(String template, Pattern pattern, JsonNode item) {
    }
}
