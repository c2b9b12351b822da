package kz.region715.dsr.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scenario 4: PostgreSQL is stopped and started again while a worker holds an execution. The try fails cleanly
 * (recorded as EXECUTION_ATTEMPT_FAILED), is retried after the backoff (2 s here) and completes once. The claim's
 * lease stays at production's 5 minutes: the retry must not wait for it. The outbox's lease is 20 s here (production:
 * 2 minutes): a claim whose commit was acknowledged by a database that then went away is taken again only when its
 * lease ends, and the completion mail may queue behind such a claim.
 */
class DatabaseRestartDuringExecutionIT {

    private static final int LEADS = 5_000;
    private final Figures figures = new Figures("4 PostgreSQL restarted during an execution");

    @Test
    void theInterruptedTryIsRetriedAndCompletesOnce() {
        try (Rig rig = new Rig("s4")) {
            // Batches of 25 make the erasure take long enough (~200 transactions) for the stop to land within it.
            App app = rig.start("s4-app", Map.of("DSR_EXECUTION_INITIAL_BACKOFF", "PT2S", "DSR_EXECUTION_BATCH", "25",
                    "DSR_OUTBOX_LEASE", "PT20S", "DSR_OUTBOX_INITIAL_BACKOFF", "PT2S"));
            Api api = new Api(app);
            String email = Api.newEmail();
            List<Map<String, Object>> leads = new ArrayList<>();
            for (int i = 0; i < LEADS; i++) {
                leads.add(Api.lead(email, i));
            }
            api.ingest(leads);
            String id = api.approved("DELETION", email, rig.mail);
            String items = "select count(*) from execution_item";
            Await.until("the execution under way", Duration.ofSeconds(60), () -> rig.count(items) > 0);
            rig.pg.stop();
            long stoppedAt = System.nanoTime();
            Await.sleep(Duration.ofSeconds(5)); // the outage
            rig.pg.start();
            long atRestart = rig.count(items);
            long startedAt = System.nanoTime();
            figures.print("database down %d ms with %d of %d leads erased",
                    Duration.ofNanos(startedAt - stoppedAt).toMillis(), atRestart, LEADS);
            assertThat(atRestart).as("the restart came in the middle of the execution").isBetween(1L, LEADS - 1L);
            Duration completed;
            try {
                completed = Await.until("the execution retried and completed", Duration.ofSeconds(90),
                        () -> "COMPLETED".equals(rig.column("select status from subject_request where id = '" + id
                                + "'").getFirst()));
            } finally {
                figures.print("after the restart: execution %s, attempts %s, last error %s, items %d",
                        rig.column("select status from execution where request_id = '" + id + "'"),
                        rig.column("select attempts from execution where request_id = '" + id + "'"),
                        rig.column("select last_error from execution where request_id = '" + id + "'"),
                        rig.count(items));
            }
            try {
                Await.until("the completion mail", Duration.ofSeconds(60), () -> rig.mail.to(email).size() >= 3);
            } finally {
                figures.print("mail to the subject: received %d; outbox (kind status attempts last error leased) %s",
                        rig.mail.to(email).size(), rig.column("select kind || ' ' || status || ' ' || attempts || ' '"
                                + " || coalesce(last_error, '-') || ' ' || (lease_until is not null)"
                                + " from outbox_message where request_id = '" + id + "' order by created_at"));
            }
            Await.sleep(Duration.ofSeconds(2));
            Erasure end = Erasure.of(rig, id, email, List.of());
            String chain = api.chainStatus();
            figures.print("completed %d ms after the database returned; ready %d; %s; chain %s",
                    completed.toMillis(), app.readiness(), end.figures(), chain);
            end.assertExactlyOnce(LEADS);
            assertThat(end.attemptFailedEvents()).as("the failed try on the audit trail").isPositive();
            assertThat(chain).as("audit chain").isEqualTo("OK");
        }
    }
}
