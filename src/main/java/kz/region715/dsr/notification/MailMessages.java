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
}
