package kz.region715.dsr.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Scenario 5: two instances on one database and one SMTP server; one gets SIGTERM (a rolling update) in the middle
 * of executions and mail sending. The other takes over within seconds; every execution and every mail happens
 * exactly once; each execution the stopped instance held has its interrupted try on the audit trail
 * (EXECUTION_ATTEMPT_FAILED). Leases stay at production's values (executions 5 min, outbox 2 min): a graceful
 * shutdown must hand its claims back, not leave them to expire. Executions go in batches of 10 leads so that each
 * takes several transactions.
 */
class TwoInstancesIT {

    private static final int SUBJECTS = 120;
    private static final int LEADS_EACH = 100;
    private static final Duration TAKEOVER = Duration.ofSeconds(30);
    private final Figures figures = new Figures("5 two instances, SIGTERM to one");

    @Test
    void theOtherInstanceTakesOverAndEverythingHappensOnce() throws Exception {
        try (Rig rig = new Rig("s5")) {
            // Production leases (the takeover must not wait for them); a mail whose send fails or times out on this
            // loaded machine is retried within seconds, as in scenario 2, so that the window measures the takeover.
            // Batches of 2 make an execution 50 transactions, so that SIGTERM finds executions half done (set-based
            // batches of 10 finished five batches before the stop took effect, leaving nothing to take over).
            Map<String, String> env = Map.of("DSR_EXECUTION_BATCH", "2", "DSR_OUTBOX_INITIAL_BACKOFF", "PT2S",
                    "DSR_OUTBOX_MAX_BACKOFF", "PT4S");
            App stopped = rig.start("s5-app-a", env);
            App survivor = rig.start("s5-app-b", env);
            Api api = new Api(survivor);
            List<String> emails = new ArrayList<>();
            List<Map<String, Object>> leads = new ArrayList<>();
            for (int s = 0; s < SUBJECTS; s++) {
                String email = Api.newEmail();
                emails.add(email);
                for (int i = 0; i < LEADS_EACH; i++) {
                    leads.add(Api.lead(email, s * LEADS_EACH + i));
                }
            }
            api.ingest(leads);
            List<String> ids = new ArrayList<>();
            for (String email : emails) {
                ids.add(api.fileOk("DELETION", email));
            }
            for (int s = 0; s < SUBJECTS; s++) {
                api.verify(ids.get(s), emails.get(s), rig.mail);
            }
            AtomicReference<Throwable> approvalFailure = new AtomicReference<>();
            Thread approvals = Thread.ofPlatform().name("approvals").start(() -> {
                try {
                    ids.forEach(api::approve);
                } catch (Throwable e) {
                    approvalFailure.set(e);
                }
            });
            String done = "select count(*) from execution where status = 'DONE'";
            Await.until("some executions done", Duration.ofSeconds(120), () -> rig.count(done) >= 10);
            Map<String, String> heldAtKill = held(rig);
            long doneAtKill = rig.count(done);
            long pendingMailAtKill = rig.count("select count(*) from outbox_message where status = 'PENDING'");
            long killAt = System.nanoTime();
            stopped.terminate();
            Duration shutdown = Duration.ofNanos(System.nanoTime() - killAt);
            approvals.join(Duration.ofSeconds(120));
            assertThat(approvalFailure.get()).as("approvals through the surviving instance").isNull();

            // Owners whose claims are renewed after the SIGTERM are alive; the others were the stopped instance's.
            Map<String, String> leaseAtKill = leases(rig);
            Set<String> alive = new HashSet<>();
            Await.sleep(Duration.ofSeconds(3));
            leases(rig).forEach((execution, lease) -> {
                String before = leaseAtKill.get(execution);
                if (before == null || lease.compareTo(before) > 0) {
                    alive.add(lease.substring(lease.indexOf('|') + 1));
                }
            });
            List<String> interrupted = heldAtKill.entrySet().stream().filter(e -> !alive.contains(e.getValue()))
                    .map(Map.Entry::getKey).toList();

            Duration takeover;
            try {
                takeover = Await.until("every execution done and the outbox drained", TAKEOVER,
                        () -> rig.count(done) == SUBJECTS
                                && rig.count("select count(*) from outbox_message where status <> 'SENT'") == 0);
            } finally {
                figures.print("SIGTERM with %d of %d executions done, %d held (%d by the stopped instance), %d mails"
                                + " pending; shutdown took %d ms; after %d s: executions %s, outbox %s (not sent: kind,"
                                + " attempts, last error)",
                        doneAtKill, SUBJECTS, heldAtKill.size(), interrupted.size(), pendingMailAtKill,
                        shutdown.toMillis(), TAKEOVER.toSeconds(),
                        rig.column("select status || '=' || count(*) from execution group by status"),
                        rig.column("select status || '=' || count(*) from outbox_message group by status")
                                + " " + rig.column("select kind || ' attempts ' || attempts || ': ' || coalesce(last_error, '-')"
                                + " from outbox_message where status <> 'SENT'"));
            }
            Await.sleep(Duration.ofSeconds(2)); // doubles would come within two polls
            Map<String, Long> perSubject = rig.mail.countByRecipient();
            long lostMails = emails.stream().filter(e -> perSubject.getOrDefault(e, 0L) < 3).count();
            long doubledMails = emails.stream().filter(e -> perSubject.getOrDefault(e, 0L) > 3).count();
            long doubledItems = rig.count("select count(*) from (select lead_id from execution_item group by lead_id"
                    + " having count(*) > 1) d");
            long items = rig.count("select count(*) from execution_item");
            long anonymised = rig.count("select count(*) from lead where anonymised_at is not null");
            rig.awaitSequenced();
            long events = rig.count("select count(*) from audit_event where event_type = 'LEAD_ANONYMISED'");
            long doubledEvents = rig.count("select count(*) from (select substring(canonical from"
                    + " '\"lead\":\"([0-9a-f-]{36})\"') from audit_event where event_type = 'LEAD_ANONYMISED'"
                    + " group by 1 having count(*) > 1) d");
            long completions = rig.count("select count(*) from outbox_message where kind = 'COMPLETION'");
            // A held execution the stopped instance finished while shutting down (its last batch) had no try cut;
            // every one another instance had to try again must have its interrupted try on the trail. Taken from
            // the executions themselves: between the snapshot of the claims above and the SIGTERM the stopped
            // instance may finish those and claim others, which are then the ones it hands back.
            List<String> takenOver = rig.column("select id from execution where attempts > 1");
            long withoutRecord = takenOver.stream().filter(execution -> rig.count("select count(*) from audit_event"
                    + " where event_type = 'EXECUTION_ATTEMPT_FAILED' and canonical like '%" + execution + "%'") == 0)
                    .count();
            String chain = api.chainStatus();
            figures.print("took over in %d ms; items %d (leads twice %d), anonymised %d of %d, LEAD_ANONYMISED %d"
                            + " (leads twice %d); completion mails queued %d; subjects missing mail %d, doubled mail"
                            + " %d; taken-over executions without EXECUTION_ATTEMPT_FAILED %d of %d; chain %s",
                    takeover.toMillis(), items, doubledItems, anonymised, SUBJECTS * LEADS_EACH, events, doubledEvents,
                    completions, lostMails, doubledMails, withoutRecord, takenOver.size(), chain);
            assertThat(items).as("execution items").isEqualTo(SUBJECTS * LEADS_EACH);
            assertThat(doubledItems).as("leads handled twice").isZero();
            assertThat(anonymised).as("leads anonymised").isEqualTo(SUBJECTS * LEADS_EACH);
            assertThat(events).as("LEAD_ANONYMISED events").isEqualTo(SUBJECTS * LEADS_EACH);
            assertThat(doubledEvents).as("leads with two LEAD_ANONYMISED events").isZero();
            assertThat(completions).as("completion mails queued").isEqualTo(SUBJECTS);
            assertThat(lostMails).as("subjects missing a mail").isZero();
            assertThat(doubledMails).as("subjects with a mail twice").isZero();
            assertThat(interrupted).as("the SIGTERM came while the stopped instance held executions").isNotEmpty();
            assertThat(takenOver).as("executions the other instance had to take over").isNotEmpty();
            assertThat(withoutRecord).as("interrupted tries missing from the audit trail").isZero();
            assertThat(chain).as("audit chain").isEqualTo("OK");
        }
    }

    /** Running executions with a live claim: id to owner. */
    private static Map<String, String> held(Rig rig) {
        Map<String, String> held = new HashMap<>();
        for (String row : rig.column("select id || '|' || lease_owner from execution where status = 'RUNNING'"
                + " and lease_owner is not null and lease_until > now()")) {
            held.put(row.substring(0, row.indexOf('|')), row.substring(row.indexOf('|') + 1));
        }
        return held;
    }

    /** Every claim: id to "lease_until|owner" (comparable as text: fixed-width ISO timestamps). */
    private static Map<String, String> leases(Rig rig) {
        Map<String, String> leases = new HashMap<>();
        for (String row : rig.column("select id || '#' || to_char(lease_until at time zone 'UTC',"
                + " 'YYYY-MM-DD HH24:MI:SS.US') || '|' || lease_owner from execution where lease_owner is not null")) {
            leases.put(row.substring(0, row.indexOf('#')), row.substring(row.indexOf('#') + 1));
        }
        return leases;
    }
}
