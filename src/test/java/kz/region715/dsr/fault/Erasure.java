package kz.region715.dsr.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The end state of a subject's DELETION, read from the database and the mailbox, and the check that every lead
 * was handled exactly once: one execution item and one LEAD_ANONYMISED audit event per lead, all of the subject's
 * leads anonymised and no other, the completion mail queued once, and the subject's three mails (verification,
 * acknowledgement, completion) each received once.
 */
record Erasure(String status, String executionStatus, long items, long distinctItems, long anonymised,
        long othersTouched, long auditEvents, long leadsWithOneEvent, long completionRows, long mailsReceived,
        long attemptFailedEvents) {

    static Erasure of(Rig rig, String requestId, String email, List<String> otherLeads) {
        rig.awaitSequenced();
        String reference = rig.column("select reference from subject_request where id = '" + requestId + "'")
                .getFirst();
        String execution = "(select id from execution where request_id = '" + requestId + "')";
        long others = otherLeads.isEmpty() ? 0 : rig.count("select count(*) from lead where anonymised_at is not null"
                + " and id in (" + otherLeads.stream().map(id -> "'" + id + "'").collect(Collectors.joining(",")) + ")");
        return new Erasure(
                rig.column("select status from subject_request where id = '" + requestId + "'").getFirst(),
                rig.column("select status from execution where request_id = '" + requestId + "'").getFirst(),
                rig.count("select count(*) from execution_item where execution_id = " + execution),
                rig.count("select count(distinct lead_id) from execution_item where execution_id = " + execution),
                rig.count("select count(*) from execution_item i join lead l on l.id = i.lead_id"
                        + " where i.execution_id = " + execution + " and l.anonymised_at is not null"
                        + " and i.outcome = 'ANONYMISED'"),
                others,
                rig.count("select count(*) from audit_event where event_type = 'LEAD_ANONYMISED'"
                        + " and request_ref = '" + reference + "'"),
                rig.count("select count(*) from (select substring(canonical from '\"lead\":\"([0-9a-f-]{36})\"') lead"
                        + " from audit_event where event_type = 'LEAD_ANONYMISED' and request_ref = '" + reference
                        + "' group by 1 having count(*) = 1) d"),
                rig.count("select count(*) from outbox_message where request_id = '" + requestId
                        + "' and kind = 'COMPLETION'"),
                rig.mail.to(email).size(),
                rig.count("select count(*) from audit_event where event_type = 'EXECUTION_ATTEMPT_FAILED'"
                        + " and request_ref = '" + reference + "'"));
    }

    /** Exactly once per lead, for the subject's {@code leads} leads. */
    void assertExactlyOnce(int leads) {
        assertThat(status).as("request status").isEqualTo("COMPLETED");
        assertThat(executionStatus).as("execution status").isEqualTo("DONE");
        assertThat(items).as("execution items").isEqualTo(leads);
        assertThat(distinctItems).as("leads with an item (none twice)").isEqualTo(leads);
        assertThat(anonymised).as("leads anonymised with an ANONYMISED item").isEqualTo(leads);
        assertThat(othersTouched).as("other subjects' leads touched").isZero();
        assertThat(auditEvents).as("LEAD_ANONYMISED events").isEqualTo(leads);
        assertThat(leadsWithOneEvent).as("leads with exactly one LEAD_ANONYMISED event").isEqualTo(leads);
        assertThat(completionRows).as("completion mails queued").isEqualTo(1);
        assertThat(mailsReceived).as("mails received by the subject (verification, acknowledgement, completion)")
                .isEqualTo(3);
    }

    /** The figures, for the report. */
    String figures() {
        return "request %s, execution %s, items %d (distinct leads %d), anonymised %d, others touched %d,"
                .formatted(status, executionStatus, items, distinctItems, anonymised, othersTouched)
                + " LEAD_ANONYMISED %d (leads with exactly one %d), completion mails queued %d, mails received %d,"
                .formatted(auditEvents, leadsWithOneEvent, completionRows, mailsReceived)
                + " EXECUTION_ATTEMPT_FAILED %d".formatted(attemptFailedEvents);
    }
}
