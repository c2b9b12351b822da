package kz.region715.dsr.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Generates the hostile requests from the OpenAPI document: for every operation (path and method) and every role,
 * path parameters, query parameters, headers and bodies built from the declared schemas, then mutated.
 */
final class OpenApiRequests {

    static final List<String> ROLES = List.of("anonymous", "nobody", "officer", "auditor", "admin", "ingest", "bot");
    static final List<String> EDGE_DATES = List.of("+1000000000-12-31T23:59:59.999999999Z",
            "-1000000000-01-01T00:00:00Z", "+999999999-12-31");
    private static final String HOLE = "\u00a7\u00a7HOSTILE\u00a7\u00a7";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Param(String name, String in, JsonNode schema) {
    }

    record Operation(String method, String template, List<Param> params, JsonNode body, boolean bodyRequired,
            Set<String> roles, boolean servesHtml) {
        String label() {
            return method + " " + template;
        }

        boolean allows(String role) {
            return roles.isEmpty() || roles.contains(role);
        }

        boolean has(String header) {
            return params.stream().anyMatch(p -> p.in().equals("header") && p.name().equalsIgnoreCase(header));
        }
    }

    private final JsonNode doc;
    private final Seeds seeds;
    private final Random random;
    final List<Operation> operations = new ArrayList<>();

    OpenApiRequests(JsonNode doc, Seeds seeds, Random random) {
        this.doc = doc;
        this.seeds = seeds;
        this.random = random;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase(Locale.ROOT);
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                List<Param> params = new ArrayList<>();
                for (JsonNode p : op.getValue().path("parameters")) {
                    JsonNode param = resolve(p);
                    params.add(new Param(param.path("name").asText(), param.path("in").asText(),
                            resolve(param.path("schema"))));
                }
                JsonNode body = op.getValue().path("requestBody").path("content").path("application/json")
                        .path("schema");
                Set<String> roles = new LinkedHashSet<>();
                for (JsonNode requirement : op.getValue().path("security")) {
                    requirement.fields().forEachRemaining(e -> e.getValue().forEach(r -> roles.add(r.asText())));
                }
                boolean servesHtml = false;
                for (JsonNode response : op.getValue().path("responses")) {
                    servesHtml |= resolve(response).path("content").has("text/html");
                }
                operations.add(new Operation(method, path.getKey(), params, body.isMissingNode() ? null : resolve(body),
                        op.getValue().path("requestBody").path("required").asBoolean(false), roles, servesHtml));
            }
        }
    }

    Set<String> templates() {
        Set<String> all = new LinkedHashSet<>();
        doc.path("paths").fieldNames().forEachRemaining(all::add);
        return all;
    }

    JsonNode resolve(JsonNode node) {
        while (node != null && node.has("$ref")) {
            String ref = node.get("$ref").asText();
            node = doc.at(ref.substring(1));
        }
        return node;
    }

    JsonNode schema(String name) {
        return doc.path("components").path("schemas").path(name);
    }

    // ------------------------------------------------------------------ valid values

    String validPathValue(Operation op, String param) {
        String t = op.template();
        if (param.equals("leadId") || t.startsWith("/api/v1/leads/")) {
            return seeds.leadIds.get(random.nextInt(seeds.leadIds.size()));
        }
        if (t.startsWith("/api/v1/breaches/")) {
            return seeds.breachIds.get(random.nextInt(seeds.breachIds.size()));
        }
        if (t.startsWith("/api/v1/admin/outbox/")) {
            return seeds.outboxIds.get(random.nextInt(seeds.outboxIds.size()));
        }
        if (t.startsWith("/api/v1/requests/")) {
            return t.contains("/verification") ? seeds.pendingRequestId : seeds.verifiedRequestId;
        }
        return seeds.caseIds.get(random.nextInt(seeds.caseIds.size()));
    }

    static boolean dateish(String name) {
        return name.matches("(from|to|until|.*(Before|After|From|To|At|On))");
    }

    String validQueryValue(Param p) {
        JsonNode s = p.schema();
        if (s.has("enum")) {
            return s.get("enum").get(0).asText();
        }
        if (s.path("type").asText().equals("integer")) {
            return "10";
        }
        return switch (p.name()) {
            case "from", "receivedFrom" -> "2026-01-01T00:00:00Z";
            case "to", "receivedTo", "dueBefore" -> "2026-12-31T00:00:00Z";
            case "limit" -> "10";
            case "overdue", "unassigned", "includeBlocked" -> "true";
            case "status" -> p.schema().path("pattern").asText().isEmpty() ? "OPEN" : "PENDING";
            case "type" -> "ACCESS";
            case "format" -> "json";
            case "lang" -> "en";
            case "email" -> seeds.email;
            case "phone" -> "+77011234567";
            case "telegramUserId" -> "123456789";
            case "assignee" -> "officer";
            default -> "x";
        };
    }

    JsonNode validValue(String name, JsonNode schema, boolean withOptionalObjects) {
        schema = resolve(schema);
        if (schema.has("enum")) {
            return TextNode.valueOf(schema.get("enum").get(0).asText());
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object" -> {
                ObjectNode object = JSON.createObjectNode();
                Set<String> required = new LinkedHashSet<>();
                schema.path("required").forEach(r -> required.add(r.asText()));
                int optionalObjects = 0;
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                    JsonNode member = resolve(it.next().getValue());
                    if (member.path("type").asText().equals("object") || member.has("properties")) {
                        optionalObjects++;
                    }
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    JsonNode member = resolve(e.getValue());
                    boolean isObject = member.path("type").asText().equals("object") || member.has("properties");
                    boolean isArray = member.path("type").asText().equals("array");
                    if (required.contains(e.getKey()) || !isArray && (!isObject
                            || withOptionalObjects && optionalObjects == 1)) {
                        object.set(e.getKey(), validValue(e.getKey(), member, withOptionalObjects));
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = JSON.createArrayNode();
                array.add(validValue(name, schema.path("items"), withOptionalObjects));
                return array;
            }
            case "integer", "number" -> {
                return JSON.getNodeFactory().numberNode(1);
            }
            case "boolean" -> {
                return JSON.getNodeFactory().booleanNode(true);
            }
            default -> {
                String format = schema.path("format").asText();
                if (format.equals("date-time")) {
                    return TextNode.valueOf(name.equals("until") ? "2027-06-01T00:00:00Z" : "2026-03-01T10:00:00Z");
                }
                if (format.equals("date")) {
                    return TextNode.valueOf("2026-03-05");
                }
                if (format.equals("uuid")) {
                    return TextNode.valueOf(seeds.leadIds.getFirst());
                }
                String value = switch (name) {
                    case "email" -> seeds.genEmail;
                    case "recipientEmail" -> "partner@example.kz";
                    case "name" -> "Aigerim Generated";
                    case "phone" -> "+7 701 123 45 67";
                    case "message" -> "Please call me back";
                    case "ipAddress" -> "203.0.113.7";
                    case "cookieId" -> "ck-hostile";
                    case "telegramUserId" -> "123456789";
                    case "locale" -> "en";
                    case "assignee" -> "officer";
                    case "policyVersion" -> "2025-01";
                    case "code" -> seeds.pendingCode;
                    default -> schema.path("examples").path(0).isTextual()
                            ? schema.path("examples").path(0).asText() : "Generated text";
                };
                return TextNode.valueOf(value);
            }
        }
    }

    JsonNode validBody(Operation op) {
        if (op.body().equals(resolve(schema("Verify")))) {
            return JSON.createObjectNode().put("code", seeds.pendingCode);
        }
        return validValue("body", op.body(), true);
    }

    // ------------------------------------------------------------------ generation

    /** Every operation for every role; the first allowed role gets every variant, the others a sample. */
    List<HttpCall> generate() {
        List<HttpCall> all = new ArrayList<>();
        for (Operation op : operations) {
            List<HttpCall> variants = variants(op);
            HttpCall valid = variants.removeLast();
            String primary = op.roles().isEmpty() ? "anonymous" : op.roles().iterator().next();
            for (String role : ROLES) {
                List<HttpCall> mine = new ArrayList<>();
                if (role.equals(primary)) {
                    mine.addAll(variants);
                } else {
                    List<HttpCall> sample = new ArrayList<>(variants);
                    Collections.shuffle(sample, random);
                    mine.addAll(sample.subList(0, Math.min(op.allows(role) ? 12 : 5, sample.size())));
                }
                mine.add(valid); // last: a valid call (verification!) changes what the hostile ones meet
                for (HttpCall proto : mine) {
                    HttpCall call = proto.copy(role);
                    if (!op.allows(role)) {
                        call.mustRefuse();
                    }
                    all.add(call);
                }
            }
        }
        return all;
    }

    /** A valid call of {@code op} for its first allowed role: seeded ids, If-Match, the access token, a body. */
    HttpCall validCall(Operation op) {
        return base(op).copy(op.roles().isEmpty() ? "anonymous" : op.roles().iterator().next());
    }

    private HttpCall base(Operation op) {
        StringBuilder path = new StringBuilder();
        String t = op.template();
        for (String segment : t.substring(1).split("/")) {
            path.append('/');
            if (segment.startsWith("{")) {
                path.append(validPathValue(op, segment.substring(1, segment.length() - 1)));
            } else {
                path.append(segment);
            }
        }
        HttpCall call = new HttpCall(op.label(), t, "?", op.method(), path.toString());
        if (op.has("If-Match")) {
            call.ifMatchOfCase = path.toString().split("/")[4];
        }
        if (op.has("X-Request-Token") && !t.contains("/package")) {
            call.header("X-Request-Token", seeds.accessToken);
        }
        if (op.body() != null) {
            call.json(validBody(op).toString());
        }
        return call;
    }

    private List<HttpCall> variants(Operation op) {
        List<HttpCall> out = new ArrayList<>();
        Consumer<HttpCall> add = out::add;
        // path parameters
        for (String segment : op.template().split("/")) {
            if (!segment.startsWith("{")) {
                continue;
            }
            String name = segment.substring(1, segment.length() - 1);
            String leak = URLEncoder.encode(seeds.leakEmail, StandardCharsets.UTF_8);
            for (String bad : List.of(UUID.randomUUID().toString(), "not-a-uuid", "%00", "a".repeat(5000), leak,
                    "..%2F..%2Fetc%2Fpasswd", "-1", "%E2%80%8B" + UUID.randomUUID())) {
                HttpCall call = base(op);
                call.target = replaceSegment(op.template(), call.target, name, bad);
                call.rawValues.add(bad);
                if (bad.equals(leak)) {
                    call.personalValues.add(seeds.leakEmail);
                }
                add.accept(call.input("path " + name + "=" + bad).mustRefuse());
            }
            HttpCall upper = base(op);
            String value = segmentValue(op.template(), upper.target, name);
            upper.target = replaceSegment(op.template(), upper.target, name, value.toUpperCase(Locale.ROOT));
            add.accept(upper.input("path " + name + " in upper case"));
        }
        // query parameters
        for (Param p : op.params()) {
            if (!p.in().equals("query")) {
                continue;
            }
            List<String[]> values = new ArrayList<>(); // value, must refuse ("1") or not
            values.add(new String[] {enc(validQueryValue(p)), "0", "valid"});
            if (dateish(p.name())) {
                EDGE_DATES.forEach(d -> values.add(new String[] {enc(d), "1", "edge date " + d}));
                values.add(new String[] {"20260301", "1", "number as date"});
                values.add(new String[] {"2026-02-30T00:00:00Z", "1", "impossible date"});
            }
            values.add(new String[] {"%00", "1", "NUL"});
            values.add(new String[] {"a%00b", "1", "NUL inside"});
            values.add(new String[] {"%01%07%1F", "0", "control chars"});
            values.add(new String[] {"x".repeat(5000), "0", "5000 chars"});
            values.add(new String[] {"12345", "0", "number"});
            values.add(new String[] {"-1", "0", "-1"});
            values.add(new String[] {"1e999", "0", "1e999"});
            values.add(new String[] {"9".repeat(400), "0", "400 digits"});
            values.add(new String[] {"", "0", "empty"});
            values.add(new String[] {enc(seeds.leakEmail), "0", "e-mail"});
            values.add(new String[] {enc(validQueryValue(p)) + "&" + p.name() + "=" + enc(validQueryValue(p)), "0",
                    "repeated"});
            if (p.schema().has("enum") || List.of("type", "status").contains(p.name())) {
                String v = validQueryValue(p);
                values.add(new String[] {enc(" " + v + " "), "1", "enum with spaces"});
                values.add(new String[] {enc(v.toLowerCase(Locale.ROOT)), "0", "enum in lower case"});
                values.add(new String[] {"-0", "1", "enum -0"});
            }
            for (String[] v : values) {
                HttpCall call = base(op);
                call.target += (call.target.contains("?") ? "&" : "?") + p.name() + "=" + v[0];
                if (!v[0].isEmpty() && !v[2].equals("valid")) {
                    call.rawValues.add(v[0]);
                }
                if (v[2].equals("e-mail")) {
                    call.personalValues.add(seeds.leakEmail);
                }
                call.input("query " + p.name() + " " + v[2]);
                // format=html asks for the page a browser gets, as Accept: text/html does
                call.htmlPage = op.servesHtml() && p.name().equals("format") && v[0].startsWith("html");
                if (v[1].equals("1")) {
                    call.mustRefuse();
                }
                add.accept(call);
            }
        }
        // headers
        if (op.has("If-Match")) {
            HttpCall missing = base(op);
            missing.ifMatchOfCase = null;
            add.accept(missing.input("If-Match missing").mustRefuse());
            for (String v : List.of("", "\"zz\"", "W/\"1\"", "\"" + "9".repeat(400) + "\"")) {
                HttpCall call = base(op);
                call.ifMatchOfCase = null;
                add.accept(call.header("If-Match", v).input("If-Match " + v).mustRefuse());
            }
        }
        if (op.has("Idempotency-Key")) {
            for (String v : List.of("", "k".repeat(300), "key with spaces", "short")) {
                add.accept(base(op).header("Idempotency-Key", v).input("Idempotency-Key '" + v + "'").mustRefuse());
            }
            HttpCall control = base(op).header("Idempotency-Key", "key\u0001\u0007\u001fkey").input(
                    "Idempotency-Key with control chars").mustRefuse();
            control.transport = HttpCall.Transport.RAW;
            control.parserRefusal = true;
            add.accept(control);
            add.accept(base(op).header("Idempotency-Key", "hostile-" + UUID.randomUUID()).input("Idempotency-Key valid"));
        }
        for (String token : List.of("X-Request-Token", "X-Package-Token")) {
            if (op.has(token)) {
                for (String v : List.of("", "t".repeat(500), "garbage")) {
                    add.accept(base(op).removeHeader(token).header(token, v).input(token + " '" + v + "'").mustRefuse());
                }
            }
        }
        for (String accept : List.of("application/xml", "text/html", "*/*", "x/y;;;q=zz", "", "application/json;q=0")) {
            HttpCall call = base(op).header("Accept", accept).input("Accept '" + accept + "'");
            call.htmlPage = op.servesHtml() && accept.equals("text/html");
            add.accept(call);
        }
        HttpCall controlAccept = base(op).header("Accept", "application/json\u0001\u0007").input("Accept with control chars");
        controlAccept.transport = HttpCall.Transport.RAW;
        controlAccept.parserRefusal = true;
        add.accept(controlAccept);
        if (op.body() != null) {
            for (String type : new String[] {null, "*/*", "text/plain", "application/json; charset=UTF-16",
                    "application/x-www-form-urlencoded", "application/xml"}) {
                HttpCall call = base(op).removeHeader("Content-Type");
                if (type != null) {
                    call.header("Content-Type", type);
                }
                call.input("Content-Type " + (type == null ? "missing" : type));
                // a JSON body under a wrong charset label may be read by its bytes; any other type must be refused
                add.accept(type != null && type.startsWith("application/json") ? call : call.mustRefuse());
            }
            if (op.roles().isEmpty()) {
                add.accept(base(op).header("Origin", "https://evil.example").input("foreign Origin").mustRefuse());
            }
            bodyVariants(op, add);
        }
        // a method the path does not have
        HttpCall other = base(op);
        HttpCall wrong = new HttpCall(op.label() + " (as " + (op.method().equals("GET") ? "DELETE" : "PUT") + ")",
                op.template(), "?", op.method().equals("GET") ? "DELETE" : "PUT", other.target);
        other.headers.forEach(h -> wrong.header(h[0], h[1]));
        wrong.body = other.body;
        add.accept(wrong.input("method not allowed").mustRefuse());
        // last: the valid call
        add.accept(base(op).input("valid"));
        return out;
    }

    private void bodyVariants(Operation op, Consumer<HttpCall> add) {
        JsonNode valid = validBody(op);
        String text = valid.toString();
        // an object without required members may be empty ("empty body or no assignee: the caller")
        boolean mayBeEmpty = !resolve(op.body()).has("required");
        for (String top : List.of("", "null", "[]", "\"text\"", "12345", "{}")) {
            HttpCall call = base(op).json(top).input("body " + (top.isEmpty() ? "empty" : top));
            add.accept(mayBeEmpty && List.of("", "null", "{}").contains(top) ? call : call.mustRefuse());
        }
        add.accept(base(op).json(text.substring(0, text.length() / 2)).input("truncated JSON").mustRefuse());
        add.accept(base(op).json("{\"zzUnknown\":\"x\"," + text.substring(1)).input("unknown member").mustRefuse());
        if (valid.size() > 0) {
            String first = valid.fieldNames().next();
            add.accept(base(op).json("{\"" + first + "\":" + valid.get(first) + "," + text.substring(1))
                    .input("duplicate key " + first).mustRefuse());
            add.accept(base(op).json("{\"" + first + "\":" + "[".repeat(3000) + "]".repeat(3000) + "}")
                    .input("deep nesting").mustRefuse());
        }
        // members: the valid body, and for an object with several optional objects, one base per such object
        List<JsonNode> bases = new ArrayList<>();
        bases.add(valid);
        JsonNode schema = resolve(op.body());
        if (schema.has("properties") && !op.body().equals(resolve(schema("Verify")))) {
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode member = resolve(e.getValue());
                if (!valid.has(e.getKey()) && (member.has("properties") || member.path("type").asText().equals("array"))) {
                    ObjectNode extended = valid.deepCopy();
                    extended.set(e.getKey(), validValue(e.getKey(), member, false));
                    if (e.getKey().equals("correction") || e.getKey().equals("restriction")
                            || e.getKey().equals("withdrawal") || e.getKey().equals("deletion")) {
                        extended.put("type", e.getKey().equals("correction") ? "CORRECTION"
                                : e.getKey().toUpperCase(Locale.ROOT));
                    }
                    bases.add(extended);
                }
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode b : bases) {
            members(b, schema, new ArrayList<>(), (path, memberSchema, required) -> {
                String key = String.join(".", path.stream().map(String::valueOf).toList());
                if (!seen.add(key)) {
                    return;
                }
                for (String[] m : mutations(path, memberSchema)) {
                    JsonNode copy = b.deepCopy();
                    set(copy, path, TextNode.valueOf(HOLE));
                    String body = copy.toString().replace("\"" + HOLE + "\"", m[0]);
                    HttpCall call = base(op).json(body).input(key + " = " + m[2]);
                    if (m[1].equals("1")) {
                        call.mustRefuse();
                    }
                    if (m[0].contains(seeds.leakEmail)) {
                        call.personalValues.add(seeds.leakEmail);
                    }
                    add.accept(call);
                }
                if (required) {
                    JsonNode copy = b.deepCopy();
                    remove(copy, path);
                    add.accept(base(op).json(copy.toString()).input(key + " missing (required)").mustRefuse());
                }
            });
        }
    }

    interface MemberVisitor {
        void visit(List<Object> path, JsonNode schema, boolean required);
    }

    private void members(JsonNode value, JsonNode schema, List<Object> path, MemberVisitor visitor) {
        schema = resolve(schema);
        if (value.isObject()) {
            Set<String> required = new LinkedHashSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                List<Object> p = new ArrayList<>(path);
                p.add(e.getKey());
                JsonNode memberSchema = resolve(schema.path("properties").path(e.getKey()));
                visitor.visit(p, memberSchema, required.contains(e.getKey()));
                members(e.getValue(), memberSchema, p, visitor);
            }
        } else if (value.isArray() && !value.isEmpty()) {
            List<Object> p = new ArrayList<>(path);
            p.add(0);
            JsonNode items = resolve(schema.path("items"));
            if (value.get(0).isContainerNode()) {
                members(value.get(0), items, p, visitor);
            } else {
                visitor.visit(p, items, false);
            }
        }
    }

    /** The mutations of one member: raw JSON, must be refused ("1") or not, and a label. */
    private List<String[]> mutations(List<Object> path, JsonNode schema) {
        List<String[]> out = new ArrayList<>();
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        if (schema.has("enum")) {
            String v = schema.get("enum").get(0).asText();
            out.add(new String[] {q(" " + v + " "), "1", "enum with spaces"});
            out.add(new String[] {q(v.toLowerCase(Locale.ROOT)), "1", "enum in lower case"});
            out.add(new String[] {q("-0"), "1", "enum \"-0\""});
            out.add(new String[] {"-0", "1", "enum -0"});
            out.add(new String[] {"0", "1", "enum as number"});
            out.add(new String[] {q(v + "\\u0000"), "1", "enum with NUL"});
            out.add(new String[] {"[" + q(v) + "]", "1", "enum in an array"});
            return out;
        }
        switch (type) {
            case "object" -> {
                out.add(new String[] {q("x"), "1", "string for an object"});
                out.add(new String[] {"[]", "1", "array for an object"});
                out.add(new String[] {"12345", "1", "number for an object"});
                return out;
            }
            case "array" -> {
                out.add(new String[] {q("x"), "1", "string for an array"});
                out.add(new String[] {"{}", "1", "object for an array"});
                out.add(new String[] {"[null]", "1", "array of null"});
                return out;
            }
            case "integer", "number", "boolean" -> {
                out.add(new String[] {q("1"), "1", "string for a " + type});
                out.add(new String[] {"[]", "1", "array for a " + type});
                out.add(new String[] {"1e999", "1", "1e999"});
                return out;
            }
            default -> {
            }
        }
        out.add(new String[] {"12345", "1", "number for a string"});
        out.add(new String[] {"true", "1", "boolean for a string"});
        out.add(new String[] {"1e999", "1", "1e999 for a string"});
        out.add(new String[] {"9".repeat(400), "1", "400-digit number for a string"});
        out.add(new String[] {"[" + q("x") + "]", "1", "array for a string"});
        out.add(new String[] {"{\"a\":\"x\"}", "1", "object for a string"});
        out.add(new String[] {q("a\\u0000b"), "1", "NUL in a string"});
        out.add(new String[] {q("a\\u0001\\u0007\\u001b\\u007fb"), "0", "control chars in a string"});
        boolean needsText = schema.path("pattern").asText().equals("\\S");
        out.add(new String[] {q("\\u00a0\\u2003\\u3000"), needsText ? "1" : "0", "only Unicode blanks"});
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        out.add(new String[] {q("x".repeat(5000)), max < 5000 ? "1" : "0", "5000 chars"});
        String format = schema.path("format").asText();
        if (format.equals("date") || format.equals("date-time")) {
            EDGE_DATES.forEach(d -> out.add(new String[] {q(d), "1", "edge date " + d}));
            out.add(new String[] {"20260301", "1", "number as date"});
            out.add(new String[] {"1772359200000", "1", "epoch millis as date"});
            out.add(new String[] {q("2026-02-30"), "1", "impossible date"});
        }
        Object last = path.getLast();
        if (last instanceof String member && member.toLowerCase(Locale.ROOT).matches(".*(email|name|phone|message).*")) {
            out.add(new String[] {q(seeds.leakEmail), "0", "personal value (e-mail)"});
        }
        return out;
    }

    private static String q(String jsonEscapedText) {
        return "\"" + jsonEscapedText + "\"";
    }

    private static void set(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = root;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = path.get(i) instanceof Integer index ? parent.get(index) : parent.get((String) path.get(i));
        }
        Object last = path.getLast();
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }

    private static void remove(JsonNode root, List<Object> path) {
        JsonNode parent = root;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = path.get(i) instanceof Integer index ? parent.get(index) : parent.get((String) path.get(i));
        }
        Object last = path.getLast();
        if (last instanceof Integer index) {
            ((ArrayNode) parent).remove(index);
        } else {
            ((ObjectNode) parent).remove((String) last);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String segmentValue(String template, String target, String name) {
        String[] t = template.split("/");
        String[] v = target.split("\\?")[0].split("/");
        for (int i = 0; i < t.length; i++) {
            if (t[i].equals("{" + name + "}")) {
                return v[i];
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static String replaceSegment(String template, String target, String name, String value) {
        String[] t = template.split("/");
        String[] v = target.split("\\?")[0].split("/");
        for (int i = 0; i < t.length; i++) {
            if (t[i].equals("{" + name + "}")) {
                v[i] = value;
            }
        }
        return String.join("/", v);
    }
}
