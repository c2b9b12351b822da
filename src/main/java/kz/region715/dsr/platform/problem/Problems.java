package kz.region715.dsr.platform.problem;

import java.util.List;
import java.util.Map;

/** Builds problem bodies: the plain ones of an HTTP status, shared by the exception mappers and the HTTP edge. */
public final class Problems {

    private Problems() {
    }

    /** The problem of a status that carries nothing more than the status (404, 405, 413…): one text per status. */
    public static Problem ofStatus(int status, String instance) {
        if (status == 503) {
            return databaseUnavailable(instance);
        }
        Plain plain = Plain.of(status);
        return of(status, plain.slug, plain.title, plain.detail, instance);
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

    private enum Plain {
        BAD_REQUEST(400, "bad-request", "Bad request", "The request cannot be understood."),
        FORBIDDEN(403, "forbidden", "Forbidden", "This request is not allowed."),
        NOT_FOUND(404, "not-found", "Not found", "No such resource."),
        NOT_ALLOWED(405, "method-not-allowed", "Method not allowed", "This resource does not support that method."),
        NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable",
                "The resource cannot answer in any of the accepted media types."),
        TOO_LARGE(413, "payload-too-large", "Payload too large", "The request body is too large."),
        URI_TOO_LONG(414, "uri-too-long", "URI too long", "The request's address is too long."),
        UNSUPPORTED(415, "unsupported-media-type", "Unsupported media type", "Send the body as application/json."),
        HEADERS_TOO_LARGE(431, "headers-too-large", "Request header fields too large",
                "The request's headers are too large."),
        NOT_IMPLEMENTED(501, "not-implemented", "Not implemented", "This method is not supported."),
        INTERNAL(500, "internal", "Internal error", "Something went wrong on our side.");

        final int status;
        final String slug;
        final String title;
        final String detail;

        Plain(int status, String slug, String title, String detail) {
            this.status = status;
            this.slug = slug;
            this.title = title;
            this.detail = detail;
        }

        static Plain of(int status) {
            for (Plain plain : values()) {
                if (plain.status == status) {
                    return plain;
                }
            }
            return status >= 500 ? INTERNAL : BAD_REQUEST;
        }
    }
}
