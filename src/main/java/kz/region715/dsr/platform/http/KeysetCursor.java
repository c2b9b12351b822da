package kz.region715.dsr.platform.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import kz.region715.dsr.platform.time.DateBounds;
import java.util.Base64;
import java.util.UUID;
import kz.region715.dsr.platform.domain.DomainRuleViolation;

/** Where a page ended, for keyset pagination on (instant, id). Opaque to clients. */
public record KeysetCursor(Instant at, UUID id) {

    public String encode() {
        String raw = at.getEpochSecond() + ":" + at.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws DomainRuleViolation INVALID, naming the {@code cursor} parameter, when it is not one of ours */
    public static KeysetCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            if (parts.length != 3) {
                throw new IllegalArgumentException("cursor");
            }
            Instant at = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            if (at.isBefore(DateBounds.MIN_INSTANT) || at.isAfter(DateBounds.MAX_INSTANT)) {
                throw new IllegalArgumentException("cursor");
            }
            return new KeysetCursor(at, UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw DomainRuleViolation.invalidField("cursor", "is not a cursor from a previous page");
        }
    }
}
