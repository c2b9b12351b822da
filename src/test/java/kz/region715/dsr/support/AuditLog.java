package kz.region715.dsr.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.Arc;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import kz.region715.dsr.platform.audit.AuditSequencer;

/** The audit trail as an auditor exports it, for assertions on what a flow recorded. */
public final class AuditLog {

    private AuditLog() {
    }

    /**
     * Puts every pending event into the hash chain now, as the scheduled sequencer would within a second: the test
     * profile schedules none, so that what a test reads does not move under it. How many events it sequenced.
     */
    public static long sequence() {
        return Arc.container().instance(AuditSequencer.class).get().sequencePending();
    }

    /** An auditor's request, made after the pending events are sequenced. */
    public static RequestSpecification asAuditor() {
        sequence();
        return given().auth().preemptive().basic("auditor", "auditor");
    }

    /** The NDJSON lines of the export for the given query string (e.g. {@code request=DSR-…}), after sequencing. */
    public static List<String> lines(String query) {
        String body = asAuditor().accept("application/x-ndjson").get("/api/v1/audit/events?" + query).then()
                .statusCode(200).extract().asString();
        return body.isEmpty() ? List.of() : List.of(body.split("\n"));
    }

    /** The event types of a request's events. */
    public static Set<String> typesOf(String reference) {
        return types(lines("request=" + reference));
    }

    /** The event types of export lines. */
    public static Set<String> types(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll(".*\"type\":\"([A-Z_]+)\".*", "$1"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Runs docs/audit/VerifyAuditExport.java on an NDJSON export as an auditor would
     * ({@code java VerifyAuditExport.java file [options]}) and returns what it printed.
     */
    public static String verifyOffline(Path export, String... options) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "docs/audit/VerifyAuditExport.java",
                export.toString()));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output.strip();
    }
}
