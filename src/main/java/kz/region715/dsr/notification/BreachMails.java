package kz.region715.dsr.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import kz.region715.dsr.breach.BreachEvents;
import kz.region715.dsr.casework.CaseworkConfig;

/** E-mails about the breach register: the DPO's alerts of authority notices due soon or overdue. */
@ApplicationScoped
class BreachMails {

    private final CaseMails mails;
    private final CaseworkConfig casework;

    BreachMails(CaseMails mails, CaseworkConfig casework) {
        this.mails = mails;
        this.casework = casework;
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
