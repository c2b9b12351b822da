package kz.region715.dsr.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import kz.region715.dsr.platform.audit.AuditSequencer;
import kz.region715.dsr.platform.audit.TreeHeadSigner;
import org.hibernate.Session;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The signed tree heads the sequencer publishes: the newest one, with the key that checks it. */
@ApplicationScoped
public class TreeHeads {

    private final TreeHeadSigner signer;
    private final AuditSequencer sequencer;
    private final EntityManager em;

    TreeHeads(TreeHeadSigner signer, AuditSequencer sequencer, EntityManager em) {
        this.signer = signer;
        this.sequencer = sequencer;
        this.em = em;
    }

    /** The newest tree head and the sequencing backlog. */
    @Schema(name = "AuditTreeHeadStatus")
    public record Status(
            @Schema(description = "The newest signed tree head; null before the first event is sequenced",
                    nullable = true) SignedTreeHead treeHead,
            @Schema(description = "The key that signs new tree heads: Ed25519, X.509 SubjectPublicKeyInfo, base64")
            String publicKey,
            @Schema(description = "First 16 hex digits of the SHA-256 of publicKey") String keyId,
            @Schema(description = "Events recorded and committed but not yet in the chain") long pendingEvents,
            @Schema(description = "How long the oldest pending event has waited, in seconds (0 with none)")
            long oldestPendingSeconds) {
    }

    public Status status() {
        AuditSequencer.Backlog backlog = sequencer.backlog();
        SignedTreeHead head = QuarkusTransaction.requiringNew().call(() -> em.unwrap(Session.class)
                .doReturningWork(connection -> latest(connection).orElse(null)));
        return new Status(head, signer.publicKey(), signer.keyId(), backlog.events(), backlog.oldest().toSeconds());
    }

    /** A tree head: the chain's size and last hash at a moment, signed with Ed25519. */
    @Schema(name = "SignedTreeHead", description = "The chain's size and last hash when a sequencer batch ended,"
            + " signed with Ed25519 over the UTF-8 text of four lines, each ending in a line feed:"
            + " dsr-audit-tree-head/v1, treeSize, rootHash, signedAt")
    public record SignedTreeHead(
            @Schema(description = "Events in the chain: the seq of the last one") long treeSize,
            @Schema(description = "Hash of event treeSize") String rootHash,
            Instant signedAt,
            @Schema(description = "First 16 hex digits of the SHA-256 of the public key") String keyId,
            @Schema(description = "The Ed25519 public key that checks the signature, X.509 SubjectPublicKeyInfo,"
                    + " base64; pin it out of band") String publicKey,
            @Schema(description = "Ed25519 signature, base64") String signature) {
    }

    /** The newest tree head, read on {@code connection}; empty before the first event is sequenced. */
    Optional<SignedTreeHead> latest(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select tree_size, root_hash, signed_at, key_id,"
                + " signature from audit_tree_head order by tree_size desc limit 1");
                ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            return Optional.of(new SignedTreeHead(row.getLong(1), row.getString(2),
                    row.getTimestamp(3).toInstant(), row.getString(4), signer.publicKey(), row.getString(5)));
        }
    }

    /** Whether the head was signed by this service's key. */
    boolean signatureValid(SignedTreeHead head) {
        return signer.verify(head.treeSize(), head.rootHash(), head.signedAt(), head.signature());
    }
}
