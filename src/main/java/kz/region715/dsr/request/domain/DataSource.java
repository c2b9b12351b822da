package kz.region715.dsr.request.domain;

/** Where the operator's data about a subject comes from (policy section 2). */
public enum DataSource {
    WEB_FORM,
    TELEGRAM_BOT
}
