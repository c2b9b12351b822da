package kz.region715.dsr.breach;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the answers every conditional breach change shares (the operations that take the breach's If-Match):
 * the changed breach, and the 400/401/403/404/409/412/428 problems, all defined once in META-INF/openapi.yaml.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class BreachChangeResponses implements OASFilter {

    private static final String IF_MATCH = "#/components/parameters/BreachIfMatch";
    private static final Map<String, String> RESPONSES = Map.of(
            "200", "BreachChanged", "400", "BadRequest", "401", "Unauthorized", "403", "Forbidden",
            "404", "NotFound", "409", "BreachConflict", "412", "PreconditionFailed", "428", "PreconditionRequired");

    @Override
    public Operation filterOperation(Operation operation) {
        boolean conditional = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> IF_MATCH.equals(p.getRef()));
        if (conditional) {
            APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                    : operation.getResponses();
            RESPONSES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                    responses.addAPIResponse(e.getKey(), OASFactory.createAPIResponse().ref(e.getValue())));
            operation.setResponses(responses);
        }
        return operation;
    }
}
