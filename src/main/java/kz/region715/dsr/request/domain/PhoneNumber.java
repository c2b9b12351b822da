package kz.region715.dsr.request.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/** A phone number parsed by libphonenumber and kept in E.164 form ({@code +77011234567}). */
public record PhoneNumber(String e164) {

    /** Numbers without a country code are read as Kazakh ones. */
    public static final String DEFAULT_REGION = "KZ";
    public static final int MAX_INPUT_LENGTH = 32;
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    public PhoneNumber {
        if (e164 == null || !e164.matches("\\+[1-9][0-9]{6,14}")) {
            throw new IllegalArgumentException("not an E.164 number");
        }
    }

    public static boolean isValid(String text) {
        return tryParse(text) != null;
    }

    /** @throws IllegalArgumentException when the text is not a valid phone number */
    public static PhoneNumber parse(String text) {
        PhoneNumber number = tryParse(text);
        if (number == null) {
            throw new IllegalArgumentException("not a valid phone number");
        }
        return number;
    }

    private static PhoneNumber tryParse(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_INPUT_LENGTH) {
            return null;
        }
        try {
            Phonenumber.PhoneNumber parsed = UTIL.parse(text, DEFAULT_REGION);
            if (!UTIL.isValidNumber(parsed)) {
                return null;
            }
            return new PhoneNumber(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return null;
        }
    }
}
