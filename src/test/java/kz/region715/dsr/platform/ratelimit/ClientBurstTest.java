package kz.region715.dsr.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.region715.dsr.support.Burst;
import kz.region715.dsr.support.TwoConnections;
import org.junit.jupiter.api.Test;

/**
 * A burst from one client address, twice its limit at once and through a pool of two connections: exactly the
 * limit is let through, the rest is refused with 429 and Retry-After; once refused, the address is refused by
 * this replica's pre-check without the database (even with no connection to be had).
 */
@QuarkusTest
@TestProfile(TwoConnections.class)
class ClientBurstTest {

    private static final int LIMIT = TwoConnections.CLIENT_LIMIT;

    @TestHTTPResource("/api/v1/requests/")
    URI requests;
    @Inject
    AgroalDataSource dataSource;

    private HttpRequest unknownRequest(String client) {
        return HttpRequest.newBuilder(requests.resolve(UUID.randomUUID().toString()))
                .header("X-Forwarded-For", client).GET().build();
    }

    @Test
    void aBurstOverTheLimitGetsExactlyTheLimitAndThenRefusalsThatNeedNoDatabase() throws Exception {
        String client = Burst.newClientAddress();
        List<HttpResponse<String>> answers = Burst.atOnce(2 * LIMIT, i -> unknownRequest(client));

        assertThat(answers).extracting(HttpResponse::statusCode).as("let through: unknown request, 404")
                .filteredOn(status -> status == 404).hasSize(LIMIT);
        List<HttpResponse<String>> refused = answers.stream().filter(answer -> answer.statusCode() == 429).toList();
        assertThat(refused).hasSize(LIMIT);
        for (HttpResponse<String> answer : refused) {
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(answer.body()).contains("\"type\":\"https://dsr.region715.kz/problems/rate-limited\"");
            assertThat(answer.headers().firstValue("Retry-After").map(Long::parseLong)).hasValueSatisfying(
                    seconds -> assertThat(seconds).isBetween(1L, 60L));
        }

        try (AutoCloseable held = holdEveryConnection(); HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> again = http.send(unknownRequest(client), HttpResponse.BodyHandlers.ofString());
            assertThat(again.statusCode()).as("refused here, not 503 for want of a connection").isEqualTo(429);
            assertThat(again.headers().firstValue("Retry-After")).isPresent();
        }
    }

    /** Takes both connections of the pool: any call that needs the database then waits, and answers 503. */
    private AutoCloseable holdEveryConnection() throws Exception {
        List<Connection> held = new ArrayList<>();
        AutoCloseable release = () -> {
            for (Connection connection : held) {
                connection.close();
            }
        };
        try {
            for (int i = 0; i < 2; i++) {
                held.add(dataSource.getConnection());
            }
        } catch (Exception e) {
            release.close();
            throw e;
        }
        return release;
    }
}
