import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an NDJSON export of the audit trail without the service and without
 * any library: every line's hash is the SHA-256 of the line without its hash,
 * every line links to the one before, and the sequence has no gaps.
 *
 * <pre>
 *   java VerifyAuditExport.java export.ndjson [hash-before-the-first-line]
 *        [--tree-head head.json [--public-key BASE64]]
 * </pre>
 *
 * The second argument is needed only for an export that does not start at the
 * first event: the hash of the event before it (the previous export's last
 * line, or {@code GET /api/v1/audit/verification} for the range).
 *
 * <p>With {@code --tree-head} (the answer of {@code GET /api/v1/audit/tree-head},
 * fetched before the export) it also checks the signed tree head: its Ed25519
 * signature with the public key (pin it with {@code --public-key}; otherwise
 * the key in the file is used and a note says so), and that the export holds
 * the event at the head's size with the head's hash, so the export is the
 * chain the service signed. Exit code 0 when all is intact, 1 with the first
 * problem otherwise.
 */
public class VerifyAuditExport {

    private static final String GENESIS = "0".repeat(64);
    private static final Pattern HASH_AT_END = Pattern.compile(",\"hash\":\"([0-9a-f]{64})\"}$");
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
    private static final Pattern PREV = Pattern.compile("\"prev\":\"([0-9a-f]{64})\"");

    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>();
        String treeHeadFile = null;
        String pinnedKey = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--tree-head") && i + 1 < args.length) {
                treeHeadFile = args[++i];
            } else if (args[i].equals("--public-key") && i + 1 < args.length) {
                pinnedKey = args[++i];
            } else {
                positional.add(args[i]);
            }
        }
        if (positional.isEmpty() || positional.size() > 2) {
            System.err.println("usage: java VerifyAuditExport.java <export.ndjson> [hash-before-the-first-line]"
                    + " [--tree-head head.json [--public-key BASE64]]");
            System.exit(2);
        }
        String expectedPrev = positional.size() > 1 ? positional.get(1) : null;
        TreeHead head = treeHeadFile == null ? null : TreeHead.read(Path.of(treeHeadFile), pinnedKey);
        String hashAtHead = null;
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        long lines = 0;
        long firstSeq = -1;
        long lastSeq = -1;
        String lastHash = null;
        try (BufferedReader in = Files.newBufferedReader(Path.of(positional.get(0)), StandardCharsets.UTF_8)) {
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
                if (head != null && seq == head.treeSize) {
                    hashAtHead = hash;
                }
                lines++;
            }
        }
        if (lines == 0) {
            System.out.println("EMPTY: no events in the file");
            return;
        }
        if (head != null) {
            if (hashAtHead == null) {
                System.out.println("BROKEN: the export (seq " + firstSeq + " to " + lastSeq + ") does not hold event "
                        + head.treeSize + ", the signed tree head's size (fetch the tree head before exporting)");
                System.exit(1);
            }
            if (!hashAtHead.equals(head.rootHash)) {
                System.out.println("BROKEN: event " + head.treeSize + " is not the one the tree head was signed over"
                        + " (its hash differs from the head's)");
                System.exit(1);
            }
        }
        System.out.printf("OK: %d events, seq %d to %d, last hash %s%n", lines, firstSeq, lastSeq, lastHash);
        if (head != null) {
            System.out.printf("Signed tree head OK: size %d, hash %s, signed %s by key %s%n", head.treeSize,
                    head.rootHash, head.signedAt, head.keyId);
            if (pinnedKey == null) {
                System.out.println("Note: the public key was taken from the tree-head file; pin it with --public-key"
                        + " to know the head was signed by the service.");
            }
        }
        if (expectedPrev == null && firstSeq != 1) {
            System.out.println("Note: the export starts at seq " + firstSeq
                    + "; give the hash of event " + (firstSeq - 1) + " to check its first link too.");
        }
    }

    /** A signed tree head read from the service's JSON, its signature checked on reading. */
    private record TreeHead(long treeSize, String rootHash, String signedAt, String keyId) {

        static TreeHead read(Path file, String pinnedKey) throws Exception {
            String json = Files.readString(file, StandardCharsets.UTF_8);
            long size = Long.parseLong(member(json, "treeSize", "(\\d+)"));
            String root = member(json, "rootHash", "\"([0-9a-f]{64})\"");
            String at = Instant.parse(member(json, "signedAt", "\"([^\"]+)\"")).toString();
            String signature = member(json, "signature", "\"([A-Za-z0-9+/=]+)\"");
            String key = pinnedKey != null ? pinnedKey : member(json, "publicKey", "\"([A-Za-z0-9+/=]+)\"");
            Signature check = Signature.getInstance("Ed25519");
            check.initVerify(KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key))));
            check.update(("dsr-audit-tree-head/v1\n" + size + "\n" + root + "\n" + at + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            if (!check.verify(Base64.getDecoder().decode(signature))) {
                System.out.println("BROKEN: the tree head's signature does not verify with the public key");
                System.exit(1);
            }
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(key));
            return new TreeHead(size, root, at, HexFormat.of().formatHex(sha).substring(0, 16));
        }

        private static String member(String json, String name, String value) {
            Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*" + value).matcher(json);
            if (!matcher.find()) {
                System.out.println("BROKEN: the tree-head file has no \"" + name + "\"");
                System.exit(1);
            }
            return matcher.group(1);
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
