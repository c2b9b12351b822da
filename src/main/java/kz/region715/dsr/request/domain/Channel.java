package kz.region715.dsr.request.domain;

/** How a request reached the operator. */
public enum Channel {
    /** The service's public API, used by its own web form and by embedding sites. */
    WEB,
    /** The operator's Telegram bot back end, for the Telegram user it talks to; the subject hears back in Telegram. */
    TELEGRAM_BOT
}
