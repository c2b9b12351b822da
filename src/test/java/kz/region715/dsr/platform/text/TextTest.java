package kz.region715.dsr.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void unicodeBlanksAreBlank() {
        assertThat(Text.isBlank("\u00a0\u2003\u3000")).isTrue();
        assertThat(Text.isBlank(" \t\n\u2007\u202f\ufeff\u200b")).isTrue();
        assertThat(Text.isBlank(null)).isTrue();
        assertThat(Text.isBlank("\u00a0a")).isFalse();
    }

    @Test
    void controlCharactersAreForbiddenButLineEndsAreNotInText() {
        assertThat(Text.hasForbiddenCharacter("a\u0000b")).isTrue();
        assertThat(Text.hasForbiddenCharacter("a\u001bb")).isTrue();
        assertThat(Text.hasForbiddenCharacter("a\u007fb")).isTrue();
        assertThat(Text.hasForbiddenCharacter("a\u0085b")).isTrue();
        assertThat(Text.hasForbiddenCharacter("a\ud800b")).isTrue();
        assertThat(Text.hasForbiddenCharacter("a\udc00")).isTrue();
        assertThat(Text.hasForbiddenCharacter("\uffff")).isTrue();
        assertThat(Text.hasForbiddenCharacter("line\nline\r\n\ttab")).isFalse();
        assertThat(Text.hasForbiddenCharacter("Айгерим 😀 қазақ")).isFalse();
        assertThat(Text.hasForbiddenCharacterInLine("line\nline")).isTrue();
        assertThat(Text.hasForbiddenCharacterInLine("Айгерим Серикова")).isFalse();
    }
}
