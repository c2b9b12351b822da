package kz.region715.dsr.support;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The audit trail as an auditor exports it, for assertions on what a flow recorded. */
public final class AuditLog {

    private AuditLog() {
    }

    /** The NDJSON lines of the export for the given query string (e.g. {@code request=DSR-…}). */
    public static List<String> lines(String query) {
        String body = given().auth().preemptive().basic("auditor", "auditor").accept("application/x-ndjson")
                .get("/api/v1/audit/events?" + query).then().statusCode(200).extract().asString();
        return body.isEmpty() ? List.of() : List.of(body.split("\n"));
    }

    /** The event types of a request's events. */
    public static Set<String> typesOf(String reference) {
        return lines("request=" + reference).stream().map(l -> l.replaceAll(".*\"type\":\"([A-Z_]+)\".*", "$1"))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
