import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an NDJSON export of the audit trail without the service and without
 * any library: every line's hash is the SHA-256 of the line without its hash,
 * every line links to the one before, and the sequence has no gaps.
 *
 * <pre>
 *   java VerifyAuditExport.java export.ndjson [hash-before-the-first-line]
 * </pre>
 *
 * The second argument is needed only for an export that does not start at the
 * first event: the hash of the event before it (the previous export's last
 * line, or {@code GET /api/v1/audit/verification} for the range). Exit code 0
 * when the export is intact, 1 with the first broken line otherwise.
 */
public class VerifyAuditExport {

    private static final String GENESIS = "0".repeat(64);
    private static final Pattern HASH_AT_END = Pattern.compile(",\"hash\":\"([0-9a-f]{64})\"}$");
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
    private static final Pattern PREV = Pattern.compile("\"prev\":\"([0-9a-f]{64})\"");

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java VerifyAuditExport.java <export.ndjson> [hash-before-the-first-line]");
            System.exit(2);
        }
        String expectedPrev = args.length > 1 ? args[1] : null;
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        long lines = 0;
        long firstSeq = -1;
        long lastSeq = -1;
        String lastHash = null;
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                Matcher hashAtEnd = HASH_AT_END.matcher(line);
                if (!hashAtEnd.find()) {
                    fail(number, "no \"hash\" member at the end of the line");
                }
                // The canonical form is the line without its last member: what the hash covers.
                String canonical = line.substring(0, hashAtEnd.start()) + "}";
                String hash = hashAtEnd.group(1);
                String computed = HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
                if (!computed.equals(hash)) {
                    fail(number, "the hash does not match the line's content (changed)");
                }
                // "seq" and "prev" are the last of their names in the line: the members after them are plain strings.
                long seq = Long.parseLong(last(SEQ, canonical, number, "seq"));
                String prev = last(PREV, canonical, number, "prev");
                if (lastHash == null) {
                    String before = expectedPrev != null ? expectedPrev : seq == 1 ? GENESIS : null;
                    if (before != null && !before.equals(prev)) {
                        fail(number, "the first line does not follow the hash given before it");
                    }
                    firstSeq = seq;
                } else {
                    if (seq != lastSeq + 1) {
                        fail(number, "the sequence jumps from " + lastSeq + " to " + seq
                                + " (events missing, added or reordered)");
                    }
                    if (!prev.equals(lastHash)) {
                        fail(number, "not linked to the line before (\"prev\" is not its hash)");
                    }
                }
                lastSeq = seq;
                lastHash = hash;
                lines++;
            }
        }
        if (lines == 0) {
            System.out.println("EMPTY: no events in the file");
            return;
        }
        System.out.printf("OK: %d events, seq %d to %d, last hash %s%n", lines, firstSeq, lastSeq, lastHash);
        if (expectedPrev == null && firstSeq != 1) {
            System.out.println("Note: the export starts at seq " + firstSeq
                    + "; give the hash of event " + (firstSeq - 1) + " to check its first link too.");
        }
    }

    private static String last(Pattern pattern, String text, long number, String name) {
        Matcher matcher = pattern.matcher(text);
        String found = null;
        while (matcher.find()) {
            found = matcher.group(1);
        }
        if (found == null) {
            fail(number, "no \"" + name + "\" member");
        }
        return found;
    }

    private static void fail(long line, String problem) {
        System.out.println("BROKEN at line " + line + ": " + problem);
        System.exit(1);
    }
}
