package kz.region715.dsr.request.domain;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address as the subject gave it (used for sending) and in its
 * normalised form (used for matching): trimmed, domain in ASCII (IDNA), all
 * lower case. Lower-casing the local part is a deliberate simplification: no
 * mainstream provider treats it as case-sensitive.
 */
public record EmailAddress(String asGiven, String normalised) {

    public static final int MAX_LENGTH = 254;
    // Local part: the dot-atom of RFC 5322; domain: labels of letters, digits and hyphens with a dot.
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN = Pattern.compile("([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9]");

    public EmailAddress {
        if (asGiven == null || normalised == null) {
            throw new IllegalArgumentException("e-mail address is missing");
        }
    }

    /** Whether {@code text} is an address we can send to. */
    public static boolean isValid(String text) {
        return tryParse(text) != null;
    }

    /** @throws IllegalArgumentException when the text is not a valid address */
    public static EmailAddress parse(String text) {
        EmailAddress address = tryParse(text);
        if (address == null) {
            throw new IllegalArgumentException("not a valid e-mail address");
        }
        return address;
    }

    private static EmailAddress tryParse(String text) {
        if (text == null) {
            return null;
        }
        String given = text.strip();
        int at = given.lastIndexOf('@');
        if (given.length() > MAX_LENGTH || at < 1 || at == given.length() - 1 || at > 64) {
            return null;
        }
        String local = given.substring(0, at);
        String domain;
        try {
            domain = IDN.toASCII(given.substring(at + 1), IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!LOCAL.matcher(local).matches() || !DOMAIN.matcher(domain).matches()) {
            return null;
        }
        return new EmailAddress(given, (local + "@" + domain).toLowerCase(Locale.ROOT));
    }
}
