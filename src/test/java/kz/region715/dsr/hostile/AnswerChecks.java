package kz.region715.dsr.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What every answer of the hostile suite must satisfy. Each check returns what broke, as short stable phrases that
 * group well in the report; an empty list means the answer is fine.
 */
final class AnswerChecks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnswerChecks() {
    }

    /**
     * @param templates the path templates of the OpenAPI document (an {@code instance} may be one of them)
     * @param secrets   personal values seeded or sent that no error body may contain
     */
    static List<String> check(HttpCall call, HttpCall.Answer answer, Set<String> templates, Collection<String> secrets) {
        List<String> broken = new ArrayList<>();
        if (answer.error() != null) {
            broken.add(answer.error());
            return broken;
        }
        int status = answer.status();
        if (status == 0) {
            // Closed without an answer: allowed for the HTTP-layer cases sent on a raw socket and for uploads the
            // server stops reading; a normal request must get an answer.
            if (call.transport == HttpCall.Transport.CLIENT) {
                broken.add("connection closed without an answer");
            }
            return broken;
        }
        if (status >= 500) {
            broken.add("server error " + status);
        }
        if (call.expectedStatus != 0 && status != call.expectedStatus) {
            broken.add("expected " + call.expectedStatus + ", got " + status);
        }
        if (call.mustRefuse && status < 400) {
            broken.add("hostile input accepted (" + status + ")");
        }
        if (status >= 400 && status < 500) {
            broken.addAll(problem(status, answer.contentType(), answer.body(), call, templates));
            List<String> personal = new ArrayList<>(secrets);
            personal.addAll(call.personalValues);
            for (String secret : personal) {
                if (!secret.isEmpty() && (answer.body().contains(secret)
                        || answer.body().contains(secret.replace("@", "%40")))) {
                    broken.add("error body contains personal data");
                    break;
                }
            }
        }
        return broken;
    }

    /** RFC 9457: media type, a JSON object with type, title, status equal to the HTTP status; no echoed input. */
    static List<String> problem(int status, String contentType, String body, HttpCall call, Set<String> templates) {
        List<String> broken = new ArrayList<>();
        if (call.parserRefusal && status == 400 && body.isBlank()) {
            return broken; // refused by the HTTP parser itself, see HttpCall.parserRefusal
        }
        if (call.htmlPage && contentType.toLowerCase(Locale.ROOT).startsWith("text/html") && !body.isBlank()) {
            return broken; // the page a browser gets, in the subject's language
        }
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            broken.add(body.isBlank() ? "bare " + status + " without body (not problem+json)"
                    : status + " not application/problem+json (" + HttpCall.printable(contentType, 40) + ")");
            return broken;
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (Exception e) {
            broken.add("problem body is not JSON");
            return broken;
        }
        if (problem == null || !problem.isObject()) {
            broken.add("problem body is not a JSON object");
            return broken;
        }
        if (!problem.path("type").isTextual() || problem.path("type").asText().isBlank()) {
            broken.add("problem without type");
        }
        String type = problem.path("type").asText();
        if (!call.problemTypes.isEmpty() && call.problemTypes.stream()
                .noneMatch(slug -> type.endsWith("/problems/" + slug))) {
            broken.add("problem type is not one of " + call.problemTypes);
        }
        if (!problem.path("title").isTextual() || problem.path("title").asText().isBlank()) {
            broken.add("problem without title");
        }
        if (!problem.path("status").isInt() || problem.path("status").asInt() != status) {
            broken.add("problem status differs from HTTP status");
        }
        JsonNode instance = problem.get("instance");
        if (instance != null && !instance.isNull()) {
            String text = instance.asText();
            if (echoes(text, call)) {
                broken.add("problem instance echoes the raw input");
            } else if (call.template != null && !templates.contains(text)) {
                broken.add("problem instance is not the endpoint template");
            }
        }
        return broken;
    }

    /** Whether {@code text} carries one of the raw values sent (as sent or decoded), or the concrete path sent. */
    static boolean echoes(String text, HttpCall call) {
        String path = call.target.contains("?") ? call.target.substring(0, call.target.indexOf('?')) : call.target;
        if (call.template != null && !path.equals(call.template) && text.equals(decode(path))) {
            return true;
        }
        for (String raw : call.rawValues) {
            if (raw.length() >= 3 && (text.contains(raw) || text.contains(decode(raw)))) {
                return true;
            }
        }
        return false;
    }

    static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return s;
        }
    }
}
