package kz.region715.dsr.platform.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

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
        return bounded(text, Instant::parse, MIN_INSTANT, MAX_INSTANT, INSTANT_RULE);
    }

    /** @throws IllegalArgumentException with {@link #DATE_RULE}, never quoting the text */
    public static LocalDate date(String text) {
        return bounded(text, LocalDate::parse, MIN_DATE, MAX_DATE, DATE_RULE);
    }

    private static <T extends Comparable<? super T>> T bounded(String text, Function<String, T> parse, T min, T max,
            String rule) {
        T value;
        try {
            value = parse.apply(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(rule);
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(rule);
        }
        return value;
    }
}
