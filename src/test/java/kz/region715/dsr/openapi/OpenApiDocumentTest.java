package kz.region715.dsr.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed openapi/openapi.yaml is what the service serves. */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Path COMMITTED = Path.of("openapi", "openapi.yaml");
    private static final Path SERVED_COPY = Path.of("target", "openapi.yaml");

    @Test
    void committedDocumentMatchesTheServedOne() throws Exception {
        String served = given().get("/q/openapi?format=yaml").then().statusCode(200).extract().asString();
        Files.createDirectories(SERVED_COPY.getParent());
        Files.writeString(SERVED_COPY, served, StandardCharsets.UTF_8);
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        assertThat(committed)
                .as("openapi/openapi.yaml is out of date: the served document was written to target/openapi.yaml;"
                        + " review it and copy it to openapi/openapi.yaml")
                .isEqualTo(served);
    }

    @Test
    void everyOperationHasASummaryAnExampleAndErrorResponses() {
        var doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        java.util.Map<String, java.util.Map<String, java.util.Map<String, Object>>> paths = doc.getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            assertThat(operation.get("summary")).as(method + " " + path + " summary").isNotNull();
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> responses = (java.util.Map<String, Object>) operation.get("responses");
            assertThat(responses.keySet()).as(method + " " + path + " documents an error")
                    .anyMatch(code -> code.startsWith("4"));
            String success = responses.keySet().stream().filter(code -> code.startsWith("2")).findFirst().orElseThrow();
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> answer = (java.util.Map<String, Object>) responses.get(success);
            Object shared = answer.get("$ref");
            String documented = shared == null ? String.valueOf(answer)
                    : String.valueOf(doc.getMap("components.responses." + shared.toString().substring(
                            "#/components/responses/".length())));
            assertThat(documented).as(method + " " + path + " shows an example answer").containsPattern("examples?=");
        }));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
