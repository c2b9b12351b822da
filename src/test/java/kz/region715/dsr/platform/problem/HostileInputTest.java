package kz.region715.dsr.platform.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.region715.dsr.request.SubjectRequestRepository;
import org.junit.jupiter.api.Test;

/** Nothing a client can send produces a 500 or changes anything; every refusal is a problem. */
@QuarkusTest
class HostileInputTest {

    @Inject
    SubjectRequestRepository requests;

    private static final List<String> BODIES = List.of(
            "", "null", "true", "0", "\"text\"", "[]", "[{}]", "{}", "{\"type\":null}",
            "{\"type\":\"ACCESS\",\"email\":null,\"name\":null}",
            "{\"type\":\"ACCESS\",\"email\":\"a@b.kz\",\"name\":\"x\",\"locale\":null,\"phone\":null}x",
            "{\"type\":\"ACCESS\",\"email\":\"a\\u0000@b.kz\",\"name\":\"\\u0000\"}",
            "{\"type\":\"ACCESS\",\"email\":\"" + "a".repeat(5000) + "@b.kz\",\"name\":\"x\"}",
            "{\"type\":\"CORRECTION\",\"email\":\"a@b.kz\",\"name\":\"x\",\"correction\":{\"changes\":[null]}}",
            "{\"type\":\"CORRECTION\",\"email\":\"a@b.kz\",\"name\":\"x\",\"correction\":{\"changes\":{}}}",
            "{\"type\":\"WITHDRAWAL\",\"email\":\"a@b.kz\",\"name\":\"x\",\"withdrawal\":{\"scope\":\"PURPOSES\",\"purposes\":[null]}}",
            "{\"type\":\"DELETION\",\"email\":\"a@b.kz\",\"name\":\"x\",\"deletion\":\"all\"}",
            "{\"type\":[\"ACCESS\"],\"email\":{\"$ne\":null}}",
            "{\"code\":123456}", "{\"token\":[]}", "{\"code\":\"1234567890\"}",
            "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
            "\uFEFF{\"type\":\"ACCESS\"}", "{'type':'ACCESS'}", "<xml/>",
            "{\"type\":\"ACCESS\",\"type\":\"DELETION\",\"email\":\"a@b.kz\",\"name\":\"x\"}");

    @Test
    void garbageBodiesNeverCauseServerErrors() {
        long before = QuarkusTransaction.requiringNew().call(() -> requests.count());
        String id = UUID.randomUUID().toString();
        List<String> failures = new ArrayList<>();
        for (String body : BODIES) {
            for (String path : List.of("/api/v1/requests", "/api/v1/requests/" + id + "/verification")) {
                Response response = given().contentType("application/json").body(body).post(path);
                if (response.statusCode() >= 500 || !response.contentType().startsWith("application/problem+json")) {
                    failures.add(path + " " + body.substring(0, Math.min(60, body.length())) + " -> "
                            + response.statusCode() + " " + response.contentType());
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> requests.count())).isEqualTo(before);
    }

    @Test
    void garbageToProtectedEndpointsNeverCausesServerErrors() {
        String id = UUID.randomUUID().toString();
        Map<String, String> asUser = new HashMap<>(Map.of(
                "/api/v1/leads", "ingest", "/api/v1/leads/batch", "ingest",
                "/api/v1/leads/" + id + "/disclosures", "officer", "/api/v1/leads/" + id + "/legal-hold", "officer",
                "/api/v1/cases/" + id + "/notes", "officer", "/api/v1/cases/" + id + "/rejection", "officer",
                "/api/v1/cases/" + id + "/extension", "officer", "/api/v1/cases/" + id + "/jurisdiction", "officer",
                "/api/v1/cases/" + id + "/matches/" + id + "/exclusion", "officer"));
        asUser.putAll(Map.of("/api/v1/cases/" + id + "/approval", "officer",
                "/api/v1/cases/" + id + "/restriction-lift", "officer", "/api/v1/cases/" + id + "/retry", "officer"));
        List<String> failures = new ArrayList<>();
        for (String body : BODIES) {
            asUser.forEach((path, user) -> {
                Response response = given().auth().preemptive().basic(user, user).header("If-Match", "\"1\"")
                        .contentType("application/json").body(body).post(path);
                if (response.statusCode() >= 500 || !response.contentType().startsWith("application/problem+json")) {
                    failures.add(path + " " + body.substring(0, Math.min(60, body.length())) + " -> "
                            + response.statusCode());
                }
            });
        }
        for (String query : List.of("limit=-1", "limit=abc", "status=%00", "cursor=%25%25%25", "dueBefore=1e9",
                "overdue=yes", "receivedFrom=" + "9".repeat(40), "email=" + "a".repeat(300))) {
            for (String path : List.of("/api/v1/cases", "/api/v1/leads", "/api/v1/reports/sla")) {
                Response response = given().auth().preemptive().basic("officer", "officer")
                        .urlEncodingEnabled(false).get(path + "?" + query);
                if (response.statusCode() >= 500) {
                    failures.add(path + "?" + query + " -> " + response.statusCode());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void oddPathsHeadersAndMediaTypesAreRefusedCleanly() {
        List<Response> responses = List.of(
                given().get("/api/v1/requests/" + "%00"),
                given().get("/api/v1/requests/../../etc/passwd"),
                given().get("/api/v1/requests/" + "9".repeat(300)),
                given().header("X-Request-Token", "t".repeat(500)).get("/api/v1/requests/" + UUID.randomUUID()),
                given().header("Idempotency-Key", "k".repeat(300)).contentType("application/json").body("{}")
                        .post("/api/v1/requests"),
                given().contentType("application/x-www-form-urlencoded").formParam("type", "ACCESS")
                        .post("/api/v1/requests"),
                given().contentType("application/json").accept("application/xml").body("{}").post("/api/v1/requests"),
                given().contentType("application/json; charset=UTF-16").body("{}").post("/api/v1/requests"),
                given().put("/api/v1/requests/" + UUID.randomUUID()),
                given().post("/api/v1/requests/" + UUID.randomUUID() + "/verification"),
                given().get("/api/v1/requests/" + UUID.randomUUID() + "/package?token=" + "t".repeat(500)),
                given().get("/api/v1/requests/" + UUID.randomUUID() + "/package?token=x&format=xml"),
                given().accept("text/html").get("/api/v1/requests/" + UUID.randomUUID() + "/package?token=x&lang=zz"),
                given().get("/api/v1/requests/not-a-uuid/package?token=x"),
                given().accept("text/html").get("/api/v1/requests/" + UUID.randomUUID() + "/package"));
        for (Response response : responses) {
            assertThat(response.statusCode()).isBetween(400, 499);
        }
    }
}
