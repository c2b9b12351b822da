package kz.region715.dsr.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kz.region715.dsr.casework.CaseworkConfig;
import kz.region715.dsr.execution.ExecutionEvents;
import kz.region715.dsr.execution.ExecutionSummary;
import kz.region715.dsr.platform.operator.OperatorConfig;
import kz.region715.dsr.request.RequestConfig;
import kz.region715.dsr.request.RequestSnapshot;
import kz.region715.dsr.request.domain.DataSource;
import kz.region715.dsr.request.domain.RequestType;

/**
 * E-mails about carrying out requests: the completion e-mail to the subject
 * (what was done, what was kept and why; for ACCESS the download link), the
 * notice of a lifted restriction, the erasure notice to recipients of
 * disclosed data, and the failure notice to officers.
 */
@ApplicationScoped
class ExecutionMails {

    private final CaseMails mails;
    private final MailConfig mail;
    private final OperatorConfig operator;
    private final CaseworkConfig casework;
    private final RequestConfig requestConfig;

    ExecutionMails(CaseMails mails, MailConfig mail, OperatorConfig operator, CaseworkConfig casework,
            RequestConfig requestConfig) {
        this.mails = mails;
        this.mail = mail;
        this.operator = operator;
        this.casework = casework;
        this.requestConfig = requestConfig;
    }

    void onCompleted(@Observes ExecutionEvents.Completed event) {
        RequestSnapshot r = event.request();
        MailMessages words = CaseMails.words(r.locale().tag());
        Locale locale = r.locale().toLocale();
        ExecutionSummary summary = event.summary();
        List<String> paragraphs = new ArrayList<>();
        List<String> items = new ArrayList<>();
        List<String> closing = new ArrayList<>();
        String link = null;
        String linkLabel = null;
        switch (summary.type()) {
            case ACCESS -> {
                paragraphs.add(words.access_intro(r.reference()));
                link = packageLink(event, r.locale().tag());
                linkLabel = words.access_button();
                closing.add(words.access_validity(when(event.packageExpiresAt(), locale)));
            }
            case CORRECTION -> paragraphs.add(summary.correctedFields().isEmpty()
                    ? words.correction_nothing(r.reference())
                    : words.correction_done(r.reference(), fields(words, summary.correctedFields()),
                            count(summary, "CORRECTED")));
            case RESTRICTION -> paragraphs.add(summary.leadsHandled() == 0 ? words.none_found(r.reference())
                    : words.restriction_done(r.reference(),
                            count(summary, "RESTRICTED") + count(summary, "ALREADY_RESTRICTED")));
            case WITHDRAWAL -> {
                paragraphs.add(summary.leadsHandled() == 0 ? words.none_found(r.reference())
                        : words.withdrawal_done(r.reference(), count(summary, "ANONYMISED") + count(summary, "DELETED")));
                if (count(summary, "CONSENT_NARROWED") > 0) {
                    paragraphs.add(words.withdrawal_narrowed(count(summary, "CONSENT_NARROWED")));
                }
            }
            case DELETION -> paragraphs.add(summary.leadsHandled() == 0 ? words.none_found(r.reference())
                    : words.deletion_done(r.reference(), count(summary, "ANONYMISED") + count(summary, "DELETED")));
        }
        if (!summary.keptUnderLegalHold().isEmpty()) {
            paragraphs.add(words.kept_intro());
            for (ExecutionSummary.Kept kept : summary.keptUnderLegalHold()) {
                items.add(words.kept_line(source(words, kept.source()), when(kept.receivedAt(), locale), kept.reason()));
            }
        }
        if (!summary.recipientsNotified().isEmpty()) {
            closing.add(words.recipients_notified(String.join(", ", summary.recipientsNotified())));
        }
        if (summary.type() == RequestType.DELETION
                || summary.type() == RequestType.WITHDRAWAL) {
            closing.add(words.own_records(requestConfig.retentionAfterClosure().toDays()));
        }
        mails.toSubject(r, MailKind.COMPLETION, new CaseUpdateMail(r.locale().tag(), r.name(), operator.name(),
                operator.contactEmail(), words.completed_subject(r.reference()), paragraphs, null, items, link,
                linkLabel, closing), link != null);
    }

    void onRestrictionLifted(@Observes ExecutionEvents.RestrictionLifted event) {
        RequestSnapshot r = event.request();
        MailMessages words = CaseMails.words(r.locale().tag());
        mails.toSubject(r, MailKind.RESTRICTION_LIFTED, new CaseUpdateMail(r.locale().tag(), r.name(),
                operator.name(), operator.contactEmail(), words.lift_subject(),
                List.of(words.lift_intro(r.reference(), event.leads())), event.reason(), List.of()), false);
    }

    void onFailed(@Observes ExecutionEvents.Failed event) {
        String lang = casework.staffLocale();
        MailMessages words = CaseMails.words(lang);
        RequestSnapshot r = event.request();
        mails.toStaff(casework.officersAddress(), MailKind.EXECUTION_FAILED, lang,
                words.failed_subject(r.reference()),
                words.failed_intro(r.reference(), event.attempts(), event.error()), List.of());
    }

    void onRecipientToNotify(@Observes ExecutionEvents.RecipientToNotify event) {
        String lang = casework.staffLocale();
        MailMessages words = CaseMails.words(lang);
        Locale locale = Locale.forLanguageTag(lang);
        List<String> lines = event.leads().stream()
                .map(lead -> words.recipient_line(CaseMails.date(lead.disclosedOn(), locale), lead.purpose(),
                        Stream.of(lead.name(), lead.email(), lead.phone()).filter(Objects::nonNull)
                                .collect(Collectors.joining(", "))))
                .toList();
        mails.toStaff(null, event.recipientEmail(), MailKind.ERASURE_NOTICE, lang,
                words.recipient_subject(event.reference()), words.recipient_intro(operator.name(), event.reference()),
                lines);
    }

    private String packageLink(ExecutionEvents.Completed event, String lang) {
        String base = mail.publicBaseUrl().toString().replaceAll("/+$", "");
        return base + "/api/v1/requests/" + event.request().id() + "/package?lang=" + lang + "&token="
                + URLEncoder.encode(event.packageToken(), StandardCharsets.UTF_8);
    }

    private String when(Instant instant, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale).withZone(operator.timeZone()).format(instant);
    }

    private static long count(ExecutionSummary summary, String outcome) {
        return summary.outcomes().getOrDefault(outcome, 0L);
    }

    private static String fields(MailMessages words, List<String> fields) {
        return fields.stream().map(field -> switch (field) {
            case "NAME" -> words.field_name();
            case "PHONE" -> words.field_phone();
            case "EMAIL" -> words.field_email();
            default -> words.field_message();
        }).collect(Collectors.joining(", "));
    }

    private static String source(MailMessages words, DataSource source) {
        return switch (source) {
            case WEB_FORM -> words.source_web_form();
            case TELEGRAM_BOT -> words.source_telegram_bot();
        };
    }
}
