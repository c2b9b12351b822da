package kz.region715.dsr.platform.telegram;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Telegram Login Widget data as Telegram documents (core.telegram.org/widgets/login, "Checking
 * authorization"): the data-check-string is every received field but {@code hash}, as {@code key=value} lines sorted
 * by key and joined by a line feed; its HMAC-SHA-256 under the key SHA-256(bot token), in hexadecimal, must equal
 * {@code hash}; and {@code auth_date} must be recent.
 */
public final class TelegramLogin {

    /** Why widget data was refused (no field values: they are personal data). */
    public enum Refusal { NO_BOT_TOKEN, MALFORMED, WRONG_HASH, STALE }

    /** The outcome: the proven Telegram user id, or why not. */
    public record Check(String userId, Refusal refusal) {
        public boolean proven() {
            return refusal == null;
        }
    }

    private TelegramLogin() {
    }

    public static Check check(Map<String, String> data, String botToken, Duration maxAge, Instant now) {
        if (botToken == null || botToken.isBlank()) {
            return new Check(null, Refusal.NO_BOT_TOKEN);
        }
        String hash = data.get("hash");
        String id = data.get("id");
        String authDate = data.get("auth_date");
        if (hash == null || !hash.matches("[0-9a-fA-F]{64}") || id == null || !id.matches("[1-9][0-9]{0,15}")
                || authDate == null || !authDate.matches("[0-9]{1,12}")) {
            return new Check(null, Refusal.MALFORMED);
        }
        byte[] expected = HexFormat.of().parseHex(sign(data, botToken));
        if (!MessageDigest.isEqual(expected, HexFormat.of().parseHex(hash.toLowerCase()))) {
            return new Check(null, Refusal.WRONG_HASH);
        }
        Instant issued = Instant.ofEpochSecond(Long.parseLong(authDate));
        if (issued.isBefore(now.minus(maxAge)) || issued.isAfter(now.plus(Duration.ofMinutes(5)))) {
            return new Check(null, Refusal.STALE);
        }
        return new Check(id, null);
    }

    /** The hash Telegram would send for {@code data} (tests and the docs' example sign with it). */
    public static String sign(Map<String, String> data, String botToken) {
        String dataCheck = new TreeMap<>(data).entrySet().stream().filter(e -> !e.getKey().equals("hash"))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
        return HexFormat.of().formatHex(hmac(sha256(botToken), dataCheck));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static byte[] hmac(byte[] key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 unavailable", e);
        }
    }
}
