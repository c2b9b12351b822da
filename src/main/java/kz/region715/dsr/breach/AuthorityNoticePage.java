package kz.region715.dsr.breach;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.stream.Collectors;
import kz.region715.dsr.breach.domain.BreachStatus;
import kz.region715.dsr.breach.domain.DataCategory;
import kz.region715.dsr.breach.domain.DiscoveryMethod;
import kz.region715.dsr.breach.domain.NoticeChannel;
import kz.region715.dsr.request.domain.DataSource;

/**
 * Data of templates/breach/authority-notice.html: the notice, its language, and its codes and instants written the
 * language's way, dates in the operator's time zone.
 */
public record AuthorityNoticePage(AuthorityNoticeDocument d, String lang, AuthorityNoticeMessages words, ZoneId zone,
        Locale locale) {

    /** The page's only style: screen and print (A4). No character Qute would escape, so the CSP hash matches. */
    static final String STYLE = "body{font-family:serif;margin:2em auto;max-width:50em;color:#000;background:#fff}"
            + "table{border-collapse:collapse;width:100%;margin-bottom:1em}"
            + "th,td{border:1px solid #444;padding:.3em .5em;text-align:left;vertical-align:top}"
            + "th{width:35%;font-weight:normal;background:#eee}.text{white-space:pre-line}.addressee{text-align:right}"
            + "@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}tr{break-inside:avoid}}"
            + "@page{size:A4;margin:2cm}";

    /**
     * The page's Content-Security-Policy: nothing but its own style block (by hash), no scripts, no framing.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'sha256-" + sha256(STYLE)
            + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public String style() {
        return STYLE;
    }

    public String when(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern(words.date_time_pattern(), locale).withZone(zone)
                .format(instant);
    }

    public String day(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofPattern(words.date_pattern(), locale).format(date);
    }

    public String status() {
        return label(d.status());
    }

    public String discovery() {
        return label(d.discovery().method());
    }

    public String categories() {
        return d.dataCategories().stream().sorted().map(this::label).collect(Collectors.joining("; "));
    }

    public String sources() {
        return d.sources().stream().sorted().map(this::label).collect(Collectors.joining("; "));
    }

    public String systems() {
        return String.join("; ", d.systems());
    }

    public String window() {
        if (d.window() == null) {
            return words.not_stated();
        }
        return d.window().to() == null ? words.window_open(when(d.window().from()))
                : words.window_closed(when(d.window().from()), when(d.window().to()));
    }

    public String affected() {
        if (d.affectedPeople() == null) {
            return words.not_stated();
        }
        String count = String.valueOf(d.affectedPeople());
        return d.affectedPeopleCounted() ? words.affected_counted(count) : words.affected_estimate(count);
    }

    public String sent() {
        var sent = d.sent();
        return sent == null ? "" : words.sent_line(when(sent.sentAt()), label(sent.channel()),
                sent.reference() == null ? "—" : sent.reference());
    }

    public String orNotStated(String text) {
        return text == null || text.isBlank() ? words.not_stated() : text;
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String label(DataCategory category) {
        return switch (category) {
            case NAME -> words.category_name();
            case PHONE -> words.category_phone();
            case EMAIL -> words.category_email();
            case MESSAGE -> words.category_message();
            case IP_ADDRESS -> words.category_ip_address();
            case COOKIE -> words.category_cookie();
        };
    }

    String label(DataSource source) {
        return switch (source) {
            case WEB_FORM -> words.source_web_form();
            case TELEGRAM_BOT -> words.source_telegram_bot();
        };
    }

    String label(DiscoveryMethod method) {
        return switch (method) {
            case MONITORING -> words.discovery_monitoring();
            case STAFF_REPORT -> words.discovery_staff_report();
            case SUBJECT_REPORT -> words.discovery_subject_report();
            case THIRD_PARTY_REPORT -> words.discovery_third_party_report();
            case AUTHORITY -> words.discovery_authority();
            case AUDIT -> words.discovery_audit();
            case PUBLICATION -> words.discovery_publication();
            case OTHER -> words.discovery_other();
        };
    }

    String label(BreachStatus status) {
        return switch (status) {
            case DETECTED -> words.status_detected();
            case ASSESSED -> words.status_assessed();
            case NOT_NOTIFIABLE -> words.status_not_notifiable();
            case AUTHORITY_NOTIFIED -> words.status_authority_notified();
            case SUBJECTS_NOTIFIED -> words.status_subjects_notified();
            case CLOSED -> words.status_closed();
        };
    }

    String label(NoticeChannel channel) {
        return switch (channel) {
            case PORTAL -> words.channel_portal();
            case EMAIL -> words.channel_email();
            case LETTER -> words.channel_letter();
            case OTHER -> words.channel_other();
        };
    }
}
