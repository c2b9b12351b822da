package kz.region715.dsr.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The hand-made hostile cases: each one is a known way to break a service of this kind, and must be refused. */
final class Corpus {

    /** An id that begins with a letter: such ids stayed in the metrics' {@code uri} label (issue 24). */
    static final String LETTER_ID = "abcdef01-2345-4789-8abc-def012345678";

    private final OpenApiRequests api;
    private final Seeds seeds;
    private final List<HttpCall> calls = new ArrayList<>();

    Corpus(OpenApiRequests api, Seeds seeds) {
        this.api = api;
        this.seeds = seeds;
    }

    private HttpCall call(String method, String template, String role, String target) {
        HttpCall c = new HttpCall(method + " " + template, template, role, method, target).mustRefuse();
        calls.add(c);
        return c;
    }

    private JsonNode valid(String method, String template) {
        return api.validBody(api.operations.stream()
                .filter(o -> o.method().equals(method) && o.template().equals(template)).findFirst().orElseThrow());
    }

    private static String with(JsonNode body, String pointer, String rawJson) {
        ObjectNode copy = body.deepCopy();
        String parent = pointer.substring(0, pointer.lastIndexOf('/'));
        String member = pointer.substring(pointer.lastIndexOf('/') + 1);
        JsonNode target = parent.isEmpty() ? copy : copy.at(parent);
        ((ObjectNode) target).put(member, "\u00a7HOLE\u00a7");
        return copy.toString().replace("\"\u00a7HOLE\u00a7\"", rawJson);
    }

    List<HttpCall> build() {
        String lead = seeds.leadIds.getFirst();
        String kase = seeds.corpusCaseId;
        // first, while the case is OPEN (an approval would succeed): a missing body (issue 24) or a wrongly typed
        // note must not approve it, nor assign it
        calls.addAll(MissingBodies.of(api, seeds));
        caseCall("approval", "{\"note\":true}", "{\"note\":true} (must not approve)").expectedStatus = 400;
        caseCall("approval", "{\"note\":12345}", "{\"note\":12345} (must not approve)").expectedStatus = 400;
        // queries
        call("GET", "/api/v1/cases", "officer", "/api/v1/cases?assignee=%00").input("assignee=%00").rawValues.add("%00");
        for (Object[] q : new Object[][] {
                {"/api/v1/cases", "officer", List.of("dueBefore", "receivedFrom", "receivedTo")},
                {"/api/v1/audit/events", "auditor", List.of("from", "to")},
                {"/api/v1/audit/verification", "auditor", List.of("from", "to")},
                {"/api/v1/reports/requests", "auditor", List.of("from", "to")},
                {"/api/v1/reports/sla", "auditor", List.of("from", "to")}}) {
            @SuppressWarnings("unchecked")
            List<String> params = (List<String>) q[2];
            for (String p : params) {
                for (String d : OpenApiRequests.EDGE_DATES) {
                    HttpCall c = call("GET", (String) q[0], (String) q[1],
                            q[0] + "?" + p + "=" + OpenApiRequests.enc(d)).input(p + "=" + d);
                    c.rawValues.add(d);
                }
            }
        }
        // dates in bodies
        JsonNode leadBody = valid("POST", "/api/v1/leads");
        JsonNode disclosure = valid("POST", "/api/v1/leads/{id}/disclosures");
        JsonNode hold = valid("POST", "/api/v1/leads/{id}/legal-hold");
        List<String> dates = new ArrayList<>();
        OpenApiRequests.EDGE_DATES.forEach(d -> dates.add("\"" + d + "\""));
        dates.add("20260301");
        dates.add("1772359200");
        for (String d : dates) {
            call("POST", "/api/v1/leads", "ingest", "/api/v1/leads").json(with(leadBody, "/consent/at", d))
                    .input("consent.at " + d);
            call("POST", "/api/v1/leads", "ingest", "/api/v1/leads").json(with(leadBody, "/receivedAt", d))
                    .input("receivedAt " + d);
            call("POST", "/api/v1/leads/batch", "ingest", "/api/v1/leads/batch")
                    .json("{\"leads\":[" + with(leadBody, "/consent/at", d) + "]}").input("leads[0].consent.at " + d);
            call("POST", "/api/v1/leads/{id}/disclosures", "officer", "/api/v1/leads/" + lead + "/disclosures")
                    .json(with(disclosure, "/disclosedOn", d.replace("T23:59:59.999999999Z", "")
                            .replace("T00:00:00Z", ""))).input("disclosedOn " + d);
            call("POST", "/api/v1/leads/{id}/legal-hold", "officer", "/api/v1/leads/" + lead + "/legal-hold")
                    .json(with(hold, "/until", d)).input("legal-hold until " + d);
        }
        // NUL inside text
        JsonNode file = valid("POST", "/api/v1/requests");
        String nul = "\"a\\u0000b\"";
        call("POST", "/api/v1/requests", "anonymous", "/api/v1/requests").json(with(file, "/name", nul))
                .input("name with NUL");
        // the Telegram bot's filing and code relay, and the Login Widget's data
        JsonNode botFiling = valid("POST", "/api/v1/bot/requests");
        for (String[] bad : new String[][] {{"/name", nul}, {"/telegramUserId", nul}, {"/telegramUserId", "123"},
                {"/telegramUserId", "\"12345678901234567\""}, {"/telegramUserId", "\"-5\""}, {"/phone", nul},
                {"/email", "\"a@example.kz\""}}) {
            call("POST", "/api/v1/bot/requests", "bot", "/api/v1/bot/requests").json(with(botFiling, bad[0], bad[1]))
                    .input("bot filing " + bad[0] + " = " + bad[1]);
        }
        String relay = "/api/v1/requests/" + seeds.pendingRequestId + "/verification";
        call("POST", "/api/v1/bot/requests/{id}/verification", "bot", "/api/v1/bot" + relay.substring(7))
                .json("{\"telegramUserId\":\"1\\u0000\",\"code\":\"000000\"}").input("relay id with NUL");
        call("POST", "/api/v1/bot/requests/{id}/verification", "bot", "/api/v1/bot" + relay.substring(7))
                .json("{\"telegramUserId\":\"123456789\",\"code\":\"000000\"}").input("relay for another user")
                .expectedStatus = 404;
        for (String body : List.of("{\"id\":\"1\",\"auth_date\":\"+1000000000\",\"hash\":\"00\"}",
                "{\"id\":\"1\",\"auth_date\":\"1\",\"hash\":\"" + "g".repeat(64) + "\"}",
                "{\"id\":\"1\",\"auth_date\":\"1\",\"hash\":\"" + "0".repeat(64) + "\",\"extra\":\"x\"}")) {
            call("POST", "/api/v1/requests/{id}/verification/telegram-login", "anonymous", relay + "/telegram-login")
                    .json(body).input("widget data " + body);
        }
        for (String member : List.of("name", "message", "email", "phone", "cookieId", "ipAddress")) {
            call("POST", "/api/v1/leads", "ingest", "/api/v1/leads").json(with(leadBody, "/" + member, nul))
                    .input("lead " + member + " with NUL");
        }
        for (String member : List.of("recipient", "purpose", "legalBasis", "recipientEmail")) {
            call("POST", "/api/v1/leads/{id}/disclosures", "officer", "/api/v1/leads/" + lead + "/disclosures")
                    .json(with(disclosure, "/" + member, nul)).input("disclosure " + member + " with NUL");
        }
        call("POST", "/api/v1/leads/{id}/legal-hold", "officer", "/api/v1/leads/" + lead + "/legal-hold")
                .json(with(hold, "/reason", nul)).input("legal-hold reason with NUL");
        caseCall("notes", "{\"text\":" + nul + "}", "note with NUL");
        // wrong JSON types, enums, blanks
        for (String v : List.of("12345", "true", "1e999", "9".repeat(400))) {
            call("POST", "/api/v1/requests", "anonymous", "/api/v1/requests").json(with(file, "/name", v))
                    .input("{\"name\":" + HttpCall.printable(v, 20) + "}");
        }
        call("POST", "/api/v1/requests", "anonymous", "/api/v1/requests")
                .json("\"" + "{\\\"type\\\":\\\"ACCESS\\\"}" + "\"").input("JSON document as text");
        for (String v : List.of("-0", "\"-0\"", "\" ACCESS \"", "\"access\"", "0")) {
            call("POST", "/api/v1/requests", "anonymous", "/api/v1/requests").json(with(file, "/type", v))
                    .input("type " + v);
        }
        String blanks = "\"\\u00a0\\u2003\\u3000\"";
        call("POST", "/api/v1/requests", "anonymous", "/api/v1/requests").json(with(file, "/name", blanks))
                .input("name of Unicode blanks");
        call("POST", "/api/v1/leads/{id}/legal-hold", "officer", "/api/v1/leads/" + lead + "/legal-hold")
                .json(with(hold, "/reason", blanks)).input("legal-hold reason of Unicode blanks");
        call("POST", "/api/v1/leads/{id}/disclosures", "officer", "/api/v1/leads/" + lead + "/disclosures")
                .json(with(disclosure, "/recipient", blanks)).input("disclosure recipient of Unicode blanks");
        caseCall("notes", "{\"text\":" + blanks + "}", "note of Unicode blanks");
        caseCall("rejection", "{\"legalBasis\":\"NO_DATA_HELD\",\"reason\":" + blanks + "}",
                "rejection reason of Unicode blanks");
        caseCall("extension", "{\"reason\":" + blanks + "}", "extension reason of Unicode blanks");
        // media types and headers
        call("POST", "/api/v1/requests", "anonymous", "/api/v1/requests").json(file.toString())
                .removeHeader("Content-Type").input("no Content-Type");
        call("POST", "/api/v1/requests", "anonymous", "/api/v1/requests").json(file.toString())
                .removeHeader("Content-Type").header("Content-Type", "*/*").input("Content-Type */*");
        call("POST", "/api/v1/leads", "ingest", "/api/v1/leads").json(leadBody.toString())
                .removeHeader("Content-Type").input("no Content-Type");
        call("POST", "/api/v1/requests", "anonymous", "/api/v1/requests").json(file.toString())
                .header("Idempotency-Key", "").input("empty Idempotency-Key");
        HttpCall origin = call("POST", "/api/v1/requests", "anonymous", "/api/v1/requests").json(file.toString())
                .header("Origin", "https://evil.example").input("foreign Origin");
        origin.expectedStatus = 403;
        HttpCall originVerify = call("POST", "/api/v1/requests/{id}/verification", "anonymous",
                "/api/v1/requests/" + seeds.pendingRequestId + "/verification").json("{\"code\":\"000000\"}")
                .header("Origin", "https://evil.example").input("foreign Origin");
        originVerify.expectedStatus = 403;
        // bodies over the limit, chunked (no Content-Length): valid JSON padded with blanks
        for (int size : new int[] {600_000, 2_000_000}) {
            String pad = " ".repeat(size);
            String batch = "{\"leads\":[" + leadBody + "]" + pad + "}";
            HttpCall b = call("POST", "/api/v1/leads/batch", "ingest", "/api/v1/leads/batch").json(batch)
                    .input("chunked " + size + " bytes");
            b.transport = HttpCall.Transport.CLIENT_CHUNKED;
            b.expectedStatus = 413;
            HttpCall r = call("POST", "/api/v1/requests", "anonymous", "/api/v1/requests")
                    .json(file.toString().replaceFirst("}$", pad + "}")).input("chunked " + size + " bytes");
            r.transport = HttpCall.Transport.CLIENT_CHUNKED;
            r.expectedStatus = 413;
        }
        refusedBeforeAnEndpoint();
        // the HTTP layer, on a raw socket
        raw("GET", "/api/v1/requests/" + "a".repeat(10_000), Map.of(), "URL of 10,000 chars");
        raw("GET", "/api/v1/requests/%zz", Map.of(), "%zz in the path");
        raw("GET", "/api/v1/requests/a\u0000b", Map.of(), "raw NUL in the path");
        raw("GET", "/api/v1/requests/a b", Map.of(), "raw space in the path").parserRefusal();
        raw("GET", "/api/v1/cases?assignee=%zz", Map.of(), "%zz in the query").role("officer");
        raw("GET", "/api/v1/requests/" + seeds.verifiedRequestId, Map.of("X-Request-Token", "abc\nX-Evil: 1"),
                "LF inside a header value").parserRefusal();
        raw("GET", "/api/v1/requests/" + seeds.verifiedRequestId, Map.of("X-Request-Token", "a\u0000b"),
                "NUL inside a header value").parserRefusal();
        raw("GET", "/api/v1/requests/" + seeds.verifiedRequestId, Map.of("Accept", "application/json\u0001\u0002\u001b"),
                "control chars in Accept").parserRefusal();
        raw("GET", "/api/v1/requests/" + seeds.verifiedRequestId, Map.of("X-Request-Token", "x".repeat(20_000)),
                "header value of 20,000 chars");
        raw("POST", "/api/v1/requests", Map.of("Content-Type", "application/json", "Content-Length", "abc"),
                "malformed Content-Length").parserRefusal();
        return calls;
    }

    /**
     * Answers given before an endpoint is reached, to paths with an id beginning with a letter: they left the path
     * as sent in the metrics' {@code uri} label (issue 24); {@code HostileSuiteTest} reads the metrics afterwards.
     */
    private void refusedBeforeAnEndpoint() {
        String lead = "/api/v1/leads/" + LETTER_ID;
        String messages = "/api/v1/requests/" + LETTER_ID + "/messages";
        call("PUT", "/api/v1/leads/{id}", "ingest", lead).json("{}").input("PUT, no such method").expectedStatus = 405;
        HttpCall text = call("POST", "/api/v1/requests/{id}/messages", "anonymous", messages).json("{\"text\":\"x\"}")
                .removeHeader("Content-Type").header("Content-Type", "text/plain").input("Content-Type text/plain");
        text.expectedStatus = 415;
        call("POST", "/api/v1/requests/{id}/messages", "anonymous", messages)
                .json("{\"text\":\"" + "x".repeat(600_000) + "\"}").input("600,000 bytes").expectedStatus = 413;
        call("POST", "/api/v1/requests/{id}/messages", "anonymous", messages).json("{\"text\":\"x\"}")
                .header("Origin", "https://evil.example").input("foreign Origin").expectedStatus = 403;
        HttpCall preflight = new HttpCall("OPTIONS /api/v1/requests/{id}/messages", "/api/v1/requests/{id}/messages",
                "anonymous", "OPTIONS", messages).header("Origin", "http://127.0.0.1:8089")
                .header("Access-Control-Request-Method", "POST").input("preflight");
        calls.add(preflight);
    }

    private HttpCall caseCall(String action, String body, String input) {
        HttpCall c = call("POST", "/api/v1/cases/{id}/" + action, "officer",
                "/api/v1/cases/" + seeds.corpusCaseId + "/" + action).json(body).input(input);
        c.ifMatchOfCase = seeds.corpusCaseId;
        return c;
    }

    private final class RawBuilder {
        final HttpCall call;

        RawBuilder(HttpCall call) {
            this.call = call;
        }

        /** Malformed at the message level: see {@link HttpCall#parserRefusal}. */
        void parserRefusal() {
            call.parserRefusal = true;
        }

        void role(String role) {
            calls.remove(call);
            HttpCall c = call.copy(role);
            calls.add(c);
        }
    }

    private RawBuilder raw(String method, String target, Map<String, String> headers, String input) {
        HttpCall c = new HttpCall("HTTP layer: " + input, null, "anonymous", method, target).mustRefuse();
        c.transport = HttpCall.Transport.RAW;
        headers.forEach(c::header);
        c.input(input);
        if (target.length() > 40) {
            c.rawValues.add(target.substring(target.lastIndexOf('/') + 1, target.lastIndexOf('/') + 30));
        }
        if (method.equals("POST") && !headers.containsKey("Content-Length")) {
            c.body = "{}".getBytes(StandardCharsets.UTF_8);
        }
        calls.add(c);
        return new RawBuilder(c);
    }
}
