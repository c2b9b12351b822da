package kz.region715.dsr.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import kz.region715.dsr.platform.audit.AuditCanonical;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.Session;

/**
 * Recomputes the hash chain over a range: every event's hash from its
 * canonical form, its link to the previous event, an unbroken sequence, and
 * that the indexed columns say what the canonical form says; for an open end
 * also the chain's head record and the newest signed tree head (its signature,
 * and that it names the hash the chain has at its size). Reads row by row.
 * Covers the sequenced events; says how many recorded events wait for the
 * sequencer.
 */
@ApplicationScoped
public class ChainVerification {

    private final EntityManager em;
    private final ObjectMapper json;
    private final TreeHeads treeHeads;

    ChainVerification(EntityManager em, ObjectMapper json, TreeHeads treeHeads) {
        this.em = em;
        this.json = json;
        this.treeHeads = treeHeads;
    }

    /** Where the chain first breaks: the event's sequence number and what is wrong. */
    @Schema(name = "ChainBreak")
    public record Break(long seq, String problem) {
    }

    /** What a verification of the chain (or of a range of it) found. */
    @Schema(name = "ChainVerification")
    public record Result(String status,
            @Schema(description = "Start of the range checked, inclusive; null when not given (from the first event)",
                    nullable = true) Instant from,
            @Schema(description = "End of the range checked, exclusive; null when not given (up to the chain's head)",
                    nullable = true) Instant to,
            long checked,
            @Schema(description = "Sequence number of the first event in the range; null when the range has none",
                    nullable = true) Long firstSeq,
            @Schema(description = "Sequence number of the last event checked intact; null when none was",
                    nullable = true) Long lastSeq,
            @Schema(description = "Hash of the last event checked intact; null when none was", nullable = true)
            String lastHash,
            @Schema(description = "Where the chain first breaks; null when it is OK", nullable = true)
            Break firstBreak,
            @Schema(description = "Events recorded and committed but not yet in the chain (the sequencer takes them"
                    + " within seconds); not covered by this check") long pending,
            @Schema(description = "The newest signed tree head, checked when the range is open-ended; null for a"
                    + " closed range or an empty chain", nullable = true) TreeHeads.SignedTreeHead treeHead) {

        Result with(long pendingEvents, TreeHeads.SignedTreeHead head) {
            return new Result(status, from, to, checked, firstSeq, lastSeq, lastHash, firstBreak, pendingEvents, head);
        }
    }

    public Result verify(Instant from, Instant to) {
        return QuarkusTransaction.requiringNew().call(() -> em.unwrap(Session.class)
                .doReturningWork(connection -> run(connection, from, to)));
    }

    private Result run(Connection connection, Instant from, Instant to) throws SQLException {
        long pending = count(connection, "select count(*) from audit_pending");
        // Read before the head: tree heads only grow, so the one read here is at or below the head read next.
        TreeHeads.SignedTreeHead treeHead = to == null ? treeHeads.latest(connection).orElse(null) : null;
        Scan scan = scan(connection, from, to, treeHead);
        Result result = scan.result();
        if (treeHead == null || !"OK".equals(result.status())) {
            return result.with(pending, treeHead);
        }
        if (!treeHeads.signatureValid(treeHead)) {
            return broken(from, to, result.checked(), result.firstSeq(), result.lastSeq(), result.lastHash(),
                    new Break(treeHead.treeSize(), "the signed tree head's signature does not verify"))
                    .with(pending, treeHead);
        }
        // An empty range after `from` says nothing of the chain's length; without `from` it is the whole chain.
        long lastSeq = result.lastSeq() != null ? result.lastSeq() : from == null ? 0 : Long.MAX_VALUE;
        String problem = treeHead.treeSize() > lastSeq ? "the chain is shorter than its signed tree head"
                : scan.hashAtTreeSize() != null && !scan.hashAtTreeSize().equals(treeHead.rootHash())
                        ? "the chain differs from its signed tree head" : null;
        if (problem != null) {
            return broken(from, to, result.checked(), result.firstSeq(), result.lastSeq(), result.lastHash(),
                    new Break(treeHead.treeSize(), problem)).with(pending, treeHead);
        }
        return result.with(pending, treeHead);
    }

    /** What a scan of the range found, and the hash the chain has at the tree head's size (null when not scanned). */
    private record Scan(Result result, String hashAtTreeSize) {
    }

    private Scan scan(Connection connection, Instant from, Instant to, TreeHeads.SignedTreeHead treeHead)
            throws SQLException {
        long treeSize = treeHead == null ? -1 : treeHead.treeSize();
        String hashAtTreeSize = null;
        Long first = bound(connection, "select min(seq) from audit_event where occurred_at >= ?", from, 1L);
        Long last = bound(connection, "select max(seq) from audit_event where occurred_at < ?", to, null);
        long[] headSeq = {0};
        String[] headHash = {AuditCanonical.GENESIS};
        try (PreparedStatement head = connection.prepareStatement("select last_seq, last_hash from audit_head");
                ResultSet row = head.executeQuery()) {
            if (row.next()) {
                headSeq[0] = row.getLong(1);
                headHash[0] = row.getString(2);
            }
        }
        if (last == null) {
            last = to == null ? headSeq[0] : null;
        }
        if (first == null || last == null || first > last) {
            return new Scan(new Result("OK", from, to, 0, null, null, null, null, 0, null), null);
        }
        String expectedPrev = AuditCanonical.GENESIS;
        if (first > 1) {
            expectedPrev = hashOf(connection, first - 1);
            if (expectedPrev == null) {
                return new Scan(broken(from, to, 0, first, null, null, new Break(first - 1, "event missing")), null);
            }
        }
        long expectedSeq = first;
        long checked = 0;
        String lastHash = null;
        try (PreparedStatement query = connection.prepareStatement("select seq, occurred_at, actor, event_type,"
                + " request_ref, subject_pseudonym, canonical, prev_hash, hash from audit_event"
                + " where seq between ? and ? order by seq")) {
            query.setFetchSize(AuditExport.FETCH_SIZE);
            query.setLong(1, first);
            query.setLong(2, last);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long seq = rows.getLong(1);
                    String problem = problem(rows, expectedSeq, expectedPrev);
                    if (problem != null) {
                        return new Scan(broken(from, to, checked, first, expectedSeq - 1, lastHash,
                                new Break(seq != expectedSeq ? expectedSeq : seq, problem)), null);
                    }
                    lastHash = rows.getString(9);
                    if (seq == treeSize) {
                        hashAtTreeSize = lastHash;
                    }
                    expectedPrev = lastHash;
                    expectedSeq++;
                    checked++;
                }
            }
        }
        if (expectedSeq <= last) {
            return new Scan(broken(from, to, checked, first, expectedSeq - 1, lastHash,
                    new Break(expectedSeq, "event missing")), null);
        }
        if (to == null && (headSeq[0] != last || !Objects.equals(headHash[0], lastHash))) {
            return new Scan(broken(from, to, checked, first, last, lastHash,
                    new Break(headSeq[0], "the chain's end does not match its head record")), null);
        }
        return new Scan(new Result("OK", from, to, checked, first, last, lastHash, null, 0, null), hashAtTreeSize);
    }

    private String problem(ResultSet row, long expectedSeq, String expectedPrev) throws SQLException {
        long seq = row.getLong(1);
        if (seq != expectedSeq) {
            return "event missing";
        }
        String canonical = row.getString(7);
        if (!AuditCanonical.hash(canonical).equals(row.getString(9))) {
            return "hash does not match the event's content";
        }
        if (!expectedPrev.equals(row.getString(8))) {
            return "not linked to the previous event";
        }
        JsonNode event;
        try {
            event = json.readTree(canonical);
        } catch (Exception e) {
            return "content is not an audit event";
        }
        Instant at = row.getTimestamp(2).toInstant();
        if (event.path("seq").asLong() != seq || !expectedPrev.equals(event.path("prev").asText())
                || !Instant.parse(event.path("at").asText()).equals(at)
                || !row.getString(3).equals(event.path("actor").asText())
                || !row.getString(4).equals(event.path("type").asText())
                || !Objects.equals(row.getString(5), text(event.get("request")))
                || !Objects.equals(row.getString(6), text(event.get("subject")))) {
            return "columns differ from the hashed content";
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Long bound(Connection connection, String sql, Instant at, Long otherwise) throws SQLException {
        if (at == null) {
            return otherwise;
        }
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setTimestamp(1, Timestamp.from(at));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                long value = row.getLong(1);
                return row.wasNull() ? null : value;
            }
        }
    }

    private static String hashOf(Connection connection, long seq) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select hash from audit_event where seq = ?")) {
            query.setLong(1, seq);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static Result broken(Instant from, Instant to, long checked, Long first, Long last, String lastHash,
            Break at) {
        return new Result("BROKEN", from, to, checked, first, last, lastHash, at, 0, null);
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
