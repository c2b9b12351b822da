package kz.region715.dsr.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import kz.region715.dsr.platform.problem.ProblemException;

/** Which events an export or a verification covers: a time range [from, to), a request, an event type. */
record AuditFilter(Instant from, Instant to, String request, String type) {

    static AuditFilter parse(String from, String to, String request, String type) {
        Instant start = from == null ? null : instant("from", from);
        Instant end = to == null ? null : instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw ProblemException.invalidField("from", "must be before `to`");
        }
        if (request != null && !request.matches("[A-Z0-9-]{1,32}")) {
            throw ProblemException.invalidField("request", "must be a request reference such as DSR-2026-000042");
        }
        if (type != null && !type.matches("[A-Z_]{1,40}")) {
            throw ProblemException.invalidField("type", "must be an event type such as APPROVED");
        }
        return new AuditFilter(start, end, request, type);
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "must be an ISO-8601 instant such as 2026-03-01T00:00:00Z");
        }
    }
}
