package kz.region715.dsr.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.qute.i18n.Message;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The console says everything in Russian and Kazakh that it says in English, and nothing more. */
class ConsoleMessagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"ru", "kk"})
    void everyWordIsTranslated(String language) throws IOException {
        Set<String> english = Arrays.stream(ConsoleMessages.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Message.class)).map(java.lang.reflect.Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Properties translated = new Properties();
        try (Reader in = new InputStreamReader(ConsoleMessagesTest.class.getResourceAsStream(
                "/messages/con_" + language + ".properties"), StandardCharsets.UTF_8)) {
            translated.load(in);
        }
        assertThat(new TreeSet<>(translated.stringPropertyNames())).isEqualTo(english);
        translated.forEach((key, value) -> assertThat(value.toString()).as(key.toString()).isNotBlank());
    }
}
