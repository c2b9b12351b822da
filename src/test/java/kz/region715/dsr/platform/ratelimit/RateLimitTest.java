package kz.region715.dsr.platform.ratelimit;

import static io.restassured.RestAssured.given;
import static kz.region715.dsr.support.Subjects.access;
import static kz.region715.dsr.support.Subjects.newEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(RateLimitTest.SmallLimits.class)
class RateLimitTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "dsr.rate-limit.per-client.requests", "5",
                    "dsr.rate-limit.per-email.requests", "2",
                    // Each test plays its own clients, told apart by X-Forwarded-For as behind the ingress.
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true");
        }
    }

    private static String newClient() {
        UUID random = UUID.randomUUID();
        return "10.%d.%d.%d".formatted(random.hashCode() & 0xff, (random.hashCode() >> 8) & 0xff,
                (random.hashCode() >> 16) & 0xff);
    }

    @Test
    void aClientOverItsLimitGets429WithRetryAfter() {
        String client = newClient();
        String unknown = UUID.randomUUID().toString();
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", client).get("/api/v1/requests/{id}", unknown).then().statusCode(404);
        }
        String retryAfter = given().header("X-Forwarded-For", client).get("/api/v1/requests/{id}", unknown).then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("https://dsr.region715.kz/problems/rate-limited"))
                .extract().header("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 60L);
        // Verification attempts count against the same client limit.
        given().header("X-Forwarded-For", client).contentType(ContentType.JSON).body(Map.of("code", "123456"))
                .post("/api/v1/requests/{id}/verification", unknown).then().statusCode(429);

        given().header("X-Forwarded-For", newClient()).get("/api/v1/requests/{id}", unknown).then().statusCode(404);
    }

    @Test
    void filingsForOneAddressAreLimitedWhicheverClientSendsThem() {
        String email = newEmail();
        given().header("X-Forwarded-For", newClient()).contentType(ContentType.JSON).body(access(email))
                .post("/api/v1/requests").then().statusCode(202);
        given().header("X-Forwarded-For", newClient()).contentType(ContentType.JSON)
                .body(access(email.toUpperCase())).post("/api/v1/requests").then().statusCode(202);
        given().header("X-Forwarded-For", newClient()).contentType(ContentType.JSON).body(access(email))
                .post("/api/v1/requests").then()
                .statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("type", equalTo("https://dsr.region715.kz/problems/rate-limited"));

        given().header("X-Forwarded-For", newClient()).contentType(ContentType.JSON).body(access(newEmail()))
                .post("/api/v1/requests").then().statusCode(202);
    }
}
