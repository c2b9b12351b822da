package kz.region715.dsr.platform.security;

/** The roles of docs/API.md. Production reads them from the OIDC token's role claim. */
public final class Roles {
    public static final String OFFICER = "officer";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";
    public static final String INGEST = "ingest";
    /** The operator's Telegram bot back end (a system client): files and verifies requests for Telegram users. */
    public static final String BOT = "bot";

    private Roles() {
    }
}
