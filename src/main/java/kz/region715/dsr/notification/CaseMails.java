package kz.region715.dsr.notification;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.region715.dsr.casework.CaseEvents;
import kz.region715.dsr.casework.CaseworkConfig;
import kz.region715.dsr.platform.operator.OperatorConfig;
import kz.region715.dsr.request.RequestSnapshot;
import kz.region715.dsr.request.domain.EmailAddress;
import kz.region715.dsr.request.domain.RejectionBasis;

/** E-mails about officers' decisions (to the subject) and about deadlines (to staff). */
@ApplicationScoped
class CaseMails {

    private final Outbox outbox;
    private final OperatorConfig operator;
    private final CaseworkConfig casework;

    CaseMails(Outbox outbox, OperatorConfig operator, CaseworkConfig casework) {
        this.outbox = outbox;
        this.operator = operator;
        this.casework = casework;
    }

    void onQuestion(@Observes CaseEvents.Questioned event) {
        RequestSnapshot r = event.request();
        MailMessages words = words(r.locale().tag());
        toSubject(r, MailKind.QUESTION, words.question_subject(r.reference()),
                List.of(words.question_intro(r.reference())), event.question(), List.of(words.question_how()));
    }

    void onRejection(@Observes CaseEvents.Rejected event) {
        RequestSnapshot r = event.request();
        MailMessages words = words(r.locale().tag());
        toSubject(r, MailKind.REJECTION, words.rejection_subject(r.reference()),
                List.of(words.rejection_intro(r.reference(), SubjectMails.typeLabel(words, r.type())),
                        words.rejection_basis(basisLabel(words, event.basis())), words.rejection_reason()),
                event.reason(), List.of(words.rejection_appeal()));
    }

    void onExtension(@Observes CaseEvents.Extended event) {
        RequestSnapshot r = event.request();
        MailMessages words = words(r.locale().tag());
        toSubject(r, MailKind.EXTENSION, words.extension_subject(r.reference()),
                List.of(words.extension_intro(r.reference(), date(event.newLastDay(), r.locale().toLocale())),
                        words.extension_reason()),
                event.reason(), List.of());
    }

    void onCancellation(@Observes CaseEvents.Cancelled event) {
        RequestSnapshot r = event.request();
        MailMessages words = words(r.locale().tag());
        String paragraph = switch (event.reason()) {
            case DUPLICATE -> event.duplicateOfReference() == null ? words.cancel_other(r.reference())
                    : words.cancel_duplicate(r.reference(), event.duplicateOfReference());
            case WITHDRAWN_BY_SUBJECT -> words.cancel_withdrawn(r.reference());
            case OTHER -> words.cancel_other(r.reference());
        };
        toSubject(r, MailKind.CANCELLATION, words.cancel_subject(r.reference()), List.of(paragraph), null, List.of());
    }

    /** One digest per officer (or the shared mailbox), and one escalation for overdue cases to the DPO. */
    void onDeadlineAlerts(@Observes CaseEvents.DeadlineAlerts alerts) {
        String lang = casework.staffLocale();
        MailMessages words = words(lang);
        Map<String, List<CaseEvents.Alert>> byRecipient = new LinkedHashMap<>();
        List<CaseEvents.Alert> all = new ArrayList<>(alerts.overdue());
        all.addAll(alerts.dueSoon());
        for (CaseEvents.Alert alert : all) {
            byRecipient.computeIfAbsent(addressOf(alert.assignee()), k -> new ArrayList<>()).add(alert);
        }
        byRecipient.forEach((recipient, list) -> toStaff(recipient, MailKind.DEADLINE_DIGEST, lang,
                words.digest_subject(list.size()), words.digest_intro(), lines(words, list, lang)));
        if (!alerts.overdue().isEmpty()) {
            toStaff(casework.dpoAddress(), MailKind.ESCALATION, lang, words.escalation_subject(alerts.overdue().size()),
                    words.escalation_intro(), lines(words, alerts.overdue(), lang));
        }
    }

    private String addressOf(String assignee) {
        if (assignee == null) {
            return casework.officersAddress();
        }
        String mapped = casework.officerAddresses().get(assignee);
        if (mapped != null) {
            return mapped;
        }
        return EmailAddress.isValid(assignee) ? assignee : casework.officersAddress();
    }

    private List<String> lines(MailMessages words, List<CaseEvents.Alert> alerts, String lang) {
        return alerts.stream().map(a -> words.digest_line(a.reference(), a.type(),
                date(a.lastDay(), Locale.forLanguageTag(lang)), a.workingDaysLeft())).toList();
    }

    private void toSubject(RequestSnapshot r, MailKind kind, String title, List<String> paragraphs, String quote,
            List<String> closing) {
        if (!r.reachable()) {
            return; // erased: nobody to write to
        }
        toSubject(r, kind, new CaseUpdateMail(r.locale().tag(), r.name(), operator.name(), operator.contactEmail(),
                title, paragraphs, quote, closing), false);
    }

    /**
     * Queues an update to the subject of {@code r}, by the channel they used; {@code carriesSecret} when the model
     * holds a token.
     */
    void toSubject(RequestSnapshot r, MailKind kind, CaseUpdateMail model, boolean carriesSecret) {
        if (!r.reachable()) {
            return;
        }
        outbox.enqueue(OutgoingMail.toSubject(r, kind, model.title(), MailTemplate.CASE_UPDATE, model, carriesSecret));
    }

    void toStaff(String recipient, MailKind kind, String lang, String title, String intro, List<String> lines) {
        toStaff(null, recipient, kind, lang, title, intro, lines);
    }

    /** Queues a mail to staff or a third party, in {@code lang}; {@code request} when it concerns a request. */
    void toStaff(RequestSnapshot request, String recipient, MailKind kind, String lang, String title, String intro,
            List<String> lines) {
        CaseUpdateMail model = new CaseUpdateMail(lang, null, operator.name(), operator.contactEmail(), title,
                List.of(intro), null, lines);
        outbox.enqueue(new OutgoingMail(request, kind, recipient, title, MailTemplate.CASE_UPDATE, model, false));
    }

    static String date(LocalDate day, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(day);
    }

    static MailMessages words(String lang) {
        return MessageBundles.get(MailMessages.class, Localized.Literal.of(lang));
    }

    private static String basisLabel(MailMessages words, RejectionBasis basis) {
        return switch (basis) {
            case NO_DATA_HELD -> words.basis_no_data_held();
            case IDENTITY_NOT_PROVEN -> words.basis_identity_not_proven();
            case RETENTION_REQUIRED_BY_LAW -> words.basis_retention_required_by_law();
            case OTHER_LEGAL_GROUND -> words.basis_other_legal_ground();
            case CONTRACT_PERFORMANCE -> words.basis_contract_performance();
            case UNFOUNDED_OR_REPEATED -> words.basis_unfounded_or_repeated();
        };
    }
}
