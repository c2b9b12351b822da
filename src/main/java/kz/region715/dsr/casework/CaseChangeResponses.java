package kz.region715.dsr.casework;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import kz.region715.dsr.platform.openapi.ConditionalChangeResponses;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Documents the answers every conditional case change shares (the operations that take If-Match): the changed
 * case, and the 400/401/403/404/409/412/428 problems, all defined once in META-INF/openapi.yaml.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class CaseChangeResponses implements OASFilter {

    private static final ConditionalChangeResponses RESPONSES =
            new ConditionalChangeResponses("IfMatch", "CaseChanged", "CaseConflict");

    @Override
    public Operation filterOperation(Operation operation) {
        return RESPONSES.filterOperation(operation);
    }
}
