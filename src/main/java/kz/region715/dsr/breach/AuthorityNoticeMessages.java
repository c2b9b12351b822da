package kz.region715.dsr.breach;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the printable notice of a breach to the authority. English here (for the operator's own staff);
 * Russian and Kazakh in {@code messages/brn_ru.properties} and {@code messages/brn_kk.properties}. The template
 * uses them as {@code {brn:key}}; enum labels come through {@link AuthorityNoticePage}.
 */
@MessageBundle(value = "brn", locale = "en")
public interface AuthorityNoticeMessages {

    @Message("Notice of a breach of personal data security {reference}")
    String title(String reference);

    @Message("To the authorised body in the field of personal data protection")
    String addressee();

    @Message("The operator notifies the authorised body of a breach of personal data security under the Law of the Republic of Kazakhstan No. 94-V \"On personal data and their protection\" and the Rules for ensuring the security of personal data.")
    String intro();

    @Message("Generated from the operator's breach register on {date}.")
    String generated(String date);

    @Message("Times are given in the time zone {zone}.")
    String times_in(String zone);

    @Message("The operator")
    String h_operator();

    @Message("The person responsible for organising the processing of personal data")
    String h_responsible();

    @Message("The breach")
    String h_breach();

    @Message("The personal data concerned")
    String h_data();

    @Message("Measures")
    String h_measures();

    @Message("Term of notification")
    String h_term();

    @Message("The subjects' data")
    String h_subjects();

    @Message("Name")
    String field_name();

    @Message("BIN")
    String field_bin();

    @Message("Address")
    String field_address();

    @Message("E-mail")
    String field_email();

    @Message("Phone")
    String field_phone();

    @Message("Full name")
    String field_full_name();

    @Message("Position")
    String field_position();

    @Message("Register number")
    String field_reference();

    @Message("Status")
    String field_status();

    @Message("Date and time of detection")
    String field_detected_at();

    @Message("How it was detected")
    String field_discovery();

    @Message("Description of the breach")
    String field_description();

    @Message("Period of the breach")
    String field_window();

    @Message("from {from}, end not established")
    String window_open(String from);

    @Message("from {from} to {to}")
    String window_closed(String from, String to);

    @Message("Categories of personal data")
    String field_categories();

    @Message("Sources")
    String field_sources();

    @Message("Information systems")
    String field_systems();

    @Message("Number of subjects affected")
    String field_affected();

    @Message("about {count} (estimate)")
    String affected_estimate(String count);

    @Message("{count}")
    String affected_counted(String count);

    @Message("Assessment")
    String field_assessment();

    @Message("Measures taken to remedy the breach")
    String field_measures_taken();

    @Message("Measures planned")
    String field_measures_planned();

    @Message("not stated")
    String not_stated();

    @Message("Notify the authority by")
    String field_due_at();

    @Message("Basis")
    String field_basis();

    @Message("Notice sent")
    String field_sent();

    @Message("{date}, {channel}, reference {reference}")
    String sent_line(String date, String channel, String reference);

    @Message("Recorded as not notifiable")
    String field_not_notifiable();

    @Message("The personal data of the subjects needed to notify them (surname, name and mobile number) is not part of this notice; the operator provides it on the authorised body's request as a separate annex.")
    String subjects_note();

    @Message("d MMMM yyyy, HH:mm")
    String date_time_pattern();

    @Message("d MMMM yyyy")
    String date_pattern();

    @Message("name and surname")
    String category_name();

    @Message("contact phone number")
    String category_phone();

    @Message("e-mail address")
    String category_email();

    @Message("text of a message or appeal")
    String category_message();

    @Message("IP address")
    String category_ip_address();

    @Message("cookie files")
    String category_cookie();

    @Message("the website form")
    String source_web_form();

    @Message("the Telegram bot")
    String source_telegram_bot();

    @Message("monitoring of the operator's systems")
    String discovery_monitoring();

    @Message("report of an employee")
    String discovery_staff_report();

    @Message("report of a data subject")
    String discovery_subject_report();

    @Message("report of a third party")
    String discovery_third_party_report();

    @Message("information from a state body")
    String discovery_authority();

    @Message("audit or test")
    String discovery_audit();

    @Message("publication of the data")
    String discovery_publication();

    @Message("other")
    String discovery_other();

    @Message("detected")
    String status_detected();

    @Message("assessed")
    String status_assessed();

    @Message("not notifiable")
    String status_not_notifiable();

    @Message("authority notified")
    String status_authority_notified();

    @Message("subjects notified")
    String status_subjects_notified();

    @Message("closed")
    String status_closed();

    @Message("portal")
    String channel_portal();

    @Message("e-mail")
    String channel_email();

    @Message("letter")
    String channel_letter();

    @Message("other")
    String channel_other();
}
