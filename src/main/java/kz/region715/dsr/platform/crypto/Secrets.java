package kz.region715.dsr.platform.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Random secrets and their keyed hashes. Only hashes are stored; a stored hash
 * is compared in constant time. A keyed hash (HMAC-SHA-256) rather than a plain
 * one, so that a leaked table of six-digit-code hashes cannot be brute-forced
 * without the key.
 */
@ApplicationScoped
public class Secrets {

    private static final String HMAC = "HmacSHA256";
    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    Secrets(SecretsConfig config) {
        this.key = new SecretKeySpec(config.hmacKey().getBytes(StandardCharsets.UTF_8), HMAC);
    }

    /** A URL-safe random token of 256 bits. */
    public String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A random six-digit code, zero-padded. */
    public String newSixDigitCode() {
        return "%06d".formatted(random.nextInt(1_000_000));
    }

    /** Keyed hash of a value, bound to a purpose so one hash cannot stand in for another. */
    public String keyedHash(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    /** Whether {@code candidate} hashes to {@code storedHash}, compared in constant time. */
    public boolean matches(String purpose, String candidate, String storedHash) {
        if (candidate == null || storedHash == null) {
            return false;
        }
        byte[] expected = storedHash.getBytes(StandardCharsets.US_ASCII);
        byte[] actual = keyedHash(purpose, candidate).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Plain SHA-256 in hex, for fingerprints of non-secret content. */
    public static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
