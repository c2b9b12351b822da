package kz.region715.dsr.platform.text;

/**
 * The one rule for text a client sends, in bodies, parameters and headers
 * alike: no NUL or other control characters (PostgreSQL refuses NUL, and the
 * others have no business in a name or a note), no unpaired surrogates, and
 * text made only of blanks of any script is blank.
 */
public final class Text {

    private Text() {
    }

    /** Whether {@code text} is null, empty or made only of Unicode blanks (spaces of every kind, tabs, line ends). */
    public static boolean isBlank(CharSequence text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isBlank(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whitespace in Java's sense, plus the no-break and other space separators it leaves out, and U+FEFF/U+200B. */
    public static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF'
                || c == '\u180E' || c == '\u2060';
    }

    /**
     * Whether {@code text} holds a character no stored text may hold: a C0 control other than tab, line feed and
     * carriage return, DEL, a C1 control, an unpaired surrogate, or the non-characters U+FFFE and U+FFFF.
     */
    public static boolean hasForbiddenCharacter(CharSequence text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return true;
            }
            if (Character.isLowSurrogate(c) || isForbidden(c)) {
                return true;
            }
        }
        return false;
    }

    /** Like {@link #hasForbiddenCharacter}, and line breaks and tabs are refused too: for names, keys and parameters. */
    public static boolean hasForbiddenCharacterInLine(CharSequence text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return hasForbiddenCharacter(text);
    }

    private static boolean isForbidden(char c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\uFFFE' || c == '\uFFFF';
    }

    /** The message every refusal of such text carries (it never quotes the text). */
    public static final String FORBIDDEN_CHARACTER = "must not contain control characters";
}
