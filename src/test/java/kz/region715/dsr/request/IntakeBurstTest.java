package kz.region715.dsr.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.region715.dsr.support.Burst;
import kz.region715.dsr.support.Subjects;
import kz.region715.dsr.support.TwoConnections;
import org.junit.jupiter.api.Test;

/**
 * More public calls at once than the pool has connections (issue #24): none of them holds a connection while it
 * waits for another, so all are answered. Before, each filing held one (the Idempotency-Key look-up) and waited
 * for a second (the e-mail address's bucket on PostgreSQL), and a burst of filings answered 503 after the pool's
 * acquisition timeout.
 */
@QuarkusTest
@TestProfile(TwoConnections.class)
class IntakeBurstTest {

    static final int AT_ONCE = 8;

    @TestHTTPResource("/api/v1/requests")
    URI requests;
    @Inject
    Subjects subjects;

    @Test
    void eightFilingsAtOnceThroughTwoConnectionsAreAllFiled() throws Exception {
        String client = Burst.newClientAddress();
        List<HttpResponse<String>> answers = Burst.atOnce(AT_ONCE, i -> HttpRequest.newBuilder(requests)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"type": "ACCESS", "email": "%s", "name": "Aigerim Serikova", "locale": "en"}"""
                        .formatted(Subjects.newEmail()))).build());

        assertThat(answers).extracting(HttpResponse::statusCode).as("%s", answers.stream().map(HttpResponse::body)
                .toList()).containsOnly(202);
        assertThat(answers).extracting(answer -> answer.body().contains("PENDING_VERIFICATION")).containsOnly(true);
    }

    @Test
    void eightStatusLinksAtOnceThroughTwoConnectionsAreAllSent() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < AT_ONCE; i++) {
            String email = Subjects.newEmail();
            ids.add(subjects.fileAndVerify(Subjects.access(email), email).id());
        }
        String client = Burst.newClientAddress();
        List<HttpResponse<String>> answers = Burst.atOnce(AT_ONCE, i -> HttpRequest.newBuilder(
                requests.resolve("/api/v1/requests/" + ids.get(i) + "/status-link"))
                .header("X-Forwarded-For", client).POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(answers).extracting(HttpResponse::statusCode).as("%s", answers.stream().map(HttpResponse::body)
                .toList()).containsOnly(202);
    }
}
