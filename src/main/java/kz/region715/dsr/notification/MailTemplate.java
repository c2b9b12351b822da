package kz.region715.dsr.notification;

/** The mail templates (templates/mail/{name}.txt and .html) and the model each one renders. */
enum MailTemplate {
    VERIFICATION(VerificationMail.class),
    ACKNOWLEDGEMENT(AcknowledgementMail.class),
    CASE_UPDATE(CaseUpdateMail.class),
    BREACH_NOTICE(BreachNoticeMail.class);

    final Class<? extends MailModel> model;

    MailTemplate(Class<? extends MailModel> model) {
        this.model = model;
    }
}
