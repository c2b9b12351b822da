package kz.region715.dsr.fault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kz.region715.dsr.platform.security.OidcIssuer;
import kz.region715.dsr.platform.security.Roles;

/**
 * The service's API as its clients use it, over HTTP against one running {@link App}: a subject files and
 * verifies, the ingest client stores leads, an officer approves with the case's ETag, auditors and admins read.
 * Tokens come from the suite's {@link OidcIssuer}, which the jar trusts through {@code OIDC_AUTH_SERVER_URL}.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int INGEST_BATCH = 200;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    Api(App app) {
        this.base = app.baseUrl();
    }

    /** An answer: status, headers, body. */
    record Answer(int status, HttpResponse<String> response) {

        String body() {
            return response.body();
        }

        Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body());
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON (" + status + "): " + body(), e);
            }
        }

        Answer expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected " + expected + " but got " + status + ": " + body());
            }
            return this;
        }
    }

    // --- tokens ---------------------------------------------------------------------------------------------

    /** A fresh token: each scenario's issuer has keys of its own. */
    static String token(String role) {
        return OidcIssuer.token(role + "-1", "groups", List.of(role), Instant.now().plusSeconds(600));
    }

    // --- raw calls ------------------------------------------------------------------------------------------

    Answer get(String path, String role) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), role, Map.of());
    }

    Answer post(String path, Object body, String role, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))), role, headers);
    }

    /** Throws IOException when the connection fails, so callers can count it. */
    Answer sendOrThrow(HttpRequest.Builder request, String role, Map<String, String> headers) throws IOException {
        if (role != null) {
            request.header("Authorization", "Bearer " + token(role));
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private Answer send(HttpRequest.Builder request, String role, Map<String, String> headers) {
        try {
            return sendOrThrow(request, role, headers);
        } catch (IOException e) {
            throw new IllegalStateException("no answer from " + base, e);
        }
    }

    // --- what the clients do --------------------------------------------------------------------------------

    static String newEmail() {
        return "subject-" + UUID.randomUUID() + "@example.kz";
    }

    static Map<String, Object> request(String type, String email) {
        Map<String, Object> body = new HashMap<>(Map.of("type", type, "email", email, "name", "Aigerim Serikova",
                "locale", "en"));
        if (type.equals("DELETION")) {
            body.put("deletion", Map.of("scope", "ALL"));
        }
        return body;
    }

    /** Files a request; the raw answer (202, or 503 during an outage). Throws IOException on a broken connection. */
    Answer file(String type, String email) throws IOException {
        return sendOrThrow(HttpRequest.newBuilder(URI.create(base + "/api/v1/requests"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(request(type, email)))), null, Map.of());
    }

    String fileOk(String type, String email) {
        try {
            return file(type, email).expect(202).json().path("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the verification mail, verifies with its code. */
    void verify(String id, String email, Mailbox mail) {
        String[] code = new String[1];
        Await.until("verification mail to a subject", Duration.ofSeconds(60),
                () -> (code[0] = mail.verificationCode(email)) != null);
        post("/api/v1/requests/" + id + "/verification", Map.of("code", code[0]), null, Map.of()).expect(200);
    }

    /** Approves a case as an officer, with its current ETag in If-Match. */
    void approve(String id) {
        Answer read = get("/api/v1/cases/" + id, Roles.OFFICER).expect(200);
        String etag = read.header("ETag").orElseThrow(() -> new AssertionError("no ETag on the case"));
        post("/api/v1/cases/" + id + "/approval", Map.of(), Roles.OFFICER, Map.of("If-Match", etag)).expect(200);
    }

    /** Files, verifies and approves: an approved request's id. */
    String approved(String type, String email, Mailbox mail) {
        String id = fileOk(type, email);
        verify(id, email, mail);
        approve(id);
        return id;
    }

    /**
     * Stores leads as the ingest client in batches (the API takes up to 500; 200 of these leads stay under the
     * default 64 KiB body limit); their ids in the order given.
     */
    List<String> ingest(List<Map<String, Object>> leads) {
        List<String> ids = new ArrayList<>(leads.size());
        for (int from = 0; from < leads.size(); from += INGEST_BATCH) {
            List<Map<String, Object>> batch = leads.subList(from, Math.min(from + INGEST_BATCH, leads.size()));
            for (JsonNode stored : post("/api/v1/leads/batch", Map.of("leads", batch), Roles.INGEST, Map.of())
                    .expect(201).json()) {
                ids.add(stored.path("id").asText());
            }
        }
        return ids;
    }

    /** A web-form lead of {@code email} with consent; {@code n} makes its cookie id unique. */
    static Map<String, Object> lead(String email, int n) {
        return Map.of("source", "WEB_FORM", "name", "Aigerim Serikova", "email", email,
                "message", "Please call me back", "cookieId", "ck-" + n,
                "consent", Map.of("at", "2026-03-01T10:00:00Z", "policyVersion", "2025-01",
                        "purposes", List.of("FEEDBACK", "CONSULTING")));
    }

    /** The audit chain's verification as an auditor: OK or BROKEN. */
    String chainStatus() {
        return get("/api/v1/audit/verification", Roles.AUDITOR).expect(200).json().path("status").asText();
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
