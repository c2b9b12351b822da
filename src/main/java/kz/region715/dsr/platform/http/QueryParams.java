package kz.region715.dsr.platform.http;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import kz.region715.dsr.platform.problem.Problem;
import kz.region715.dsr.platform.problem.ProblemException;
import kz.region715.dsr.platform.text.Text;
import kz.region715.dsr.platform.time.DateBounds;

/**
 * Parses query parameters taken as strings (so that a bad value is a named
 * 400, not JAX-RS's 404), collects every invalid one, then fails once.
 */
public final class QueryParams {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    public <T> List<T> each(String name, List<String> values, Function<String, T> parse) {
        if (values == null) {
            return List.of();
        }
        List<T> parsed = new ArrayList<>();
        for (String value : values) {
            try {
                parsed.add(parse.apply(value));
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError(name, "is not a known value"));
            }
        }
        return parsed;
    }

    public String text(String name, String value, int max) {
        if (value != null && (Text.isBlank(value) || value.length() > max)) {
            errors.add(new Problem.FieldError(name, "must be 1 to " + max + " characters"));
            return null;
        }
        if (Text.hasForbiddenCharacterInLine(value)) {
            errors.add(new Problem.FieldError(name, Text.FORBIDDEN_CHARACTER));
            return null;
        }
        return value;
    }

    /** The value when it matches {@code regex} whole; otherwise the error {@code message}, never the value. */
    public String matching(String name, String value, String regex, String message) {
        if (value != null && (Text.hasForbiddenCharacterInLine(value) || !value.matches(regex))) {
            errors.add(new Problem.FieldError(name, message));
            return null;
        }
        return value;
    }

    /** Records an error on {@code name} when both ends are given and {@code from} is not before {@code to}. */
    public void ordered(String name, Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new Problem.FieldError(name, "must be before `to`"));
        }
    }

    public Boolean bool(String name, String value) {
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            errors.add(new Problem.FieldError(name, "must be true or false"));
            return null;
        }
        return Boolean.valueOf(value);
    }

    public Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return DateBounds.instant(value);
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(name, DateBounds.INSTANT_RULE));
            return null;
        }
    }

    public LocalDate date(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return DateBounds.date(value);
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(name, DateBounds.DATE_RULE));
            return null;
        }
    }

    public int limit(String value, int defaultLimit, int max) {
        if (value == null) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new Problem.FieldError("limit", "must be a whole number from 1 to " + max));
        return defaultLimit;
    }

    /** @throws ProblemException 400 with every invalid parameter named, if there was any */
    public void done() {
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid request",
                    errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid", errors,
                    Map.of(), Map.of());
        }
    }
}
