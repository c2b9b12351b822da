package kz.region715.dsr.execution;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the access package and of the download pages. English here;
 * Russian and Kazakh in {@code messages/pkg_ru.properties} and
 * {@code messages/pkg_kk.properties}. Templates use them as {@code {pkg:key}}.
 */
@MessageBundle(value = "pkg", locale = "en")
public interface PackageMessages {

    @Message("Your personal data: request {reference}")
    String title(String reference);

    @Message("This is the personal data {operator} holds about you as of {date}, and how it is processed (privacy policy, section 7.2; Law of the Republic of Kazakhstan No. 94-V, Art. 24).")
    String intro(String operator, String date);

    @Message("Download as JSON (machine-readable)")
    String json_link();

    @Message("Your applications")
    String leads_heading();

    @Message("We hold no applications from you.")
    String leads_none();

    @Message("Source")
    String field_source();

    @Message("Received")
    String field_received();

    @Message("Name")
    String field_name();

    @Message("Phone")
    String field_phone();

    @Message("E-mail")
    String field_email();

    @Message("Message")
    String field_message();

    @Message("IP address")
    String field_ip();

    @Message("Cookie identifier")
    String field_cookie();

    @Message("Telegram user id")
    String field_telegram();

    @Message("Consent")
    String field_consent();

    @Message("given {date}, policy version {version}, for: {purposes}")
    String consent_line(String date, String version, String purposes);

    @Message("no consent recorded")
    String consent_none();

    @Message("Kept until")
    String field_stored_until();

    @Message("Processing")
    String field_processing();

    @Message("Provided to")
    String field_disclosures();

    @Message("in use")
    String processing_active();

    @Message("blocked (restricted)")
    String processing_restricted();

    @Message("consent withdrawn")
    String processing_withdrawn();

    @Message("kept by law: {reason}")
    String processing_legal_hold(String reason);

    @Message("anonymised")
    String processing_anonymised();

    @Message("the website form")
    String source_web_form();

    @Message("the Telegram bot")
    String source_telegram_bot();

    @Message("Why we process your data (policy section 3)")
    String purposes_heading();

    @Message("you consented to this")
    String purpose_consented();

    @Message("answering your inquiries and feedback")
    String purpose_feedback();

    @Message("providing services and fulfilling obligations to you")
    String purpose_service_provision();

    @Message("consulting and informing you about products and services")
    String purpose_consulting();

    @Message("improving service quality (depersonalised analytics)")
    String purpose_service_improvement();

    @Message("security of the website and the services")
    String purpose_security();

    @Message("Where the data came from")
    String sources_heading();

    @Message("{label}: {count} application(s)")
    String source_line(String label, long count);

    @Message("How long we keep it")
    String storage_heading();

    @Message("Applications")
    String storage_leads_data();

    @Message("{days} days after receipt, unless the law requires longer; then erased or anonymised (policy 5.1, 5.2)")
    String storage_leads(long days);

    @Message("IP addresses")
    String storage_ip_data();

    @Message("{days} days after receipt (security, policy 3.5)")
    String storage_ip(long days);

    @Message("Your requests to us")
    String storage_requests_data();

    @Message("{days} days after the request is closed, as proof of handling; then reduced to a record without your contact details")
    String storage_requests(long days);

    @Message("This copy of your data")
    String storage_package_data();

    @Message("until {date}; then deleted")
    String storage_package(String date);

    @Message("Third parties your data was provided to (policy section 6)")
    String recipients_heading();

    @Message("Your data was not provided to any third party.")
    String recipients_none();

    @Message("{recipient}, {date}: {purpose} (legal basis: {basis})")
    String recipient_line(String recipient, String date, String purpose, String basis);

    @Message("Reference")
    String requests_reference();

    @Message("Status")
    String requests_status();

    @Message("If you believe your data is processed unlawfully, you may complain to the authorised body for personal data protection or to a court (policy 7.6). Questions: {email}.")
    String rights(String email);

    @Message("This download link has expired")
    String expired_title();

    @Message("The link to your personal data worked until {date}. To protect you, that copy of your data has been deleted. To get your data again, file a new access request, or write to {email}.")
    String expired_body(String date, String email);

    @Message("This link does not work")
    String invalid_title();

    @Message("Check that you opened the whole link from the e-mail. If it still does not work, write to {email}.")
    String invalid_body(String email);

    @Message("Breaches of the security of personal data that involved your data")
    String breaches_heading();

    @Message("None of your data was involved in a breach of the security of personal data that we know of.")
    String breaches_none();

    @Message("Detected")
    String breach_detected();

    @Message("Your data involved")
    String breach_data();

    @Message("What happened")
    String breach_what();

    @Message("What we did")
    String breach_measures();

    @Message("Notice to you")
    String breach_notified();

    @Message("sent {date}")
    String breach_notified_on(String date);

    @Message("not sent")
    String breach_not_notified();
}
