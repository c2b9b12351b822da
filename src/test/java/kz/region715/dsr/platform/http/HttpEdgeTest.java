package kz.region715.dsr.platform.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import kz.region715.dsr.request.SubjectRequestRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Regression tests of the refusals made before any endpoint, one for each kind the hostile suite found. */
@QuarkusTest
class HttpEdgeTest {

    @Inject
    SubjectRequestRepository requests;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private static final String ACCESS = "{\"type\":\"ACCESS\",\"email\":\"edge@example.kz\",\"name\":\"Edge\"}";

    private long requestCount() {
        return QuarkusTransaction.requiringNew().call(() -> requests.count());
    }

    @Test
    void aForeignOriginGetsAProblemWithTheSecurityHeaders() {
        long before = requestCount();
        given().header("Origin", "https://evil.example").contentType("application/json").body(ACCESS)
                .post("/api/v1/requests").then()
                .statusCode(403)
                .contentType("application/problem+json")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .body("type", equalTo("https://dsr.region715.kz/problems/origin-not-allowed"));
        assertThat(requestCount()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedOnTheStream() throws Exception {
        long before = requestCount();
        String name = "x".repeat(600 * 1024);
        byte[] body = ("{\"type\":\"ACCESS\",\"email\":\"chunked@example.kz\",\"name\":\"" + name + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/requests"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))) // no length
                .build();
        HttpResponse<String> response = client().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("payload-too-large");
        assertThat(requestCount()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyWithinTheLimitIsRead() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/requests"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> (InputStream) new ByteArrayInputStream(ACCESS.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> response = client().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
    }

    /** A client that would upgrade to HTTP/2 if the service offered it: the service speaks HTTP/1.1 only. */
    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    }

    @Test
    void anUndecodablePathIsAProblem() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /api/v1/requests/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json")
                    .containsIgnoringCase("X-Content-Type-Options: nosniff").contains("\"status\":400");
        }
        given().urlEncodingEnabled(false).get("/api/v1/requests/" + "a".repeat(9000)).then()
                .statusCode(414)
                .contentType("application/problem+json");
    }

    @Test
    void theInstanceIsTheEndpointTemplateNeverThePathAsSent() {
        given().urlEncodingEnabled(false).get("/api/v1/requests/aigerim%40example.kz").then()
                .statusCode(404)
                .body("instance", equalTo("/api/v1/requests/{id}"));
        given().urlEncodingEnabled(false).get("/api/v1/no-such/aigerim%40example.kz").then()
                .statusCode(404)
                .body("instance", nullValue());
        given().get("/api/v1/requests/" + UUID.randomUUID()).then()
                .statusCode(404)
                .body("instance", equalTo("/api/v1/requests/{id}"));
        Response refused = given().get("/api/v1/cases/" + UUID.randomUUID());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.jsonPath().getString("instance")).isEqualTo("/api/v1/cases/{id}");
    }

    @Test
    void aBodyMustBeDeclaredJson() {
        long before = requestCount();
        for (String type : new String[] {"*/*", "text/plain", "application/json; charset=UTF-16"}) {
            given().contentType(type).body(ACCESS.getBytes(StandardCharsets.UTF_8)).post("/api/v1/requests").then()
                    .statusCode(415).contentType("application/problem+json");
        }
        given().noContentType().body(ACCESS.getBytes(StandardCharsets.UTF_8)).post("/api/v1/requests").then()
                .statusCode(415).contentType("application/problem+json");
        assertThat(requestCount()).isEqualTo(before);
    }

    @Test
    void anEmptyIdempotencyKeyIsRefused() {
        long before = requestCount();
        given().header("Idempotency-Key", "").contentType("application/json").body(ACCESS).post("/api/v1/requests")
                .then().statusCode(400).body("errors.field", hasItem("idempotencyKey"));
        assertThat(requestCount()).isEqualTo(before);
    }

    @Test
    void metricsLabelRefusedCallsByTemplateOnly() {
        String id = UUID.randomUUID().toString();
        given().post("/api/v1/admin/outbox/" + id + "/requeue").then().statusCode(401);
        given().urlEncodingEnabled(false).get("/api/v1/nothing/aigerim%40example.kz").then().statusCode(404);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).doesNotContain(id).doesNotContain("aigerim").contains("http_server_requests");
    }

    @Test
    void strictTypesChangeNothing() {
        long before = requestCount();
        for (String body : new String[] {
                "{\"type\":\"ACCESS\",\"email\":\"t@example.kz\",\"name\":12345}",
                "{\"type\":\"ACCESS\",\"email\":\"t@example.kz\",\"name\":true}",
                "{\"type\":\"ACCESS\",\"email\":\"t@example.kz\",\"name\":1e999}",
                "{\"type\":\" ACCESS \",\"email\":\"t@example.kz\",\"name\":\"T\"}",
                "{\"type\":-0,\"email\":\"t@example.kz\",\"name\":\"T\"}",
                "{\"type\":\"access\",\"email\":\"t@example.kz\",\"name\":\"T\"}",
                "{\"type\":\"ACCESS\",\"email\":\"t@example.kz\",\"name\":\"\\u00a0\\u2003\\u3000\"}",
                "{\"type\":\"ACCESS\",\"email\":\"t@example.kz\",\"name\":\"a\\u0000b\"}"}) {
            given().contentType("application/json").body(body).post("/api/v1/requests").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", not(hasItem("body")));
        }
        assertThat(requestCount()).isEqualTo(before);
    }
}
