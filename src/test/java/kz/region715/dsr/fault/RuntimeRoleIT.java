package kz.region715.dsr.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Least privilege in the database, as a deployment runs it: the migration Job ({@code java -jar quarkus-run.jar
 * migrate}) migrates as the owner and grants the runtime role; the service runs as the runtime role without
 * migrating, does its whole work (leads, a deletion end to end, mail, the audit trail), and its role can neither
 * change, remove or empty audit events nor alter the table or disable its triggers.
 */
class RuntimeRoleIT {

    private static final String RUNTIME = "dsr_runtime";
    private static final String RUNTIME_PASSWORD = "runtime-password";
    private static final Figures figures = new Figures("6 runtime role");

    @Test
    void theServiceRunsAsARoleThatCannotTouchTheAuditTrail() throws Exception {
        try (Rig rig = new Rig("s6")) {
            rig.pg.createRole(RUNTIME, RUNTIME_PASSWORD);

            // The migration Job: owner credentials, the runtime role to grant; it migrates and exits.
            Map<String, String> migration = rig.environment(Map.of("DB_RUNTIME_ROLE", RUNTIME));
            long start = System.nanoTime();
            int exit = App.runToExit("s6-migrate", migration, Duration.ofSeconds(120), "migrate");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            String migrationLog = Files.readString(App.LOGS.resolve(latestLog("s6-migrate")));
            assertThat(exit).as("exit code of the migration run; see its log").isZero();
            assertThat(migrationLog).contains("Database migrated: schema version").contains("0 migration(s) pending");
            assertThat(rig.count("select count(*) from flyway_schema_history where success and version is null"
                    + " and description = 'runtime role grants'"))
                    .as("the grants applied").isEqualTo(1);

            // The replica: runtime role, no migration at start.
            App app = rig.start("s6-app", Map.of("DB_USER", RUNTIME, "DB_PASSWORD", RUNTIME_PASSWORD,
                    "DB_MIGRATE_AT_START", "false", "DB_RUNTIME_ROLE", RUNTIME));
            Api api = new Api(app);
            String email = Api.newEmail();
            api.ingest(List.of(Api.lead(email, 1), Api.lead(email, 2)));
            String id = api.approved("DELETION", email, rig.mail);
            Await.until("the deletion done", Duration.ofSeconds(60),
                    () -> rig.count("select count(*) from execution where status = 'DONE'") == 1);
            assertThat(rig.count("select count(*) from lead where anonymised_at is not null")).isEqualTo(2);
            assertThat(api.chainStatus()).isEqualTo("OK");
            rig.awaitSequenced();
            long events = rig.count("select count(*) from audit_event");
            long lastSeq = rig.count("select max(seq) from audit_event");

            List<String> refused = new ArrayList<>();
            try (Connection runtime = rig.pg.connect(Rig.DB, RUNTIME, RUNTIME_PASSWORD)) {
                try (Statement read = runtime.createStatement()) {
                    assertThat(read.executeQuery("select count(*) from audit_event").next()).isTrue();
                }
                for (String sql : List.of(
                        "update audit_event set actor = 'someone else' where seq = 1",
                        "delete from audit_event where seq = 1",
                        "truncate audit_event",
                        "alter table audit_event disable trigger user",
                        "alter table audit_event add column note text",
                        "drop table audit_event",
                        "delete from audit_head",
                        "update audit_tree_head set root_hash = 'x'",
                        "delete from audit_tree_head",
                        "update audit_pending set actor = 'someone else'",
                        "insert into flyway_schema_history (installed_rank, description, type, script, installed_by,"
                                + " execution_time, success) values (999, 'x', 'SQL', 'x', 'x', 0, true)",
                        "create table intruder (id int)")) {
                    SQLException denied = catchThrowableOfType(SQLException.class, () -> {
                        try (Statement s = runtime.createStatement()) {
                            s.execute(sql);
                        }
                    });
                    assertThat((Throwable) denied).as("refused: " + sql).isNotNull();
                    assertThat(denied.getSQLState()).as(sql + ": " + denied.getMessage()).isEqualTo("42501");
                    String[] words = sql.split(" ", 3);
                    refused.add(words[0] + " " + words[1]);
                }
            }
            // Production logs: one JSON object a line, an HTTP request's lines with its trace id, no personal data.
            List<String> lines = Files.readAllLines(app.log());
            List<String> json = lines.stream().filter(l -> l.startsWith("{")).toList();
            assertThat(json).as("JSON log lines").hasSizeGreaterThan(lines.size() / 2);
            assertThat(json).as("the filing's line with its trace id")
                    .anyMatch(l -> l.contains(" filed: DELETION") && l.matches(".*\"traceId\":\"[0-9a-f]{32}\".*"));
            assertThat(lines).as("log lines naming the subject").noneMatch(l -> l.contains(email));
            assertThat(lines).as("Agroal's warning").noneMatch(l -> l.contains("Closing open connection"));

            rig.awaitSequenced();
            // Later events (a mail delivered meanwhile) may follow; those before the attempts are all still there.
            assertThat(rig.count("select count(*) from audit_event where seq <= " + lastSeq))
                    .as("events after the attempts").isEqualTo(events);
            assertThat(api.chainStatus()).isEqualTo("OK");
            figures.print("migration run %d ms (exit %d); as %s the service filed, verified and erased (request %s),"
                            + " %d audit events, chain OK; refused with 42501: %s", took.toMillis(), exit, RUNTIME,
                    id, events, refused);
        }
    }

    /** The log file name of the newest start called {@code name}. */
    private static String latestLog(String name) throws IOException {
        try (var files = Files.list(App.LOGS)) {
            return files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith("-" + name + ".log")).sorted()
                    .reduce((a, b) -> b).orElseThrow();
        }
    }
}
