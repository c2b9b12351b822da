package kz.region715.dsr.notification;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import kz.region715.dsr.platform.operator.OperatorConfig;
import kz.region715.dsr.request.RequestEvents;
import kz.region715.dsr.request.RequestSnapshot;
import kz.region715.dsr.request.domain.RequestType;
import kz.region715.dsr.verification.VerificationEvents;

/**
 * Writes the e-mails to data subjects, in the request's language, when the
 * events that call for them happen (by the channel the subject used: e-mail, or Telegram for the bot's requests). Links carry their secrets in the URL
 * fragment, which browsers never send to a server or in a Referer.
 */
@ApplicationScoped
class SubjectMails {

    private final Outbox outbox;
    private final MailConfig mail;
    private final OperatorConfig operator;

    SubjectMails(Outbox outbox, MailConfig mail, OperatorConfig operator) {
        this.outbox = outbox;
        this.mail = mail;
        this.operator = operator;
    }

    void onVerificationIssued(@Observes VerificationEvents.Issued event) {
        RequestSnapshot request = event.request();
        Locale locale = request.locale().toLocale();
        MailMessages words = words(request);
        VerificationMail model = new VerificationMail(request.locale().tag(), request.name(), operator.name(),
                operator.contactEmail(), request.reference(), typeLabel(words, request.type()),
                link("verify", request, event.token()), event.code(), format(event.linkExpiresAt(), locale),
                Duration.between(event.issuedAt(), event.codeExpiresAt()).toMinutes());
        outbox.enqueue(OutgoingMail.toSubject(request, MailKind.VERIFICATION,
                words.verification_subject(request.reference()), MailTemplate.VERIFICATION, model, true));
    }

    void onVerified(@Observes RequestEvents.Verified event) {
        acknowledge(event.request(), event.accessToken());
    }

    /** The acknowledgement again, with the new status link. */
    void onAccessLinkReissued(@Observes RequestEvents.AccessLinkReissued event) {
        acknowledge(event.request(), event.accessToken());
    }

    private void acknowledge(RequestSnapshot request, String accessToken) {
        Locale locale = request.locale().toLocale();
        MailMessages words = words(request);
        AcknowledgementMail model = new AcknowledgementMail(request.locale().tag(), request.name(), operator.name(),
                operator.contactEmail(), request.reference(), typeLabel(words, request.type()),
                link("status", request, accessToken));
        outbox.enqueue(OutgoingMail.toSubject(request, MailKind.ACKNOWLEDGEMENT,
                words.ack_subject(request.reference()), MailTemplate.ACKNOWLEDGEMENT, model, true));
    }

    void onExpired(@Observes RequestEvents.Expired event) {
        outbox.forgetRequest(event.requestId(), event.at());
    }

    void onReduced(@Observes RequestEvents.Reduced event) {
        outbox.forgetRequest(event.requestId(), event.at());
    }

    /** A link to a subject page in the request's language; the secret rides in the fragment, which is never sent. */
    private String link(String page, RequestSnapshot request, String token) {
        String base = mail.publicBaseUrl().toString().replaceAll("/+$", "");
        return base + "/" + page + "?lang=" + request.locale().tag() + "#request=" + request.id() + "&token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private String format(Instant instant, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale).withZone(operator.timeZone()).format(instant)
                + " (" + operator.timeZone().getId() + ")";
    }

    private static MailMessages words(RequestSnapshot request) {
        return MessageBundles.get(MailMessages.class, Localized.Literal.of(request.locale().tag()));
    }

    static String typeLabel(MailMessages words, RequestType type) {
        return switch (type) {
            case ACCESS -> words.type_access();
            case CORRECTION -> words.type_correction();
            case RESTRICTION -> words.type_restriction();
            case DELETION -> words.type_deletion();
            case WITHDRAWAL -> words.type_withdrawal();
        };
    }
}
