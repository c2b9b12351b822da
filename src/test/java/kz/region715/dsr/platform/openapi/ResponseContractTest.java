package kz.region715.dsr.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The response check can fail: each kind of drift between an answer and the committed document is named. */
class ResponseContractTest {

    private static final ResponseContract CONTRACT = ResponseContract.of(ResponseContract.COMMITTED, false);
    private static final String CASE = "/api/v1/cases/3f0c6a4e-6d1e-4d55-9c7a-0b7b9f1d2e11";
    private static final String PROBLEM = """
            {"type": "https://dsr.region715.kz/problems/not-found", "title": "Not found", "status": 404}""";

    @Test
    void aDocumentedAnswerPasses() {
        assertThat(CONTRACT.check("get", CASE, 404, "application/problem+json", bytes(PROBLEM), headers(Map.of())))
                .isEmpty();
        assertThat(CONTRACT.check("get", "/api/v1/cases", 200, "application/json",
                bytes("{\"items\": [], \"nextCursor\": null}"), headers(Map.of()))).isEmpty();
    }

    @Test
    void anUndeclaredStatusIsNamed() {
        assertThat(CONTRACT.check("get", CASE, 418, "application/problem+json", bytes(PROBLEM), headers(Map.of())))
                .containsExactly("status 418 is not declared for getCase");
    }

    @Test
    void aNullWhereTheSchemaHasNoneIsNamed() {
        assertThat(CONTRACT.check("get", "/api/v1/cases", 200, "application/json", bytes("{\"items\": null}"),
                headers(Map.of()))).singleElement().asString().startsWith("body: ").contains("items");
    }

    @Test
    void aBodyOfAnUndeclaredMediaTypeIsNamed() {
        assertThat(CONTRACT.check("get", CASE, 404, "text/plain", bytes("no"), headers(Map.of())))
                .singleElement().asString().contains("media type 'text/plain' is not declared");
    }

    @Test
    void aProblemWithoutItsRequiredMembersIsNamed() {
        assertThat(CONTRACT.check("get", CASE, 404, "application/problem+json", bytes("{\"detail\": \"x\"}"),
                headers(Map.of()))).isNotEmpty().allMatch(p -> p.startsWith("body: "));
    }

    @Test
    void headersClientsRelyOnMustBeDeclaredWhereSentAndSentWhereRequired() {
        assertThat(CONTRACT.check("get", "/api/v1/cases", 200, "application/json",
                bytes("{\"items\": [], \"nextCursor\": null}"), headers(Map.of("etag", "\"3\""))))
                .containsExactly("header etag is sent but not declared");
        assertThat(CONTRACT.check("get", "/api/v1/cases", 503, "application/problem+json",
                bytes(PROBLEM.replace("404", "503")), headers(Map.of())))
                .containsExactly("required header Retry-After is missing");
    }

    @Test
    void pathsOutsideTheDocumentAreNotChecked() {
        assertThat(CONTRACT.check("get", "/q/health", 418, "text/plain", bytes("x"), headers(Map.of()))).isEmpty();
        assertThat(CONTRACT.check("delete", "/api/v1/cases", 405, "text/plain", bytes("x"), headers(Map.of())))
                .isEmpty();
    }

    @Test
    void aLiteralSegmentWinsOverATemplate() {
        // POST /api/v1/leads/batch is its own operation, not POST /api/v1/leads/{id} (which does not exist)
        assertThat(CONTRACT.check("post", "/api/v1/leads/batch", 201, "application/json",
                bytes("[{\"id\": \"7a1d0c3e-94b2-4f7e-8d7c-2f0b1e6a9c55\", \"restricted\": false}]"),
                headers(Map.of()))).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Function<String, Optional<String>> headers(Map<String, String> sent) {
        return name -> Optional.ofNullable(sent.get(name.toLowerCase(Locale.ROOT)));
    }
}
