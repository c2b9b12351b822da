package kz.region715.dsr.platform.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every protected endpoint refuses anonymous callers (401) and callers without
 * an allowed role (403), and lets the allowed roles through. The table below is
 * checked against the OpenAPI document, so a new endpoint cannot be left out.
 */
@QuarkusTest
class AccessMatrixTest {

    /** Local test users (application.properties, %test); "nobody" is authenticated but has no role. */
    private static final List<String> USERS = List.of("officer", "auditor", "admin", "ingest", "bot", "nobody");

    private record Endpoint(String method, String path, Set<String> allowed) {
        String key() {
            return method + " " + path;
        }
    }

    private static final List<Endpoint> PROTECTED = List.of(
            new Endpoint("GET", "/api/v1/admin/outbox", Set.of(Roles.ADMIN)),
            new Endpoint("POST", "/api/v1/admin/outbox/{id}/requeue", Set.of(Roles.ADMIN)),
            new Endpoint("GET", "/api/v1/cases", Set.of(Roles.OFFICER)),
            new Endpoint("GET", "/api/v1/cases/{id}", Set.of(Roles.OFFICER)),
            new Endpoint("POST", "/api/v1/cases/{id}/assignment", Set.of(Roles.OFFICER)),
            new Endpoint("POST", "/api/v1/cases/{id}/notes", Set.of(Roles.OFFICER)),
            new Endpoint("POST", "/api/v1/cases/{id}/questions", Set.of(Roles.OFFICER)),
            new Endpoint("POST", "/api/v1/cases/{id}/approval", Set.of(Roles.OFFICER)),
            new Endpoint("POST", "/api/v1/cases/{id}/rejection", Set.of(Roles.OFFICER)),
            new Endpoint("POST", "/api/v1/cases/{id}/extension", Set.of(Roles.OFFICER)),
            new Endpoint("POST", "/api/v1/cases/{id}/cancellation", Set.of(Roles.OFFICER)),
            new Endpoint("POST", "/api/v1/cases/{id}/jurisdiction", Set.of(Roles.OFFICER)),
            new Endpoint("GET", "/api/v1/reports/sla", Set.of(Roles.AUDITOR, Roles.OFFICER)),
            new Endpoint("GET", "/api/v1/cases/{id}/matches", Set.of(Roles.OFFICER)),
            new Endpoint("POST", "/api/v1/cases/{id}/matches/{leadId}/exclusion", Set.of(Roles.OFFICER)),
            new Endpoint("POST", "/api/v1/cases/{id}/phone-confirmation", Set.of(Roles.OFFICER)),
            new Endpoint("GET", "/api/v1/cases/{id}/execution", Set.of(Roles.OFFICER)),
            new Endpoint("GET", "/api/v1/cases/{id}/history", Set.of(Roles.OFFICER, Roles.AUDITOR)),
            new Endpoint("GET", "/api/v1/audit/events", Set.of(Roles.AUDITOR)),
            new Endpoint("GET", "/api/v1/audit/verification", Set.of(Roles.AUDITOR)),
            new Endpoint("GET", "/api/v1/audit/tree-head", Set.of(Roles.AUDITOR)),
            new Endpoint("GET", "/api/v1/reports/requests", Set.of(Roles.AUDITOR)),
            new Endpoint("POST", "/api/v1/cases/{id}/retry", Set.of(Roles.OFFICER)),
            new Endpoint("POST", "/api/v1/cases/{id}/restriction-lift", Set.of(Roles.OFFICER)),
            new Endpoint("POST", "/api/v1/bot/requests", Set.of(Roles.BOT)),
            new Endpoint("POST", "/api/v1/bot/requests/{id}/verification", Set.of(Roles.BOT)),
            new Endpoint("POST", "/api/v1/leads", Set.of(Roles.INGEST)),
            new Endpoint("POST", "/api/v1/leads/batch", Set.of(Roles.INGEST)),
            new Endpoint("GET", "/api/v1/leads", Set.of(Roles.OFFICER)),
            new Endpoint("GET", "/api/v1/leads/{id}", Set.of(Roles.OFFICER)),
            new Endpoint("POST", "/api/v1/leads/{id}/disclosures", Set.of(Roles.OFFICER)),
            new Endpoint("POST", "/api/v1/leads/{id}/legal-hold", Set.of(Roles.OFFICER)),
            new Endpoint("POST", "/api/v1/breaches", Set.of(Roles.OFFICER, Roles.ADMIN)),
            new Endpoint("GET", "/api/v1/breaches", Set.of(Roles.OFFICER, Roles.ADMIN, Roles.AUDITOR)),
            new Endpoint("GET", "/api/v1/breaches/export", Set.of(Roles.AUDITOR, Roles.ADMIN)),
            new Endpoint("GET", "/api/v1/breaches/{id}", Set.of(Roles.OFFICER, Roles.ADMIN, Roles.AUDITOR)),
            new Endpoint("GET", "/api/v1/breaches/{id}/history", Set.of(Roles.OFFICER, Roles.ADMIN, Roles.AUDITOR)),
            new Endpoint("GET", "/api/v1/breaches/{id}/authority-notice",
                    Set.of(Roles.OFFICER, Roles.ADMIN, Roles.AUDITOR)),
            new Endpoint("POST", "/api/v1/breaches/{id}/notes", Set.of(Roles.OFFICER, Roles.ADMIN)),
            new Endpoint("POST", "/api/v1/breaches/{id}/assessment", Set.of(Roles.OFFICER, Roles.ADMIN)),
            new Endpoint("POST", "/api/v1/breaches/{id}/not-notifiable", Set.of(Roles.OFFICER, Roles.ADMIN)),
            new Endpoint("POST", "/api/v1/breaches/{id}/authority-notification", Set.of(Roles.OFFICER, Roles.ADMIN)),
            new Endpoint("POST", "/api/v1/breaches/{id}/closure", Set.of(Roles.OFFICER, Roles.ADMIN)),
            new Endpoint("POST", "/api/v1/breaches/{id}/affected-set/preview", Set.of(Roles.OFFICER, Roles.ADMIN)),
            new Endpoint("POST", "/api/v1/breaches/{id}/affected-set", Set.of(Roles.OFFICER, Roles.ADMIN)),
            new Endpoint("POST", "/api/v1/breaches/{id}/subject-notices", Set.of(Roles.OFFICER, Roles.ADMIN)));

    /** Endpoints open to data subjects (they prove themselves with tokens from their e-mail). */
    private static final Set<String> PUBLIC = Set.of(
            "POST /api/v1/requests",
            "GET /api/v1/requests/{id}",
            "POST /api/v1/requests/{id}/verification",
            "POST /api/v1/requests/{id}/verification/resend",
            "POST /api/v1/requests/{id}/verification/telegram-login",
            "POST /api/v1/requests/{id}/messages",
            "POST /api/v1/requests/{id}/status-link",
            "GET /api/v1/requests/{id}/package");

    @Test
    void everyOperationInTheApiIsClassified() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        Set<String> secured = new TreeSet<>();
        Set<String> open = new TreeSet<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            String key = method.toUpperCase() + " " + path;
            // Every operation declares its security: a bearer requirement, or [] for a public one.
            assertThat(operation).as(key + " declares security").containsKey("security");
            if (((List<?>) operation.get("security")).isEmpty()) {
                open.add(key);
            } else {
                secured.add(key);
            }
        }));
        assertThat(secured).containsExactlyInAnyOrderElementsOf(PROTECTED.stream().map(Endpoint::key).toList());
        assertThat(open).containsExactlyInAnyOrderElementsOf(PUBLIC);
    }

    @Test
    void protectedEndpointsRefuseAnonymousCallersAndWrongRoles() {
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : PROTECTED) {
            expect(failures, endpoint, "anonymous", call(given(), endpoint), 401);
            for (String user : USERS) {
                Response response = call(given().auth().preemptive().basic(user, user), endpoint);
                if (endpoint.allowed().contains(user)) {
                    if (response.statusCode() == 401 || response.statusCode() == 403) {
                        failures.add(endpoint.key() + " as " + user + ": refused with " + response.statusCode());
                    }
                } else {
                    expect(failures, endpoint, user, response, 403);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void refusalsAreProblems() {
        given().get("/api/v1/admin/outbox").then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json");
        given().auth().preemptive().basic("officer", "officer").get("/api/v1/admin/outbox").then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth().preemptive().basic("admin", "wrong-password").get("/api/v1/admin/outbox").then()
                .statusCode(401);
    }

    private static void expect(List<String> failures, Endpoint endpoint, String who, Response response, int status) {
        if (response.statusCode() != status) {
            failures.add(endpoint.key() + " as " + who + ": expected " + status + " got " + response.statusCode());
        }
    }

    private static Response call(RequestSpecification request, Endpoint endpoint) {
        String path = endpoint.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        return request.contentType("application/json").body("{}").request(endpoint.method(), path);
    }
}
