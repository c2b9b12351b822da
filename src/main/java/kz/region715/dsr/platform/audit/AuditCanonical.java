package kz.region715.dsr.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import kz.region715.dsr.platform.crypto.Secrets;

/**
 * The canonical form of an audit event, which its hash covers: a JSON object
 * with the members {@code actor, at, details, prev, request, seq, subject,
 * type}, keys sorted (also inside {@code details}), no whitespace, UTF-8,
 * strings escaped only where JSON requires ({@code "} and {@code \}; control
 * characters never occur, they are replaced by spaces). This is exactly what
 * {@code jq -cS 'del(.hash)'} prints for an exported line, so an auditor can
 * recompute {@code hash = sha256(canonical)} with common tools.
 */
public final class AuditCanonical {

    public static final String GENESIS = "0".repeat(64);
    private static final JsonStringEncoder QUOTE = JsonStringEncoder.getInstance();
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private AuditCanonical() {
    }

    public static String of(long seq, Instant at, String actor, String type, String request, String subject,
            Map<String, ?> details, String prev) {
        Map<String, Object> event = new TreeMap<>();
        event.put("seq", seq);
        event.put("at", at.truncatedTo(ChronoUnit.MICROS).toString());
        event.put("actor", clean(actor));
        event.put("type", type);
        event.put("request", request);
        event.put("subject", subject);
        Map<String, Object> cleanDetails = new TreeMap<>();
        if (details != null) {
            details.forEach((key, value) -> cleanDetails.put(key, value instanceof String s ? clean(s) : value));
        }
        event.put("details", cleanDetails);
        event.put("prev", prev);
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit event not serialisable", e);
        }
    }

    /**
     * The canonical form of an event whose details are already in canonical form ({@link #details}): the same bytes
     * as {@link #of(long, Instant, String, String, String, String, Map, String)}, put together without a map.
     */
    public static String of(long seq, Instant at, String actor, String type, String request, String subject,
            String canonicalDetails, String prev) {
        StringBuilder out = new StringBuilder(160 + canonicalDetails.length());
        out.append("{\"actor\":");
        quote(out, clean(actor));
        out.append(",\"at\":\"").append(at.truncatedTo(ChronoUnit.MICROS)).append("\",\"details\":")
                .append(canonicalDetails).append(",\"prev\":");
        quote(out, prev);
        out.append(",\"request\":");
        quote(out, request);
        out.append(",\"seq\":").append(seq).append(",\"subject\":");
        quote(out, subject);
        out.append(",\"type\":");
        quote(out, type);
        return out.append('}').toString();
    }

    /** The canonical form of an event's details alone: keys sorted, strings cleaned, no whitespace. */
    public static String details(Map<String, ?> details) {
        Map<String, Object> clean = new TreeMap<>();
        if (details != null) {
            details.forEach((key, value) -> clean.put(key, value instanceof String s ? clean(s) : value));
        }
        try {
            return JSON.writeValueAsString(clean);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit event not serialisable", e);
        }
    }

    private static void quote(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
        } else {
            out.append('"');
            QUOTE.quoteAsString(value, out);
            out.append('"');
        }
    }

    public static String hash(String canonical) {
        return Secrets.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
    }

    /** Control characters become spaces: what the trail stores never holds them. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> out.appendCodePoint(c < 0x20 || c == 0x7f ? ' ' : c));
        return out.toString();
    }
}
