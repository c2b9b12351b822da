package kz.region715.dsr.platform.problem;

import java.util.List;
import java.util.Map;

/** Builds problem bodies for code outside the JAX-RS exception mappers (HTTP filters). */
public final class Problems {

    private Problems() {
    }

    public static Problem of(int status, String slug, String title, String detail, String instance) {
        return new Problem(slug, title, status, detail, instance, List.of(), Map.of());
    }

    /** The 503 of a database outage: the client may simply try again; nothing of the error is quoted. */
    public static Problem databaseUnavailable(String instance) {
        return of(503, "service-unavailable", "Service unavailable",
                "The service is briefly unavailable; try again shortly.", instance);
    }

    /** The 400 of one invalid field, as the exception mappers answer it. */
    public static Problem invalidField(String field, String message) {
        return new Problem("validation", "Invalid request", 400, "1 field is invalid", null,
                List.of(new Problem.FieldError(field, message)), Map.of());
    }
}
