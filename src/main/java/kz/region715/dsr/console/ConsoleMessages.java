package kz.region715.dsr.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import kz.region715.dsr.request.TimelineEntry;
import kz.region715.dsr.request.domain.CancellationReason;
import kz.region715.dsr.request.domain.RejectionBasis;
import kz.region715.dsr.request.domain.RequestStatus;
import kz.region715.dsr.request.domain.RequestType;

/**
 * The words of the console. English here; Russian and Kazakh in {@code messages/con_ru.properties} and
 * {@code messages/con_kk.properties} (a test keeps the three the same). Templates use them as {@code {con:key}}.
 */
@MessageBundle(value = "con", locale = "en")
public interface ConsoleMessages {

    @Message("Privacy console")
    String app_name();

    @Message("Skip to the content")
    String skip();

    @Message("Sections")
    String nav_label();

    @Message("Cases")
    String nav_queue();

    @Message("Audit and reports")
    String nav_audit();

    @Message("Outgoing e-mail")
    String nav_outbox();

    @Message("Breaches")
    String nav_breaches();

    @Message("Breach register")
    String breaches_title();

    @Message("Personal-data breaches, the one whose notice to the authority is due first at the top.")
    String breaches_intro();

    @Message("No breach is registered.")
    String breaches_empty();

    @Message("Detected")
    String col_detected();

    @Message("Notice to the authority due")
    String col_authority_due();

    @Message("People affected (estimate)")
    String col_estimated();

    @Message("Breach {reference}")
    String breach_title(String reference);

    @Message("The clock: one working day to notify the authority")
    String breach_clock();

    @Message("Authority notified")
    String breach_notified();

    @Message("What happened")
    String breach_what();

    @Message("Data concerned")
    String breach_categories();

    @Message("People in the frozen affected set")
    String breach_affected();

    @Message("Subjects notified / unreachable")
    String breach_subjects_notified();

    @Message("Registering, the affected set, the authority notice and the subject notices are done through the API (/api/v1/breaches) for now.")
    String breach_api_hint();

    @Message("""
            {#when status}{#is DETECTED}Detected{#is ASSESSED}Assessed{#is NOT_NOTIFIABLE}Not notifiable\
            {#is AUTHORITY_NOTIFIED}Authority notified{#is SUBJECTS_NOTIFIED}Subjects notified{#is CLOSED}Closed{/when}""")
    String breach_status(kz.region715.dsr.breach.domain.BreachStatus status);

    @Message("Signed in as {name}")
    String signed_in_as(String name);

    @Message("Sign out")
    String sign_out();

    @Message("Language")
    String language();

    @Message("You are signed out")
    String signed_out_title();

    @Message("Sign in again")
    String sign_in_again();

    @Message("Not allowed")
    String forbidden_title();

    @Message("Your role does not allow this page or action. Nothing was changed.")
    String forbidden_text();

    @Message("The form has expired. Open the page again and repeat the action; nothing was changed.")
    String csrf_text();

    @Message("Cases, most urgent first")
    String queue_title();

    @Message("Filter")
    String filter_legend();

    @Message("Status")
    String filter_status();

    @Message("Any")
    String filter_any();

    @Message("Type")
    String filter_type();

    @Message("Assigned to")
    String filter_assignee();

    @Message("An officer's login; empty: anyone")
    String filter_assignee_hint();

    @Message("Only unassigned cases")
    String filter_unassigned();

    @Message("Only overdue cases")
    String filter_overdue();

    @Message("Due within (days)")
    String filter_due_within();

    @Message("Show")
    String filter_apply();

    @Message("{count} cases shown, sorted by due date, the nearest first.")
    String queue_count(int count);

    @Message("No case matches these filters.")
    String queue_empty();

    @Message("The filters are not valid: {problem}")
    String queue_invalid(String problem);

    @Message("Reference")
    String col_reference();

    @Message("Received")
    String col_received();

    @Message("Due")
    String col_due();

    @Message("Days left")
    String col_days_left();

    @Message("nobody")
    String unassigned();

    @Message("Overdue")
    String days_overdue();

    @Message("Urgent: {days} working days left")
    String days_urgent(int days);

    @Message("{days} working days left")
    String days_left(int days);

    @Message("Next page")
    String next_page();

    @Message("Case {reference}")
    String case_title(String reference);

    @Message("Back to the cases")
    String back_to_queue();

    @Message("Request")
    String section_request();

    @Message("Subject")
    String label_subject();

    @Message("E-mail")
    String label_email();

    @Message("Phone")
    String label_phone();

    @Message("Verified")
    String label_verified();

    @Message("Deadline")
    String label_deadline();

    @Message("Legal basis of the deadline")
    String label_citation();

    @Message("What the subject asks")
    String section_details();

    @Message("Messages with the subject")
    String section_messages();

    @Message("No questions or answers yet.")
    String no_messages();

    @Message("Officer's question")
    String message_question();

    @Message("Subject's answer")
    String message_answer();

    @Message("Timeline")
    String section_timeline();

    @Message("When")
    String col_when();

    @Message("What")
    String col_what();

    @Message("Who")
    String col_who();

    @Message("Matched data of the subject")
    String section_leads();

    @Message("No lead of this subject was found.")
    String no_leads();

    @Message("Source")
    String col_source();

    @Message("Matched by")
    String col_matched_by();

    @Message("Counts for the request")
    String col_included();

    @Message("Legal hold")
    String col_hold();

    @Message("yes")
    String yes();

    @Message("no")
    String no();

    @Message("Actions")
    String section_actions();

    @Message("Your role may not act on this case.")
    String no_actions();

    @Message("""
            {#when action}{#is 'assign'}Assign{#is 'note'}Add an internal note{#is 'ask'}Ask the subject\
            {#is 'approve'}Approve{#is 'reject'}Reject{#is 'extend'}Extend the deadline{#is 'cancel'}Cancel the case\
            {#is 'hold'}Place a legal hold on a lead{/when}""")
    String action(String action);

    @Message("Officer's login (empty: me)")
    String label_assignee();

    @Message("Note (never shown to the subject)")
    String label_note();

    @Message("Question (sent to the subject by e-mail)")
    String label_question();

    @Message("Note (optional)")
    String label_approve_note();

    @Message("Legal basis")
    String label_legal_basis();

    @Message("Reason (the subject is told)")
    String label_reason();

    @Message("The deadline policy allows no (further) extension.")
    String extension_unavailable();

    @Message("Why")
    String label_cancel_reason();

    @Message("Lead")
    String label_lead();

    @Message("Legal ground for keeping the data")
    String label_hold_reason();

    @Message("Someone changed this case while you were reading it")
    String conflict_title();

    @Message("Your action was not applied, so nothing was overwritten. The case is now: {status}. What changed since you opened it:")
    String conflict_text(String status);

    @Message("Reload the case")
    String conflict_reload();

    @Message("The action was not done")
    String error_title();

    @Message("{field}: {message}")
    String error_field(String field, String message);

    @Message("Audit trail and reports")
    String audit_title();

    @Message("Export")
    String export_title();

    @Message("What")
    String export_what();

    @Message("Audit events")
    String export_events();

    @Message("Requests (handling report)")
    String export_requests();

    @Message("From (date, inclusive)")
    String label_from();

    @Message("To (date, exclusive)")
    String label_to();

    @Message("Type (optional): an event type such as APPROVED, or a request type such as ACCESS")
    String label_export_type();

    @Message("Request reference (optional)")
    String label_request_reference();

    @Message("Format")
    String export_format();

    @Message("Download")
    String export_button();

    @Message("Verify the chain")
    String verify_title();

    @Message("Verify")
    String verify_button();

    @Message("The chain is intact: {checked} events checked.")
    String verify_ok(long checked);

    @Message("The chain is broken at event {seq}: {problem}.")
    String verify_broken(long seq, String problem);

    @Message("{pending} events wait for the sequencer and are not covered yet.")
    String verify_pending(long pending);

    @Message("Signed tree head")
    String tree_head_title();

    @Message("Events in the chain")
    String tree_size();

    @Message("Root hash")
    String root_hash();

    @Message("Signed at")
    String signed_at();

    @Message("Key id")
    String key_id();

    @Message("Public key (Ed25519)")
    String public_key();

    @Message("Signature")
    String signature();

    @Message("No event has been sequenced yet.")
    String no_tree_head();

    @Message("Service levels, last {months} months")
    String sla_title(int months);

    @Message("Requests per month and type")
    String chart_per_month();

    @Message("Closed on time and late, per month")
    String chart_on_time();

    @Message("Days to close per month: median and 90th percentile")
    String chart_days_to_close();

    @Message("On time")
    String on_time();

    @Message("Late")
    String late();

    @Message("Median")
    String median();

    @Message("90th percentile")
    String p90();

    @Message("Month")
    String month();

    @Message("Open cases overdue now: {count}")
    String overdue_now(long count);

    @Message("The figures as a table")
    String chart_table();

    @Message("Outgoing e-mail")
    String outbox_title();

    @Message("Kind")
    String col_kind();

    @Message("Attempts")
    String col_attempts();

    @Message("Next attempt")
    String col_next_attempt();

    @Message("Last error")
    String col_last_error();

    @Message("Created")
    String col_created();

    @Message("Send again")
    String requeue();

    @Message("No e-mail in this state.")
    String outbox_empty();

    @Message("Queued again.")
    String requeued();

    @Message("""
            {#when status}{#is PENDING_VERIFICATION}Not verified{#is EXPIRED}Expired{#is OPEN}Open{#is IN_REVIEW}In review\
            {#is AWAITING_SUBJECT}Waiting for the subject{#is APPROVED}Approved{#is EXECUTING}Being carried out\
            {#is COMPLETED}Completed{#is REJECTED}Rejected{#is FAILED}Failed{#is CANCELLED}Cancelled{/when}""")
    String status(RequestStatus status);

    @Message("""
            {#when type}{#is ACCESS}Access{#is CORRECTION}Correction{#is RESTRICTION}Restriction\
            {#is DELETION}Deletion{#is WITHDRAWAL}Withdrawal of consent{/when}""")
    String type(RequestType type);

    @Message("""
            {#when basis}{#is NO_DATA_HELD}We hold no data of the subject{#is IDENTITY_NOT_PROVEN}Identity not proven\
            {#is RETENTION_REQUIRED_BY_LAW}The law requires keeping the data\
            {#is OTHER_LEGAL_GROUND}Processing continues on another legal ground\
            {#is CONTRACT_PERFORMANCE}Needed to perform a contract\
            {#is UNFOUNDED_OR_REPEATED}Manifestly unfounded or repeated{/when}""")
    String basis(RejectionBasis basis);

    @Message("""
            {#when reason}{#is DUPLICATE}A duplicate of another request{#is WITHDRAWN_BY_SUBJECT}Withdrawn by the subject\
            {#is OTHER}Other{/when}""")
    String cancel_reason(CancellationReason reason);

    @Message("""
            {#when kind}{#is FILED}Filed{#is VERIFIED}Verified{#is ASSIGNED}Assigned{#is NOTE}Internal note\
            {#is QUESTION}Question to the subject{#is ANSWER}Answer of the subject{#is APPROVED}Approved\
            {#is REJECTED}Rejected{#is EXTENDED}Deadline extended{#is CANCELLED}Cancelled{#is MAIL_SENT}E-mail sent\
            {#is STATUS_CHANGED}Status changed{#is DEADLINE_SET}Deadline set{#else}{kind}{/when}""")
    String kind(TimelineEntry.Kind kind);

    @Message("""
            {#when action}{#is ASSIGN}Assigned.{#is NOTE}Note added.{#is ASK}Question sent.{#is APPROVE}Approved.\
            {#is REJECT}Rejected.{#is EXTEND}Deadline extended.{#is CANCEL}Cancelled.{#is HOLD}Legal hold placed.{/when}""")
    String action_done(CaseAction action);
}
