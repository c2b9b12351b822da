package kz.region715.dsr.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hostile suite's checks catch what they are meant to catch (so that a green suite means something). */
class AnswerChecksTest {

    private static final Set<String> TEMPLATES = Set.of("/api/v1/cases/{id}", "/api/v1/requests");
    private static final String ID = "0e0e8750-c3d0-440f-8a2c-4e678eb91305";

    private static HttpCall call() {
        return new HttpCall("GET /api/v1/cases/{id}", "/api/v1/cases/{id}", "officer", "GET", "/api/v1/cases/" + ID);
    }

    private static HttpCall.Answer answer(int status, String type, String body) {
        return new HttpCall.Answer(status, Map.of("content-type", type), body, null);
    }

    private static List<String> check(HttpCall call, HttpCall.Answer answer) {
        return AnswerChecks.check(call, answer, TEMPLATES, List.of("Qwertyzhan"));
    }

    @Test
    void aCleanRefusalPasses() {
        assertThat(check(call(), answer(404, "application/problem+json",
                "{\"type\":\"https://x/problems/not-found\",\"title\":\"Not found\",\"status\":404,"
                        + "\"instance\":\"/api/v1/cases/{id}\"}"))).isEmpty();
        assertThat(check(call(), answer(200, "application/json", "{}"))).isEmpty();
    }

    @Test
    void serverErrorsHangsAndBareRefusalsFail() {
        assertThat(check(call(), answer(500, "application/problem+json",
                "{\"type\":\"t\",\"title\":\"t\",\"status\":500}"))).containsExactly("server error 500");
        assertThat(check(call(), answer(400, "", ""))).containsExactly("bare 400 without body (not problem+json)");
        assertThat(check(call(), answer(404, "text/html", "<p>no</p>")))
                .containsExactly("404 not application/problem+json (text/html)");
        assertThat(check(call(), new HttpCall.Answer(0, Map.of(), "", "no answer within 10 s (hang)")))
                .containsExactly("no answer within 10 s (hang)");
        assertThat(check(call(), new HttpCall.Answer(0, Map.of(), "", null)))
                .containsExactly("connection closed without an answer");
    }

    @Test
    void incompleteOrEchoingProblemsFail() {
        assertThat(check(call(), answer(400, "application/problem+json", "{\"title\":\"t\",\"status\":404}")))
                .containsExactly("problem without type", "problem status differs from HTTP status");
        assertThat(check(call(), answer(404, "application/problem+json",
                "{\"type\":\"t\",\"title\":\"t\",\"status\":404,\"instance\":\"/api/v1/cases/" + ID + "\"}")))
                .containsExactly("problem instance echoes the raw input");
        HttpCall hostile = call();
        hostile.target = "/api/v1/cases/%00";
        hostile.rawValues.add("%00");
        assertThat(check(hostile, answer(404, "application/problem+json",
                "{\"type\":\"t\",\"title\":\"t\",\"status\":404,\"instance\":\"/api/v1/cases/\\u0000\"}")))
                .containsExactly("problem instance echoes the raw input");
        assertThat(check(call(), answer(404, "application/problem+json",
                "{\"type\":\"t\",\"title\":\"t\",\"status\":404,\"detail\":\"no Qwertyzhan here\"}")))
                .containsExactly("error body contains personal data");
    }

    @Test
    void acceptedHostileInputAndWrongStatusFail() {
        HttpCall hostile = call().mustRefuse();
        hostile.expectedStatus = 413;
        assertThat(check(hostile, answer(201, "application/json", "{}")))
                .containsExactly("expected 413, got 201", "hostile input accepted (201)");
    }

    @Test
    void databaseChangesAreFoundAndOnlyTheDocumentedOnesAllowed() {
        Map<String, DatabaseFingerprint.Table> before = new LinkedHashMap<>();
        before.put("lead", new DatabaseFingerprint.Table("lead", List.of("id", "name"),
                Map.of("1", new DatabaseFingerprint.Row("1", new long[] {1, 2}, null))));
        before.put("verification_challenge", new DatabaseFingerprint.Table("verification_challenge",
                List.of("id", "failed_attempts"), Map.of("9", new DatabaseFingerprint.Row("9", new long[] {9, 0}, null))));
        before.put("audit_event", new DatabaseFingerprint.Table("audit_event", List.of("seq", "event_type"), Map.of()));
        Map<String, DatabaseFingerprint.Table> after = new LinkedHashMap<>();
        after.put("lead", new DatabaseFingerprint.Table("lead", List.of("id", "name"),
                Map.of("1", new DatabaseFingerprint.Row("1", new long[] {1, 3}, null),
                        "2", new DatabaseFingerprint.Row("2", new long[] {2, 3}, null))));
        after.put("verification_challenge", new DatabaseFingerprint.Table("verification_challenge",
                List.of("id", "failed_attempts"), Map.of("9", new DatabaseFingerprint.Row("9", new long[] {9, 1}, null))));
        after.put("audit_event", new DatabaseFingerprint.Table("audit_event", List.of("seq", "event_type"),
                Map.of("5", new DatabaseFingerprint.Row("5", new long[] {5, 7}, "VERIFICATION_FAILED"),
                        "6", new DatabaseFingerprint.Row("6", new long[] {6, 8}, "LEAD_INGESTED"))));
        List<DatabaseFingerprint.Change> changes = DatabaseFingerprint.diff(before, after);
        assertThat(changes).extracting(Object::toString).containsExactlyInAnyOrder("changed lead [name]", "added lead",
                "changed verification_challenge [failed_attempts]", "added audit_event (VERIFICATION_FAILED)",
                "added audit_event (LEAD_INGESTED)");
        assertThat(changes.stream().filter(c -> !DatabaseFingerprint.allowedForVerification(c)))
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("changed lead [name]", "added lead", "added audit_event (LEAD_INGESTED)");
    }

    @Test
    void rawAnswersAreParsed() {
        HttpCall.Answer chunked = Wire.parse(("HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n2\r\n1}\r\n0\r\n\r\n").getBytes());
        assertThat(chunked.status()).isEqualTo(400);
        assertThat(chunked.body()).isEqualTo("{\"a\":1}");
        assertThat(Wire.parse("HTTP/1.1 414 URI Too Long\r\ncontent-length: 0\r\n\r\n".getBytes()).status())
                .isEqualTo(414);
    }
}
