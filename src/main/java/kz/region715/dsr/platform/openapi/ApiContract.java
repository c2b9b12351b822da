package kz.region715.dsr.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What generated clients rely on, applied to the whole document once it is built.
 * <ul>
 * <li>Every operation names itself (an operationId from its {@code @Operation}); a missing one fails the build.</li>
 * <li>An operation that needs no bearer token says so with {@code security: []}.</li>
 * <li>Every operation declares the refusals the HTTP edge can answer for any endpoint (foreign origin, body
 * too large or not JSON, address too long, unacceptable {@code Accept}, database outage with
 * {@code Retry-After}, unexpected error), each defined once in {@code META-INF/openapi.yaml}.</li>
 * <li>Java value types that SmallRye names as components ({@code UUID}, {@code Instant}, {@code LocalDate},
 * {@code Duration}) are written inline as the strings they are, a {@code $ref} has no {@code type} beside
 * it, and a nullable member is either {@code type: [T, "null"]} or {@code anyOf: [{$ref}, {type: "null"}]}.</li>
 * </ul>
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = ApiContract.LAST)
public class ApiContract implements OASFilter {

    /** Runs after the other filters (higher priorities run first), so it sees every operation's answers. */
    static final int LAST = -1000;
    private static final String SCHEMAS = "#/components/schemas/";
    private static final Map<String, String> INLINE_FORMATS = Map.of(
            SCHEMAS + "UUID", "uuid", SCHEMAS + "Instant", "date-time", SCHEMAS + "LocalDate", "date",
            SCHEMAS + "Duration", "duration");
    /** Components no schema refers to once value types are inline (JsonNode's came from untyped details). */
    private static final Set<String> UNUSED = Set.of("UUID", "Instant", "LocalDate", "Duration", "JsonNode",
            "JsonNodeType");

    @Override
    public Schema filterSchema(Schema schema) {
        inline(schema);
        List<Schema> anyOf = schema.getAnyOf();
        if (anyOf != null) {
            anyOf.forEach(ApiContract::inline);
            Schema nonNull = anyOf.size() == 2 ? anyOf.stream().filter(s -> !isNull(s)).findFirst().orElse(null)
                    : null;
            if (nonNull != null && anyOf.stream().anyMatch(ApiContract::isNull)) {
                if (nonNull.getRef() == null) {
                    // anyOf [string (uuid), null] is just a nullable string of that format
                    schema.setAnyOf(null);
                    List<SchemaType> types = new ArrayList<>(nonNull.getType());
                    types.add(SchemaType.NULL);
                    schema.setType(types);
                    schema.setFormat(nonNull.getFormat());
                } else {
                    schema.setType(null); // the $ref carries the type
                }
            }
        }
        if (schema.getRef() != null && schema.getType() != null) {
            schema.setType(null);
        }
        return schema;
    }

    private static void inline(Schema schema) {
        String format = schema.getRef() == null ? null : INLINE_FORMATS.get(schema.getRef());
        if (format != null) {
            schema.setRef(null);
            schema.setType(List.of(SchemaType.STRING));
            schema.setFormat(format);
        }
    }

    private static boolean isNull(Schema schema) {
        return schema.getRef() == null && schema.getType() != null && schema.getType().equals(List.of(SchemaType.NULL));
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            Map<String, Schema> schemas = new TreeMap<>(openAPI.getComponents().getSchemas());
            UNUSED.forEach(schemas::remove);
            openAPI.getComponents().setSchemas(schemas);
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        List<String> unnamed = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                Operation operation = op.getValue();
                if (operation.getOperationId() == null || operation.getOperationId().isBlank()) {
                    unnamed.add(op.getKey() + " " + path.getKey());
                }
                if (operation.getSecurity() == null) {
                    operation.setSecurity(new ArrayList<>());
                }
                declareEdgeRefusals(operation);
            }
        }
        if (!unnamed.isEmpty()) {
            throw new IllegalStateException("Operations without an operationId in their @Operation: " + unnamed);
        }
    }

    /** The answers the HTTP edge gives before (or instead of) the endpoint, where the operation names none. */
    private static void declareEdgeRefusals(Operation operation) {
        boolean secured = !operation.getSecurity().isEmpty();
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        Map<String, String> edge = new LinkedHashMap<>();
        if (hasBody || hasParameters) {
            edge.put("400", "BadRequest");
        }
        edge.put("403", secured ? "Forbidden" : "ForeignOrigin");
        edge.put("406", "NotAcceptable");
        if (hasBody) {
            edge.put("413", "PayloadTooLarge");
            edge.put("415", "UnsupportedMediaType");
        }
        edge.put("414", "UriTooLong");
        edge.put("500", "InternalError");
        edge.put("503", "ServiceUnavailable");
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        edge.forEach((code, ref) -> {
            if (!responses.hasAPIResponse(code)) {
                responses.addAPIResponse(code, OASFactory.createAPIResponse().ref(ref));
            }
        });
        // Answers in the order of their status codes, whichever filter added them.
        Map<String, org.eclipse.microprofile.openapi.models.responses.APIResponse> sorted =
                new TreeMap<>(responses.getAPIResponses());
        responses.setAPIResponses(sorted);
        operation.setResponses(responses);
    }
}
