package kz.region715.dsr.request.domain;

import java.util.Locale;

/** The languages the service speaks to subjects in. */
public enum SubjectLocale {
    RU("ru"), KK("kk"), EN("en");

    public static final SubjectLocale DEFAULT = RU;
    private final String tag;

    SubjectLocale(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public Locale toLocale() {
        return Locale.forLanguageTag(tag);
    }

    public static SubjectLocale ofTag(String tag) {
        for (SubjectLocale locale : values()) {
            if (locale.tag.equals(tag)) {
                return locale;
            }
        }
        throw new IllegalArgumentException("unsupported locale");
    }
}
