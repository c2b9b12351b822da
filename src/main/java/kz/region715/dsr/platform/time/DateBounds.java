package kz.region715.dsr.platform.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The instants and dates a client may send, in bodies and in parameters: ISO-8601 text from 1900 to 9999. The
 * edges of {@link Instant} and {@link LocalDate} (year ±1,000,000,000) overflow the database and every calendar
 * computation, and nothing this service records happens outside these years.
 */
public final class DateBounds {

    public static final Instant MIN_INSTANT = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");
    public static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);

    public static final String INSTANT_RULE =
            "must be an ISO-8601 instant from 1900 to 9999, such as 2026-03-27T00:00:00Z";
    public static final String DATE_RULE = "must be an ISO-8601 date from 1900 to 9999, such as 2026-03-27";

    private DateBounds() {
    }

    /** @throws IllegalArgumentException with {@link #INSTANT_RULE}, never quoting the text */
    public static Instant instant(String text) {
        try {
            Instant instant = Instant.parse(text);
            if (instant.isBefore(MIN_INSTANT) || instant.isAfter(MAX_INSTANT)) {
                throw new IllegalArgumentException(INSTANT_RULE);
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(INSTANT_RULE);
        }
    }

    /** @throws IllegalArgumentException with {@link #DATE_RULE}, never quoting the text */
    public static LocalDate date(String text) {
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.isBefore(MIN_DATE) || date.isAfter(MAX_DATE)) {
                throw new IllegalArgumentException(DATE_RULE);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(DATE_RULE);
        }
    }
}
