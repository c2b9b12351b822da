package kz.region715.dsr.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.junit.jupiter.api.Test;

class ApiContractTest {

    @Test
    void anOperationWithoutSecurityIsDeclaredPublicAndASecuredOneKeepsItsRequirement() {
        Operation open = OASFactory.createOperation().operationId("fileRequest");
        Operation secured = OASFactory.createOperation().operationId("listCases")
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer", "officer"));
        OpenAPI doc = document(open, secured);

        new ApiContract().filterOpenAPI(doc);

        assertThat(open.getSecurity()).isNotNull().isEmpty();
        assertThat(secured.getSecurity()).hasSize(1);
        assertThat(secured.getSecurity().getFirst().getScheme("bearer")).isEqualTo(List.of("officer"));
    }

    @Test
    void anOperationWithoutAnOperationIdFailsTheBuild() {
        OpenAPI doc = document(OASFactory.createOperation().operationId("getCase"), OASFactory.createOperation());

        assertThatThrownBy(() -> new ApiContract().filterOpenAPI(doc))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("POST /api/v1/second");
    }

    @Test
    void javaValueTypesAreWrittenInlineAndANullableOneKeepsItsFormat() {
        Schema uuid = OASFactory.createSchema().ref("#/components/schemas/UUID");
        Schema nullableInstant = OASFactory.createSchema().type(List.of(SchemaType.STRING, SchemaType.NULL))
                .anyOf(List.of(OASFactory.createSchema().ref("#/components/schemas/Instant"),
                        OASFactory.createSchema().type(List.of(SchemaType.NULL))));
        ApiContract contract = new ApiContract();

        contract.filterSchema(uuid);
        contract.filterSchema(nullableInstant);

        assertThat(uuid.getRef()).isNull();
        assertThat(uuid.getType()).containsExactly(SchemaType.STRING);
        assertThat(uuid.getFormat()).isEqualTo("uuid");
        assertThat(nullableInstant.getAnyOf()).isNull();
        assertThat(nullableInstant.getType()).containsExactly(SchemaType.STRING, SchemaType.NULL);
        assertThat(nullableInstant.getFormat()).isEqualTo("date-time");
    }

    @Test
    void aNullableReferenceKeepsItsAnyOfWithoutATypeBesideIt() {
        Schema nullableBreak = OASFactory.createSchema().type(List.of(SchemaType.OBJECT, SchemaType.NULL))
                .anyOf(List.of(OASFactory.createSchema().ref("#/components/schemas/ChainBreak"),
                        OASFactory.createSchema().type(List.of(SchemaType.NULL))));
        Schema typedRef = OASFactory.createSchema().ref("#/components/schemas/RequestStatus")
                .type(List.of(SchemaType.STRING));

        new ApiContract().filterSchema(nullableBreak);
        new ApiContract().filterSchema(typedRef);

        assertThat(nullableBreak.getType()).isNull();
        assertThat(nullableBreak.getAnyOf()).hasSize(2);
        assertThat(typedRef.getType()).isNull();
        assertThat(typedRef.getRef()).isEqualTo("#/components/schemas/RequestStatus");
    }

    @Test
    void everyOperationDeclaresTheRefusalsOfTheHttpEdgeAndKeepsItsOwn() {
        Operation read = OASFactory.createOperation().operationId("getCase")
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer", "officer"))
                .responses(OASFactory.createAPIResponses().addAPIResponse("404",
                        OASFactory.createAPIResponse().description("No such case")));
        Operation file = OASFactory.createOperation().operationId("fileRequest")
                .requestBody(OASFactory.createRequestBody());
        OpenAPI doc = document(read, file);

        new ApiContract().filterOpenAPI(doc);

        assertThat(read.getResponses().getAPIResponses().keySet())
                .containsExactly("403", "404", "406", "414", "500", "503");
        assertThat(read.getResponses().getAPIResponse("404").getDescription()).isEqualTo("No such case");
        assertThat(read.getResponses().getAPIResponse("403").getRef()).endsWith("/Forbidden");
        assertThat(file.getResponses().getAPIResponses().keySet())
                .containsExactly("400", "403", "406", "413", "414", "415", "500", "503");
        assertThat(file.getResponses().getAPIResponse("403").getRef()).endsWith("/ForeignOrigin");
        assertThat(file.getResponses().getAPIResponse("503").getRef()).endsWith("/ServiceUnavailable");
    }

    private static OpenAPI document(Operation first, Operation second) {
        return OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/v1/first", OASFactory.createPathItem().GET(first))
                .addPathItem("/api/v1/second", OASFactory.createPathItem().POST(second)));
    }
}
