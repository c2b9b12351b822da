package kz.region715.dsr.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request of the hostile suite: what is sent (method, path with query, headers, body), for which operation of
 * the OpenAPI document and role, what is hostile about it, and what it must not be answered with.
 */
final class HttpCall {

    /** How the request travels: through java.net.http, or as bytes written on a socket (what a client library refuses). */
    enum Transport { CLIENT, CLIENT_CHUNKED, RAW }

    final String operation;          // "POST /api/v1/cases/{id}/notes", or a free label for paths outside the document
    final String template;           // the path template, or null outside the document
    final String role;               // anonymous, nobody, officer, auditor, admin, ingest, bot
    final String method;
    String target;                   // path and query as sent (already percent-encoded)
    final List<String[]> headers = new ArrayList<>();
    byte[] body;
    Transport transport = Transport.CLIENT;
    /** What is hostile about it, for the report. */
    String input = "valid";
    /** The input must be refused (4xx): accepting it is a failure. */
    boolean mustRefuse;
    /** Expected to be refused anyway (wrong role, hostile input): grouped with other refusals between fingerprints. */
    boolean expectRefusal;
    /** Raw values placed in the request that an answer's {@code instance} must not echo. */
    final List<String> rawValues = new ArrayList<>();
    /** Personal-looking values placed in the request that no error body and no log line may contain. */
    final List<String> personalValues = new ArrayList<>();
    /** The status the answer must have (0: any refusal will do). */
    int expectedStatus;
    /** The problem types (slugs) a refusal may have (empty: any). */
    final java.util.Set<String> problemTypes = new java.util.LinkedHashSet<>();
    /**
     * Malformed at the HTTP message level (a raw space in the request line, a control character or a line feed in a
     * header, a malformed Content-Length): Vert.x's HTTP parser refuses it before the service sees it, with an empty
     * 400 or by closing the connection, and Quarkus offers no hook to render that refusal (quarkusio/quarkus#55082).
     * Such a call must still be refused and change nothing; an empty 400 is accepted for it.
     */
    boolean parserRefusal;
    /** The operation also serves an HTML page and the call asks for one: a refusal may be that page (it says why). */
    boolean htmlPage;
    /** Resolved when sent: the current ETag of this case goes into If-Match. */
    String ifMatchOfCase;

    HttpCall(String operation, String template, String role, String method, String target) {
        this.operation = operation;
        this.template = template;
        this.role = role;
        this.method = method;
        this.target = target;
    }

    HttpCall header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    HttpCall removeHeader(String name) {
        headers.removeIf(h -> h[0].equalsIgnoreCase(name));
        return this;
    }

    String headerValue(String name) {
        return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst().orElse(null);
    }

    HttpCall json(String text) {
        body = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        removeHeader("Content-Type");
        header("Content-Type", "application/json");
        return this;
    }

    HttpCall input(String what) {
        input = what;
        return this;
    }

    HttpCall mustRefuse() {
        mustRefuse = true;
        expectRefusal = true;
        return this;
    }

    boolean isVerification() {
        return "POST".equals(method) && template != null && template.endsWith("/verification");
    }

    HttpCall copy(String newRole) {
        HttpCall c = new HttpCall(operation, template, newRole, method, target);
        headers.forEach(h -> c.headers.add(h.clone()));
        c.body = body;
        c.transport = transport;
        c.input = input;
        c.mustRefuse = mustRefuse;
        c.expectRefusal = expectRefusal;
        c.rawValues.addAll(rawValues);
        c.personalValues.addAll(personalValues);
        c.ifMatchOfCase = ifMatchOfCase;
        c.expectedStatus = expectedStatus;
        c.problemTypes.addAll(problemTypes);
        c.parserRefusal = parserRefusal;
        c.htmlPage = htmlPage;
        return c;
    }

    static String printable(String s, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && out.length() < max; i++) {
            char ch = s.charAt(i);
            if (ch < 0x20 || ch == 0x7f || (ch >= 0x80 && ch < 0xa0) || Character.isSpaceChar(ch) && ch != ' ') {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
            } else {
                out.append(ch);
            }
        }
        // collapse runs of one repeated character so that 5000-char inputs stay readable
        String text = out.toString().replaceAll("(.)\\1{11,}", "$1$1$1…");
        return s.length() > max && text.length() >= max ? text + "…(" + s.length() + " chars)" : text;
    }

    @Override
    public String toString() {
        return method + " " + printable(target, 140) + " as " + role + " [" + input + "]";
    }

    /** Answer as received. {@code status} 0: no answer (closed); {@code error} set on a hang or I/O failure. */
    record Answer(int status, Map<String, String> headers, String body, String error) {
        String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }
}
