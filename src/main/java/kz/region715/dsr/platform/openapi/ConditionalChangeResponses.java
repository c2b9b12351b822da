package kz.region715.dsr.platform.openapi;

import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the answers every conditional change of one kind of resource shares (the operations that take its
 * If-Match parameter): the changed resource, its conflict, and the 400/401/403/404/412/428 problems, all defined once
 * in META-INF/openapi.yaml. They replace the generic answers generated from the method signature and
 * {@code @RolesAllowed}. Each capability's filter (annotated {@code @OpenApiFilter}, which Quarkus finds only on a
 * class that implements {@link OASFilter} itself) hands its operations to one of these.
 */
public final class ConditionalChangeResponses implements OASFilter {

    private final String ifMatch;
    private final Map<String, String> responses = new TreeMap<>();

    /**
     * @param ifMatchParameter the component parameter the operations take, such as {@code IfMatch}
     * @param changed          the component response of a change that succeeded (200)
     * @param conflict         the component response of its 409
     */
    public ConditionalChangeResponses(String ifMatchParameter, String changed, String conflict) {
        this.ifMatch = "#/components/parameters/" + ifMatchParameter;
        responses.putAll(Map.of("200", changed, "400", "BadRequest", "401", "Unauthorized", "403", "Forbidden",
                "404", "NotFound", "409", conflict, "412", "PreconditionFailed", "428", "PreconditionRequired"));
    }

    @Override
    public Operation filterOperation(Operation operation) {
        boolean conditional = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> ifMatch.equals(p.getRef()));
        if (conditional) {
            APIResponses answers = operation.getResponses() == null ? OASFactory.createAPIResponses()
                    : operation.getResponses();
            responses.forEach((status, ref) -> answers.addAPIResponse(status,
                    OASFactory.createAPIResponse().ref(ref)));
            operation.setResponses(answers);
        }
        return operation;
    }
}
