package kz.region715.dsr.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import kz.region715.dsr.platform.crypto.Secrets;

/**
 * Signs the audit log's tree heads with Ed25519. The key pair comes from a 32-byte seed: {@code dsr.audit.signing-key}
 * or, unset, a keyed hash of the service's secret with a purpose of its own, so every replica signs with the same key
 * and the key survives restarts. The signed text is {@link #signedText}; auditors check it with the public key
 * ({@code GET /api/v1/audit/tree-head} shows it; pin it out of band) and the JDK alone
 * ({@code docs/audit/VerifyAuditExport.java}).
 */
@ApplicationScoped
public class TreeHeadSigner {

    private static final String PURPOSE = "audit-tree-head-signing-key";
    private final KeyPair keys;
    private final String publicKey;
    private final String keyId;

    @Inject
    TreeHeadSigner(AuditConfig config, Secrets secrets) {
        this(config.signingKey(), secrets.keyedHash(PURPOSE, "ed25519"));
    }

    /** The signer of the configured key or, without one, of the seed derived from the secret (64 hex digits). */
    TreeHeadSigner(Optional<String> signingKey, String derivedSeedHex) {
        byte[] seed = signingKey.map(TreeHeadSigner::decodeSeed)
                .orElseGet(() -> HexFormat.of().parseHex(derivedSeedHex));
        this.keys = keyPair(seed);
        this.publicKey = Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
        this.keyId = Secrets.sha256Hex(keys.getPublic().getEncoded()).substring(0, 16);
    }

    /** The tree head as signed: one line per field, so that any tool can rebuild it. */
    public static String signedText(long treeSize, String rootHash, Instant signedAt) {
        return "dsr-audit-tree-head/v1\n" + treeSize + "\n" + rootHash + "\n"
                + signedAt.truncatedTo(ChronoUnit.MICROS) + "\n";
    }

    /** The signature (base64) of the tree head. */
    public String sign(long treeSize, String rootHash, Instant signedAt) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(keys.getPrivate());
            signature.update(signedText(treeSize, rootHash, signedAt).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    /** Whether {@code signature} is this service's signature of the tree head. */
    public boolean verify(long treeSize, String rootHash, Instant signedAt, String signature) {
        return verify(publicKey, treeSize, rootHash, signedAt, signature);
    }

    /** Whether {@code signature} is the signature of the tree head by the holder of {@code publicKey}. */
    public static boolean verify(String publicKey, long treeSize, String rootHash, Instant signedAt, String signature) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
            Signature check = Signature.getInstance("Ed25519");
            check.initVerify(key);
            check.update(signedText(treeSize, rootHash, signedAt).getBytes(StandardCharsets.UTF_8));
            return check.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The public key, X.509 SubjectPublicKeyInfo in base64. */
    public String publicKey() {
        return publicKey;
    }

    /** A short name of the key: the first 16 hex digits of the SHA-256 of the public key. */
    public String keyId() {
        return keyId;
    }

    private static byte[] decodeSeed(String base64) {
        byte[] seed;
        try {
            seed = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dsr.audit.signing-key is not base64", e);
        }
        if (seed.length != 32) {
            throw new IllegalArgumentException("dsr.audit.signing-key must be 32 bytes, base64 (openssl rand -base64 32)");
        }
        return seed;
    }

    /** The Ed25519 key pair of a seed: the generator takes the seed as its 32 random bytes. */
    private static KeyPair keyPair(byte[] seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
                }
            });
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }
}
