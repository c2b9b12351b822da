package kz.region715.dsr.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tree-head signatures: one key per seed on every replica, and a signature that fits only its own head. */
class TreeHeadSignerTest {

    private static final String HASH = "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b";
    private static final Instant AT = Instant.parse("2026-12-07T08:00:00.123456Z");

    private static final String SEED = "5d0e3b1f9a2c4e77".repeat(4);
    private static final String OTHER_SEED = "9c1f77a04b3e2d10".repeat(4);

    /** The signer of a service whose secret derives {@code derivedSeed} (and of {@code signingKey}, when set). */
    private static TreeHeadSigner signer(String derivedSeed, String signingKey) {
        return new TreeHeadSigner(Optional.ofNullable(signingKey), derivedSeed);
    }

    @Test
    void theSameSeedGivesTheSameKeyAndItsSignatureChecksOnlyItsOwnHead() {
        TreeHeadSigner one = signer(SEED, null);
        TreeHeadSigner again = signer(SEED, null);
        TreeHeadSigner other = signer(OTHER_SEED, null);
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
        TreeHeadSigner configured = signer(SEED, seed);
        TreeHeadSigner sameSeed = signer(OTHER_SEED, seed);
        assertThat(configured.publicKey()).isEqualTo(sameSeed.publicKey());
        assertThat(configured.publicKey())
                .isNotEqualTo(signer(SEED, null).publicKey());
        assertThatThrownBy(() -> signer(SEED, "c2hvcnQ="))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> signer(SEED, "%%%"))
                .hasMessageContaining("base64");
    }
}
