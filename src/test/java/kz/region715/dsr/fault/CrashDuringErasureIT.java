package kz.region715.dsr.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scenario 3: the application is killed (SIGKILL) while it erases a subject's 20,000 leads, and started again.
 * The end state equals an uninterrupted run's: every lead of the subject erased once, with one item and one audit
 * event, other leads untouched, one completion mail, and the audit chain intact. A killed worker cannot release
 * its claim, so the claim's lease is 20 s here (renewed on every batch of 200) instead of production's 5 minutes.
 */
class CrashDuringErasureIT {

    private static final int LEADS = 20_000;
    private static final int OTHER_LEADS = 100;
    private final Figures figures = new Figures("3 SIGKILL during an erasure of 20,000 leads");

    @Test
    void aKilledErasureResumesAndEndsAsAnUninterruptedOne() {
        try (Rig rig = new Rig("s3")) {
            Map<String, String> env = Map.of("DSR_EXECUTION_LEASE", "PT20S");
            App app = rig.start("s3-app", env);
            Api api = new Api(app);
            String email = Api.newEmail();
            List<Map<String, Object>> leads = new ArrayList<>();
            for (int i = 0; i < LEADS; i++) {
                leads.add(Api.lead(email, i));
            }
            long ingestStart = System.nanoTime();
            api.ingest(leads);
            List<Map<String, Object>> others = new ArrayList<>();
            for (int i = 0; i < OTHER_LEADS; i++) {
                others.add(Api.lead(Api.newEmail(), LEADS + i));
            }
            List<String> otherIds = api.ingest(others);
            Duration ingest = Duration.ofNanos(System.nanoTime() - ingestStart);

            String id = api.fileOk("DELETION", email);
            api.verify(id, email, rig.mail);
            // The acknowledgement is sent before the kill: a mail the killed instance had claimed but not sent waits
            // for its lease (2 minutes) before another instance sends it, which is not what this scenario measures.
            Await.until("the acknowledgement mail", Duration.ofSeconds(60), () -> rig.mail.to(email).size() >= 2);
            api.approve(id);
            long approvedAt = System.nanoTime();
            String items = "select count(*) from execution_item";
            Await.until("some leads erased", Duration.ofSeconds(120), () -> rig.count(items) >= 2_000);
            app.kill();
            long atKill = rig.count(items);
            figures.print("ingested %d + %d leads in %d s; killed %d ms after approval with %d of %d leads erased",
                    LEADS, OTHER_LEADS, ingest.toSeconds(), Duration.ofNanos(System.nanoTime() - approvedAt).toMillis(),
                    atKill, LEADS);
            assertThat(atKill).as("the kill came in the middle of the erasure").isBetween(1L, LEADS - 1L);

            long restartAt = System.nanoTime();
            App again = rig.restart(app, "s3-app-restarted");
            Await.until("the erasure completed after the restart", Duration.ofSeconds(180),
                    () -> "COMPLETED".equals(rig.column("select status from subject_request where id = '" + id + "'")
                            .getFirst()));
            Duration resumed = Duration.ofNanos(System.nanoTime() - restartAt);
            Await.until("the completion mail", Duration.ofSeconds(30), () -> rig.mail.to(email).size() >= 3);
            Await.sleep(Duration.ofSeconds(2)); // a second completion mail would follow within two polls
            Erasure end = Erasure.of(rig, id, email, otherIds);
            String chain = new Api(again).chainStatus();
            figures.print("completed %d s after the restart; %s; chain %s", resumed.toSeconds(), end.figures(), chain);
            end.assertExactlyOnce(LEADS);
            assertThat(chain).as("audit chain").isEqualTo("OK");
        }
    }
}
