package kz.region715.dsr.platform.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * As in production: health, metrics and the OpenAPI document only on the management port, none of them on the
 * public one; Swagger UI off unless configured.
 */
@QuarkusTest
@TestProfile(ManagementInterfaceTest.AsInProduction.class)
class ManagementInterfaceTest {

    static final int MANAGEMENT_PORT = 9011;

    public static class AsInProduction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.management.enabled", "true",
                    "quarkus.management.test-port", Integer.toString(MANAGEMENT_PORT),
                    "quarkus.swagger-ui.enabled", "false");
        }
    }

    private static String management(String path) {
        return "http://localhost:" + MANAGEMENT_PORT + path;
    }

    @Test
    void managementEndpointsAreNotOnThePublicPort() {
        for (String path : new String[] {"/q/metrics", "/q/health", "/q/health/ready", "/q/openapi", "/q/swagger-ui/"}) {
            given().get(path).then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .header("X-Content-Type-Options", "nosniff");
        }
    }

    @Test
    void managementPortServesHealthMetricsAndTheDocument() {
        given().get(management("/q/health/ready")).then().statusCode(200).body("status", equalTo("UP"));
        given().get(management("/q/health/live")).then().statusCode(200);
        given().get(management("/q/metrics")).then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().get(management("/q/openapi")).then().statusCode(200).body(containsString("/api/v1/requests"));
    }

    @Test
    void swaggerUiIsOffUnlessConfigured() {
        given().get(management("/q/swagger-ui/")).then().statusCode(404);
    }
}
