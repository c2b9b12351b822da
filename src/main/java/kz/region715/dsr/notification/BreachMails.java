package kz.region715.dsr.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import kz.region715.dsr.breach.BreachEvents;
import kz.region715.dsr.casework.CaseworkConfig;
import kz.region715.dsr.platform.operator.OperatorConfig;

/**
 * E-mails about the breach register: the DPO's alerts of authority notices due soon or overdue, and the notices to
 * the people a breach affected.
 */
@ApplicationScoped
class BreachMails {

    private final CaseMails mails;
    private final CaseworkConfig casework;
    private final Outbox outbox;
    private final OperatorConfig operator;

    BreachMails(CaseMails mails, CaseworkConfig casework, Outbox outbox, OperatorConfig operator) {
        this.mails = mails;
        this.casework = casework;
        this.outbox = outbox;
        this.operator = operator;
    }

    /** The notice to one person, queued under the message id the breach claimed for them. */
    void onSubjectNotice(@Observes BreachEvents.SubjectNotice notice) {
        MailMessages words = CaseMails.words(notice.lang());
        Locale locale = Locale.forLanguageTag(notice.lang());
        String title = words.breach_notice_subject(notice.reference());
        BreachNoticeMail model = new BreachNoticeMail(notice.lang(),
                notice.name() == null ? words.breach_notice_addressee() : notice.name(), operator.name(),
                operator.contactEmail(), title, notice.reference(),
                CaseMails.date(LocalDate.ofInstant(notice.detectedAt(), operator.timeZone()), locale),
                notice.description(), notice.categories().stream().map(c -> category(words, c)).toList(),
                notice.measuresTaken(), notice.measuresPlanned(), casework.dpoAddress());
        boolean telegram = notice.recipient() == null;
        outbox.enqueue(notice.messageId(), new OutgoingMail(null, MailKind.BREACH_SUBJECT_NOTICE,
                telegram ? notice.telegramUserId() : notice.recipient(), title, MailTemplate.BREACH_NOTICE, model,
                false, telegram ? OutboxChannel.TELEGRAM : OutboxChannel.EMAIL), notice.reference(),
                notice.subjectKey());
    }

    private static String category(MailMessages words, String code) {
        return switch (code) {
            case "NAME" -> words.category_name();
            case "PHONE" -> words.category_phone();
            case "EMAIL" -> words.category_email();
            case "MESSAGE" -> words.category_message();
            case "IP_ADDRESS" -> words.category_ip_address();
            case "COOKIE" -> words.category_cookie();
            default -> code;
        };
    }

    /** One mail to the DPO per threshold crossed in a round, listing the breaches by reference and last day. */
    void onDeadlineAlerts(@Observes BreachEvents.DeadlineAlerts alerts) {
        String lang = casework.staffLocale();
        MailMessages words = CaseMails.words(lang);
        if (!alerts.overdue().isEmpty()) {
            mails.toStaff(casework.dpoAddress(), MailKind.BREACH_DEADLINE, lang,
                    words.breach_overdue_subject(alerts.overdue().size()), words.breach_overdue_intro(),
                    lines(words, alerts.overdue(), lang));
        }
        if (!alerts.dueSoon().isEmpty()) {
            mails.toStaff(casework.dpoAddress(), MailKind.BREACH_DEADLINE, lang,
                    words.breach_due_subject(alerts.dueSoon().size()), words.breach_due_intro(),
                    lines(words, alerts.dueSoon(), lang));
        }
    }

    private static List<String> lines(MailMessages words, List<BreachEvents.Alert> alerts, String lang) {
        return alerts.stream().map(a -> words.breach_line(a.reference(),
                CaseMails.date(a.lastDay(), Locale.forLanguageTag(lang)))).toList();
    }
}
