package kz.region715.dsr.request.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueObjectsTest {

    @ParameterizedTest
    @CsvSource({
            "Aigerim@Example.KZ, aigerim@example.kz",
            "'  a.b+tag@mail.example.kz ', a.b+tag@mail.example.kz",
            "user@пример.қаз, user@xn--e1afmkfd.xn--80ao21a"})
    void emailIsNormalisedForMatchingAndKeptAsGivenForSending(String given, String normalised) {
        EmailAddress email = EmailAddress.parse(given);
        assertThat(email.normalised()).isEqualTo(normalised);
        assertThat(email.asGiven()).isEqualTo(given.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "@example.kz", "a@", "a@b", "a@@b.kz", "a b@c.kz", "a@b..kz", "a.@b.kz",
            "a@-b.kz", "a@b.kz.", "<script>@b.kz"})
    void malformedEmailsAreRefused(String text) {
        assertThat(EmailAddress.isValid(text)).isFalse();
        assertThatThrownBy(() -> EmailAddress.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overlongEmailIsRefused() {
        assertThat(EmailAddress.isValid("a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "."
                + "d".repeat(63) + ".kz")).isFalse();
        assertThat(EmailAddress.isValid("a".repeat(65) + "@b.kz")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "8 701 123 45 67, +77011234567",
            "+7 (701) 123-45-67, +77011234567",
            "87011234567, +77011234567",
            "+7 727 258 12 34, +77272581234",
            "+49 30 901820, +4930901820"})
    void phonesAreNormalisedToE164WithKazakhstanAsDefaultRegion(String given, String e164) {
        assertThat(PhoneNumber.parse(given).e164()).isEqualTo(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123", "not a phone", "+7 000 000 00 00", "+999 123 456 789"})
    void invalidPhonesAreRefused(String text) {
        assertThat(PhoneNumber.isValid(text)).isFalse();
    }

    @Test
    void overlongPhoneInputIsRefusedBeforeParsing() {
        assertThat(PhoneNumber.isValid("+7 701 123 45 67" + " ".repeat(40))).isFalse();
    }

    @Test
    void referenceHasYearAndSixDigitNumber() {
        assertThat(Reference.of(2026, 42).value()).isEqualTo("DSR-2026-000042");
        assertThat(Reference.of(2027, 1_234_567).value()).isEqualTo("DSR-2027-1234567");
        assertThatThrownBy(() -> Reference.of(2026, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Reference("DSR-26-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void localesAreTheThreeOfTheService() {
        assertThat(SubjectLocale.ofTag("kk")).isEqualTo(SubjectLocale.KK);
        assertThat(SubjectLocale.DEFAULT).isEqualTo(SubjectLocale.RU);
        assertThatThrownBy(() -> SubjectLocale.ofTag("de")).isInstanceOf(IllegalArgumentException.class);
    }
}
