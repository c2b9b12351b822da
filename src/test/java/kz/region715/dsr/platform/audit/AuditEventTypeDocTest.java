package kz.region715.dsr.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The list of event types in docs/audit-trail.md is the enum's, in its order, with its descriptions. */
class AuditEventTypeDocTest {

    static final Path DOC = Path.of("docs/audit-trail.md");
    static final String START = "<!-- event types: generated from AuditEventType, AuditEventTypeDocTest checks it -->";
    static final String END = "<!-- end of event types -->";

    static String expectedTable() {
        return "| type | what it records |\n|---|---|\n" + Arrays.stream(AuditEventType.values())
                .map(type -> "| `" + type.name() + "` | " + type.description() + " |")
                .collect(Collectors.joining("\n")) + "\n";
    }

    @Test
    void theDocumentedTableIsTheEnum() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int start = doc.indexOf(START);
        int end = doc.indexOf(END);
        assertThat(start).as("%s holds the marker %s", DOC, START).isNotNegative();
        assertThat(end).as("%s holds the marker %s", DOC, END).isGreaterThan(start);
        String table = doc.substring(start + START.length(), end).strip() + "\n";
        assertThat(table).as("the event types in %s differ from AuditEventType; paste this between the markers:%n%s",
                DOC, expectedTable()).isEqualTo(expectedTable());
    }

    @Test
    void everyDescriptionIsOneLineThatKeepsTheTableIntact() {
        assertThat(AuditEventType.values()).allSatisfy(type -> assertThat(type.description())
                .isNotBlank().doesNotContain("\n", "|"));
    }
}
