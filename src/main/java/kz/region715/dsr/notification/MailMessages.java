package kz.region715.dsr.notification;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the subject e-mails. English here; Russian and Kazakh in
 * {@code messages/mail_ru.properties} and {@code messages/mail_kk.properties}.
 * Templates use them as {@code {mail:key(...)}}.
 */
@MessageBundle(value = "mail", locale = "en")
public interface MailMessages {

    @Message("Dear {name},")
    String greeting(String name);

    @Message("{operator}, personal data protection")
    String signature(String operator);

    @Message("Questions: {email}. If you believe your rights are violated, you may complain to the authorised body for personal data protection or to a court.")
    String footer(String email);

    @Message("Confirm your request {reference}")
    String verification_subject(String reference);

    @Message("We received your request {reference}: {typeLabel}. To confirm that this e-mail address is yours, open the link below.")
    String verification_intro(String reference, String typeLabel);

    @Message("Confirm my request")
    String verification_button();

    @Message("Or enter this code on the confirmation page:")
    String verification_code_intro();

    @Message("The link works until {linkExpires}; the code for {codeMinutes} minutes. They work once.")
    String verification_validity(String linkExpires, long codeMinutes);

    @Message("If you did not send this request, ignore this e-mail: without confirmation the request expires and its data is erased.")
    String verification_ignore();

    @Message("We received your request {reference}: {typeLabel}. To confirm that this Telegram account is yours, send this code to our bot in this chat:")
    String tg_verification_intro(String reference, String typeLabel);

    @Message("The code works for {codeMinutes} minutes, once.")
    String tg_verification_validity(long codeMinutes);

    @Message("If you did not send this request, ignore this message: without confirmation the request expires and its data is erased.")
    String tg_verification_ignore();

    @Message("Your Telegram account is confirmed and your request {reference} ({typeLabel}) is registered. We will handle it within the time the law sets and write to you in this chat.")
    String tg_ack_intro(String reference, String typeLabel);

    @Message("We have registered your request {reference}")
    String ack_subject(String reference);

    @Message("Your e-mail address is confirmed and your request {reference} ({typeLabel}) is registered. We will handle it within the time the law sets and write to you at this address.")
    String ack_intro(String reference, String typeLabel);

    @Message("You can follow the request here:")
    String ack_status_intro();

    @Message("See the status of my request")
    String ack_status_button();

    @Message("Keep this link to yourself: anyone who has it can see your request.")
    String ack_keep_secret();

    @Message("access to your personal data")
    String type_access();

    @Message("correction of your personal data")
    String type_correction();

    @Message("restriction (blocking) of processing")
    String type_restriction();

    @Message("deletion of your personal data")
    String type_deletion();

    @Message("withdrawal of consent to processing")
    String type_withdrawal();

    @Message("Colleagues,")
    String staff_greeting();

    @Message("A question about your request {reference}")
    String question_subject(String reference);

    @Message("To handle your request {reference} we need more information from you:")
    String question_intro(String reference);

    @Message("Please answer on your request's status page, through the link in the e-mail that confirmed your request.")
    String question_how();

    @Message("Decision on your request {reference}")
    String rejection_subject(String reference);

    @Message("We cannot fulfil your request {reference} ({typeLabel}).")
    String rejection_intro(String reference, String typeLabel);

    @Message("Legal basis: {basisLabel}.")
    String rejection_basis(String basisLabel);

    @Message("Explanation:")
    String rejection_reason();

    @Message("You have the right to appeal this decision to the authorised body for personal data protection (the Ministry of Artificial Intelligence and Digital Development of the Republic of Kazakhstan) or to a court (policy 7.6; Law No. 94-V, Art. 27).")
    String rejection_appeal();

    @Message("we hold no personal data of yours")
    String basis_no_data_held();

    @Message("it could not be confirmed that the request comes from the data subject")
    String basis_identity_not_proven();

    @Message("the data must be kept by law (Law No. 94-V, Art. 18; policy 7.5)")
    String basis_retention_required_by_law();

    @Message("processing continues on another legal ground (policy 4.3 and 7.4)")
    String basis_other_legal_ground();

    @Message("blocking would contradict the law or the performance of a contract (policy 7.4)")
    String basis_contract_performance();

    @Message("the request is manifestly unfounded or repeats one already answered")
    String basis_unfounded_or_repeated();

    @Message("The term of your request {reference} is extended")
    String extension_subject(String reference);

    @Message("We need more time to handle your request {reference}. We will answer by {lastDay}.")
    String extension_intro(String reference, String lastDay);

    @Message("Why:")
    String extension_reason();

    @Message("Your request {reference} is closed")
    String cancel_subject(String reference);

    @Message("Your request {reference} repeats your earlier request {other}, which we are handling, so we have closed {reference}.")
    String cancel_duplicate(String reference, String other);

    @Message("As you asked, we have closed your request {reference}.")
    String cancel_withdrawn(String reference);

    @Message("We have closed your request {reference}.")
    String cancel_other(String reference);

    @Message("Request deadlines: {count} need attention")
    String digest_subject(int count);

    @Message("Requests due within the next working days or already overdue:")
    String digest_intro();

    @Message("{reference} ({type}): due by {lastDay}, working days left: {left}")
    String digest_line(String reference, String type, String lastDay, int left);

    @Message("Overdue requests: {count}")
    String escalation_subject(int count);

    @Message("These requests are past their deadline without a decision:")
    String escalation_intro();

    @Message("Your request {reference} is done")
    String completed_subject(String reference);

    @Message("Your request {reference} is done: the personal data we hold about you, and how we process it, are ready for you.")
    String access_intro(String reference);

    @Message("See my data")
    String access_button();

    @Message("The link works until {date}; then this copy of your data is deleted. Keep the link to yourself: anyone who has it can see your data.")
    String access_validity(String date);

    @Message("We have corrected your data as you asked in request {reference}: {fields}, in {count} record(s).")
    String correction_done(String reference, String fields, long count);

    @Message("Your request {reference} is done. None of our records of you held other values, so nothing had to be changed.")
    String correction_nothing(String reference);

    @Message("name")
    String field_name();

    @Message("phone")
    String field_phone();

    @Message("e-mail")
    String field_email();

    @Message("message")
    String field_message();

    @Message("Processing of your personal data is blocked as you asked in request {reference}: {count} record(s). We keep the data but do not use it until the block is lifted, and we will tell you when it is.")
    String restriction_done(String reference, long count);

    @Message("Your consent is withdrawn as you asked in request {reference}, and we have stopped processing on its basis: {count} record(s) erased.")
    String withdrawal_done(String reference, long count);

    @Message("{count} record(s) stay for the purposes you did not withdraw consent for.")
    String withdrawal_narrowed(long count);

    @Message("Your personal data is deleted as you asked in request {reference}: {count} record(s) erased.")
    String deletion_done(String reference, long count);

    @Message("Your request {reference} is done. We found no records of yours in our applications.")
    String none_found(String reference);

    @Message("These records are kept because the law requires it (policy 7.5), and are not used otherwise:")
    String kept_intro();

    @Message("{source}, received {date}: {reason}")
    String kept_line(String source, String date, String reason);

    @Message("the website form")
    String source_web_form();

    @Message("the Telegram bot")
    String source_telegram_bot();

    @Message("We have asked the third parties we had provided your data to, to erase it too: {names}.")
    String recipients_notified(String names);

    @Message("We keep the record of your request itself as proof that it was handled, for {days} days after it is closed; then it is reduced to a record without your contact details.")
    String own_records(long days);

    @Message("The block on your personal data is lifted")
    String lift_subject();

    @Message("The block on processing of your personal data under request {reference} is lifted ({count} record(s)). Why:")
    String lift_intro(String reference, long count);

    @Message("Carrying out request {reference} failed")
    String failed_subject(String reference);

    @Message("Carrying out request {reference} failed {attempts} times; the last error: {error}. Look at the case, remove the cause and retry it.")
    String failed_intro(String reference, int attempts, String error);

    @Message("Request to erase personal data ({reference})")
    String recipient_subject(String reference);

    @Message("At the request of the data subject (our reference {reference}), {operator} has erased the personal data below, which it had provided to you. Under Law of the Republic of Kazakhstan No. 94-V on personal data, please erase it too and confirm to us by replying to this e-mail.")
    String recipient_intro(String operator, String reference);

    @Message("provided {date} for: {purpose}. Data: {data}")
    String recipient_line(String date, String purpose, String data);

    @Message("Breach notices to the authority due soon: {count}")
    String breach_due_subject(int count);

    @Message("Breach notices to the authority overdue: {count}")
    String breach_overdue_subject(int count);

    @Message("The notice to the authorised body of these personal-data breaches is due soon and is not recorded. Send it, then record it in the breach register, or record why no notice is owed:")
    String breach_due_intro();

    @Message("The term to notify the authorised body of these personal-data breaches has passed and no notice is recorded. Send it now and record it in the breach register:")
    String breach_overdue_intro();

    @Message("{reference}: due by the end of {lastDay}")
    String breach_line(String reference, String lastDay);

    @Message("Breach of the security of your personal data ({reference})")
    String breach_notice_subject(String reference);

    @Message("customer")
    String breach_notice_addressee();

    @Message("On {detectedOn} we detected a breach of the security of personal data that involved your data. We are informing you as the law requires (our reference {reference}).")
    String breach_notice_intro(String detectedOn, String reference);

    @Message("What happened:")
    String breach_notice_what();

    @Message("Which of your data was involved:")
    String breach_notice_data();

    @Message("What we have done:")
    String breach_notice_measures();

    @Message("What we will still do:")
    String breach_notice_planned();

    @Message("What you can do: be wary of unexpected calls, messages and e-mails that mention us or ask for your data, codes or payments; do not open links or attachments from senders you do not know. You may ask us which of your data we hold, and have it corrected, blocked or erased.")
    String breach_notice_advice();

    @Message("Questions about this breach: write to our person responsible for the protection of personal data, {email}.")
    String breach_notice_contact(String email);

    @Message("You have the right to complain to the authorised body for the protection of personal data (privacy policy, clause 7.6) and to go to court.")
    String breach_notice_complaint();

    @Message("name")
    String category_name();

    @Message("phone number")
    String category_phone();

    @Message("e-mail address")
    String category_email();

    @Message("the text of your message")
    String category_message();

    @Message("IP address")
    String category_ip_address();

    @Message("cookie identifier")
    String category_cookie();
}
