package kz.region715.dsr.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Tree-head signatures: one key per seed on every replica, and a signature that fits only its own head. */
class TreeHeadSignerTest {

    private static final String HASH = "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b";
    private static final Instant AT = Instant.parse("2026-12-07T08:00:00.123456Z");

    /** The signer a service with {@code secret} (and {@code signingKey}, when set) has. */
    private static TreeHeadSigner signer(String secret, String signingKey) {
        return new TreeHeadSigner(Optional.ofNullable(signingKey), hmac(secret));
    }

    private static String hmac(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(TreeHeadSigner.PURPOSE.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal("ed25519".getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theSameSecretGivesTheSameKeyAndItsSignatureChecksOnlyItsOwnHead() {
        TreeHeadSigner one = signer("a-secret-of-at-least-thirty-two-characters", null);
        TreeHeadSigner again = signer("a-secret-of-at-least-thirty-two-characters", null);
        TreeHeadSigner other = signer("another-secret-of-at-least-thirty-two-chars", null);
        assertThat(again.publicKey()).isEqualTo(one.publicKey());
        assertThat(other.publicKey()).isNotEqualTo(one.publicKey());
        assertThat(one.keyId()).hasSize(16);

        String signature = one.sign(42, HASH, AT);
        assertThat(again.verify(42, HASH, AT, signature)).isTrue();
        assertThat(TreeHeadSigner.verify(one.publicKey(), 42, HASH, AT, signature)).isTrue();
        assertThat(one.verify(43, HASH, AT, signature)).as("another size").isFalse();
        assertThat(one.verify(42, HASH.replace('3', '4'), AT, signature)).as("another hash").isFalse();
        assertThat(one.verify(42, HASH, AT.plusNanos(1000), signature)).as("another time").isFalse();
        assertThat(other.verify(42, HASH, AT, signature)).as("another key").isFalse();
        assertThat(one.verify(42, HASH, AT, "not base64!")).isFalse();
        assertThat(TreeHeadSigner.signedText(42, HASH, AT))
                .isEqualTo("dsr-audit-tree-head/v1\n42\n" + HASH + "\n2026-12-07T08:00:00.123456Z\n");
    }

    @Test
    void aConfiguredKeyIsUsedAndAMalformedOneRefused() {
        String seed = Base64.getEncoder().encodeToString(new byte[32]);
        TreeHeadSigner configured = signer("a-secret-of-at-least-thirty-two-characters", seed);
        TreeHeadSigner sameSeed = signer("another-secret-of-at-least-thirty-two-chars", seed);
        assertThat(configured.publicKey()).isEqualTo(sameSeed.publicKey());
        assertThat(configured.publicKey())
                .isNotEqualTo(signer("a-secret-of-at-least-thirty-two-characters", null).publicKey());
        assertThatThrownBy(() -> signer("a-secret-of-at-least-thirty-two-characters", "c2hvcnQ="))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> signer("a-secret-of-at-least-thirty-two-characters", "%%%"))
                .hasMessageContaining("base64");
    }
}
