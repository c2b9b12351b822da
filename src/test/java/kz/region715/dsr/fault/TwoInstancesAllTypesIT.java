package kz.region715.dsr.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kz.region715.dsr.platform.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged service on one database and one SMTP server, every request going through both of
 * them in turn: 200 requests of all five types are filed through one, verified through the other and approved
 * through the first; officers' deadline alerts come from both instances' watches. Everything must happen exactly
 * once: each execution and each lead's item, each subject's mail, each erasure notice to a recipient, each alert;
 * the audit chain verifies. Then a large erasure is cut by a SIGTERM to the instance carrying it and the other one
 * finishes it, with no lead done twice.
 */
class TwoInstancesAllTypesIT {

    private static final List<String> TYPES = List.of("ACCESS", "CORRECTION", "RESTRICTION", "WITHDRAWAL", "DELETION");
    private static final int REQUESTS = 200;
    private static final int OPEN_CASES = 10;
    private static final int LARGE_ERASURE = 5_000;
    private final Figures figures = new Figures("8 two instances, 200 requests of all types");

    @Test
    void everyExecutionMailNoticeAndAlertHappensOnceAcrossTwoInstances() throws Exception {
        try (Rig rig = new Rig("s8")) {
            Map<String, String> env = Map.of("DSR_CASEWORK_WATCH_INTERVAL", "1s", "DSR_OUTBOX_INITIAL_BACKOFF", "PT2S",
                    "DSR_OUTBOX_MAX_BACKOFF", "PT4S");
            App first = rig.start("s8-app-a", env);
            App second = rig.start("s8-app-b", env);
            List<Api> apis = List.of(new Api(first), new Api(second));

            // Each subject has a web-form lead; a deletion's subject has also disclosed it to a recipient.
            List<String> emails = new ArrayList<>();
            List<Map<String, Object>> leads = new ArrayList<>();
            for (int i = 0; i < REQUESTS + OPEN_CASES; i++) {
                String email = Api.newEmail();
                emails.add(email);
                leads.add(Api.lead(email, i));
            }
            List<String> leadIds = apis.get(0).ingest(leads);
            int notices = 0;
            for (int i = 0; i < REQUESTS; i++) {
                if (type(i).equals("DELETION")) {
                    apis.get(i % 2).post("/api/v1/leads/" + leadIds.get(i) + "/disclosures", Map.of(
                            "recipient", "Courier " + i, "recipientEmail", "courier-" + i + "@example.kz",
                            "purpose", "Delivery of the offer", "legalBasis", "Consent, policy 6.2",
                            "disclosedOn", "2026-03-05"), Roles.OFFICER, Map.of()).expect(201);
                    notices++;
                }
            }

            // Filed through one instance, verified through the other, approved through the first.
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < REQUESTS + OPEN_CASES; i++) {
                String type = i < REQUESTS ? type(i) : "CORRECTION";
                ids.add(apis.get(i % 2).post("/api/v1/requests", body(type, emails.get(i)), null, Map.of())
                        .expect(202).json().path("id").asText());
            }
            for (int i = 0; i < ids.size(); i++) {
                apis.get((i + 1) % 2).verify(ids.get(i), emails.get(i), rig.mail);
            }
            for (int i = 0; i < REQUESTS; i++) {
                apis.get(i % 2).approve(ids.get(i));
            }

            String done = "select count(*) from execution where status = 'DONE'";
            String openAlerted = "select count(*) from deadline_alert a join subject_request r on r.id = a.request_id"
                    + " where r.status = 'OPEN'";
            Duration took = Await.until("200 executions done, the open cases alerted, the outbox drained",
                    Duration.ofSeconds(180), () -> rig.count(done) == REQUESTS && rig.count(openAlerted) == OPEN_CASES
                            && rig.count("select count(*) from outbox_message where status <> 'SENT'") == 0);
            Await.sleep(Duration.ofSeconds(3)); // a double would come within a few polls

            long executions = rig.count("select count(*) from execution");
            long executionsTwice = rig.count("select count(*) from (select request_id from execution group by"
                    + " request_id having count(*) > 1) d");
            long itemsTwice = rig.count("select count(*) from (select execution_id, lead_id from execution_item"
                    + " group by 1, 2 having count(*) > 1) d");
            long mailTwice = rig.count("select count(*) from (select request_id, kind from outbox_message"
                    + " where request_id is not null and kind <> 'ERASURE_NOTICE' group by 1, 2 having count(*) > 1) d");
            long outboxSent = rig.count("select count(*) from outbox_message where status = 'SENT'");
            List<Mailbox.Received> received = rig.mail.all();
            long noticesSent = rig.count("select count(*) from outbox_message where kind = 'ERASURE_NOTICE'");
            Map<String, Long> noticesByRecipient = received.stream()
                    .filter(m -> m.to().stream().anyMatch(to -> to.startsWith("courier-")))
                    .collect(Collectors.groupingBy(m -> m.to().getFirst(), Collectors.counting()));
            long alerts = rig.count("select count(*) from deadline_alert");
            long alertsTwice = rig.count("select count(*) from (select request_id, threshold, due_at from"
                    + " deadline_alert group by 1, 2, 3 having count(*) > 1) d");
            List<String> openReferences = rig.column("select reference from subject_request where status = 'OPEN'");
            Map<String, Long> alertedIn = new HashMap<>();
            for (Mailbox.Received mail : received) {
                for (String reference : openReferences) {
                    boolean toStaff = mail.to().stream().noneMatch(to -> emails.contains(to) || to.startsWith("courier-"));
                    if (toStaff && mail.text().contains(reference)) {
                        alertedIn.merge(reference, 1L, Long::sum);
                    }
                }
            }
            String chain = apis.get(1).chainStatus();
            figures.print("done in %d s: executions %d (requests with two %d), leads done twice %d; mails sent %d,"
                            + " received %d, (request, kind) twice %d; erasure notices %d of %d, recipients with"
                            + " two %d; deadline alerts %d (twice %d) for %d open cases, each in %s staff mail(s);"
                            + " chain %s",
                    took.toSeconds(), executions, executionsTwice, itemsTwice, outboxSent, received.size(), mailTwice,
                    noticesSent, notices, noticesByRecipient.values().stream().filter(n -> n > 1).count(), alerts,
                    alertsTwice, openReferences.size(), alertedIn.values().stream().distinct().toList(), chain);
            assertThat(executions).as("executions").isEqualTo(REQUESTS);
            assertThat(executionsTwice).as("requests executed twice").isZero();
            assertThat(itemsTwice).as("leads done twice").isZero();
            assertThat(mailTwice).as("a subject's mail of one kind queued twice").isZero();
            assertThat((long) received.size()).as("mails received, one per message sent").isEqualTo(outboxSent);
            assertThat(noticesSent).as("erasure notices").isEqualTo(notices);
            assertThat(noticesByRecipient).as("recipients noticed").hasSize(notices)
                    .allSatisfy((recipient, count) -> assertThat(count).as(recipient).isEqualTo(1));
            assertThat(openReferences).as("cases left open for the deadline watch").hasSize(OPEN_CASES);
            assertThat(alertsTwice).as("alerts claimed twice").isZero();
            assertThat(alertedIn).as("open cases in a staff mail").containsOnlyKeys(openReferences)
                    .allSatisfy((reference, count) -> assertThat(count).as(reference).isEqualTo(1));
            assertThat(chain).as("audit chain").isEqualTo("OK");

            // A large erasure cut by a SIGTERM to the instance carrying it; the other one finishes it.
            String email = Api.newEmail();
            List<Map<String, Object>> many = new ArrayList<>();
            for (int i = 0; i < LARGE_ERASURE; i++) {
                many.add(Api.lead(email, 1_000_000 + i));
            }
            apis.get(0).ingest(many);
            String large = apis.get(1).approved("DELETION", email, rig.mail);
            String items = "select count(*) from execution_item i join execution e on e.id = i.execution_id"
                    + " where e.request_id = '" + large + "'";
            Await.until("the large erasure under way", Duration.ofSeconds(60), () -> rig.count(items) >= 200);
            String owner = rig.column("select coalesce(lease_owner, '') from execution where request_id = '" + large
                    + "'").getFirst();
            // Each instance's worker names itself in its log ("Execution worker worker-…: N executions run").
            App carrier = Files.readString(first.log()).contains(owner) ? first : second;
            App other = carrier == first ? second : first;
            carrier.terminate();
            long itemsAtStop = rig.count(items);
            Await.until("the large erasure finished by the other instance", Duration.ofSeconds(120),
                    () -> rig.count("select count(*) from execution where status = 'DONE' and request_id = '"
                            + large + "'") == 1);
            long largeItems = rig.count(items);
            long largeTwice = rig.count("select count(*) from (select lead_id from execution_item i join execution e"
                    + " on e.id = i.execution_id where e.request_id = '" + large + "' group by lead_id"
                    + " having count(*) > 1) d");
            long attempts = rig.count("select attempts from execution where request_id = '" + large + "'");
            String chainAfter = new Api(other).chainStatus();
            figures.print("large erasure of %d leads: SIGTERM to %s (worker %s) with %d done; finished by %s in try"
                            + " %d: items %d, leads twice %d; chain %s", LARGE_ERASURE, carrier.name(), owner,
                    itemsAtStop, other.name(), attempts, largeItems, largeTwice, chainAfter);
            assertThat(owner).as("the large erasure's worker").isNotEmpty();
            assertThat(itemsAtStop).as("cut in the middle").isLessThan(LARGE_ERASURE);
            assertThat(largeItems).as("items of the large erasure").isEqualTo(LARGE_ERASURE);
            assertThat(largeTwice).as("leads of the large erasure done twice").isZero();
            assertThat(attempts).as("tries: the interrupted one and the other instance's").isGreaterThanOrEqualTo(2);
            assertThat(chainAfter).as("audit chain").isEqualTo("OK");
        }
    }

    private static String type(int i) {
        return TYPES.get(i % TYPES.size());
    }

    private static Map<String, Object> body(String type, String email) {
        Map<String, Object> body = new HashMap<>(Map.of("type", type, "email", email, "name", "Aigerim Serikova",
                "locale", "en"));
        switch (type) {
            case "CORRECTION" -> body.put("correction", Map.of("changes",
                    List.of(Map.of("field", "NAME", "newValue", "Aigerim S. Serikova")),
                    "explanation", "My name is written in full."));
            case "RESTRICTION" -> body.put("restriction", Map.of("reason", "I dispute the accuracy of my data."));
            case "WITHDRAWAL" -> body.put("withdrawal", Map.of("scope", "ALL"));
            case "DELETION" -> body.put("deletion", Map.of("scope", "ALL"));
            default -> { }
        }
        return body;
    }
}
