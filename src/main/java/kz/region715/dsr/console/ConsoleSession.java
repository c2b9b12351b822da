package kz.region715.dsr.console;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import kz.region715.dsr.platform.operator.OperatorConfig;
import kz.region715.dsr.platform.security.Roles;

/**
 * What a console page needs to know about the person and the browser: the language, the roles, the CSRF token.
 *
 * <p>CSRF: a double-submit token. A random token lives in an HttpOnly, SameSite=Strict cookie scoped to
 * {@code /console}; every form carries it in a hidden field, and a change is refused (403) unless the two are equal.
 * Another site can neither read the cookie nor make the browser send it with a cross-site post.
 */
@RequestScoped
public class ConsoleSession {

    static final String CSRF_COOKIE = "dsr-console-csrf";
    static final String LANGUAGE_COOKIE = "dsr-console-lang";
    static final Set<String> LANGUAGES = Set.of("ru", "kk", "en");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final HttpServerRequest request;
    private final SecurityIdentity identity;
    private final ZoneId zone;
    private final List<String> cookies = new ArrayList<>();
    private String language;
    private String csrfToken;

    ConsoleSession(HttpServerRequest request, SecurityIdentity identity, OperatorConfig operator) {
        this.request = request;
        this.identity = identity;
        this.zone = operator.timeZone();
    }

    /** ru, kk or en: {@code ?lang=} (then remembered), the remembered choice, the browser's language, else ru. */
    public String language() {
        if (language == null) {
            String asked = request.getParam("lang");
            Cookie remembered = request.getCookie(LANGUAGE_COOKIE);
            if (asked != null && LANGUAGES.contains(asked)) {
                language = asked;
                cookies.add(cookie(LANGUAGE_COOKIE, asked, "Lax", 31_536_000));
            } else if (remembered != null && LANGUAGES.contains(remembered.getValue())) {
                language = remembered.getValue();
            } else {
                language = fromBrowser(request.getHeader("Accept-Language"));
            }
        }
        return language;
    }

    static String fromBrowser(String acceptLanguage) {
        if (acceptLanguage != null) {
            for (String part : acceptLanguage.split(",")) {
                String tag = part.split(";")[0].strip().toLowerCase(Locale.ROOT);
                String primary = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
                if (LANGUAGES.contains(primary)) {
                    return primary;
                }
            }
        }
        return "ru";
    }

    public String csrfToken() {
        if (csrfToken == null) {
            Cookie existing = request.getCookie(CSRF_COOKIE);
            if (existing != null && existing.getValue().length() >= 43) {
                csrfToken = existing.getValue();
            } else {
                byte[] random = new byte[32];
                RANDOM.nextBytes(random);
                csrfToken = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                cookies.add(cookie(CSRF_COOKIE, csrfToken, "Strict", -1));
            }
        }
        return csrfToken;
    }

    /** Refuses a change whose form does not carry the token of the browser's cookie (403, recorded as refused). */
    void requireCsrf(String formToken) {
        Cookie cookie = request.getCookie(CSRF_COOKIE);
        if (cookie == null || formToken == null || !MessageDigest.isEqual(
                cookie.getValue().getBytes(StandardCharsets.UTF_8), formToken.getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenException("CSRF token missing or wrong");
        }
    }

    /** Set-Cookie values this answer must carry. */
    List<String> cookies() {
        return cookies;
    }

    private String cookie(String name, String value, String sameSite, int maxAge) {
        boolean https = "https".equals(request.scheme());
        return name + "=" + value + "; Path=/console; HttpOnly; SameSite=" + sameSite
                + (maxAge > 0 ? "; Max-Age=" + maxAge : "") + (https ? "; Secure" : "");
    }

    public String user() {
        return identity.getPrincipal().getName();
    }

    public boolean officer() {
        return identity.hasRole(Roles.OFFICER);
    }

    public boolean auditor() {
        return identity.hasRole(Roles.AUDITOR);
    }

    public boolean admin() {
        return identity.hasRole(Roles.ADMIN);
    }

    /** A moment as the operator's staff read it: date and time in the operator's time zone. */
    public String when(Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(zone));
    }

    public String day(Instant at) {
        return at == null ? "" : DAY.format(at.atZone(zone));
    }

    ZoneId zone() {
        return zone;
    }
}
