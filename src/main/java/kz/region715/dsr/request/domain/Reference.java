package kz.region715.dsr.request.domain;

import java.util.regex.Pattern;

/** The human-readable reference of a request: {@code DSR-2026-000042}. */
public record Reference(String value) {

    private static final Pattern FORMAT = Pattern.compile("DSR-\\d{4}-\\d{6,}");

    public Reference {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a request reference");
        }
    }

    /** Builds the reference from the year of receipt and a number from a database sequence. */
    public static Reference of(int year, long number) {
        if (number < 1) {
            throw new IllegalArgumentException("reference numbers start at 1");
        }
        return new Reference("DSR-%04d-%06d".formatted(year, number));
    }

    @Override
    public String toString() {
        return value;
    }
}
