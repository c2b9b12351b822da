package kz.region715.dsr.platform.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every answer names its trace id: the caller's traceparent's, or a new one. */
@QuarkusTest
class TraceIdsTest {

    @Test
    void theTraceIdOfAValidTraceparentIsKept() {
        assertThat(TraceIds.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void anInvalidOrMissingTraceparentGetsANewRandomId() {
        String fresh = TraceIds.of(null);
        assertThat(fresh).matches("[0-9a-f]{32}").isNotEqualTo(TraceIds.of(null));
        assertThat(TraceIds.of("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).matches("[0-9a-f]{32}")
                .isNotEqualTo("00000000000000000000000000000000");
        assertThat(TraceIds.of("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"))
                .isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(TraceIds.of("aigerim@example.kz")).matches("[0-9a-f]{32}");
    }

    @Test
    void everyAnswerCarriesItsTraceIdEvenARefusal() {
        given().header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .get("/api/v1/requests/{id}", UUID.randomUUID()).then().statusCode(404)
                .header(TraceIds.HEADER, equalTo("4bf92f3577b34da6a3ce929d0e0e4736"));
        given().get("/api/v1/requests/{id}", UUID.randomUUID()).then().statusCode(404)
                .header(TraceIds.HEADER, matchesPattern("[0-9a-f]{32}"));
        given().header("Origin", "https://evil.example").contentType("application/json").body("{}")
                .post("/api/v1/requests").then().statusCode(403)
                .header(TraceIds.HEADER, matchesPattern("[0-9a-f]{32}"));
    }
}
