package kz.region715.dsr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README links every document, and every relative link of the documents leads to a file. */
class DocumentsTest {

    static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

    static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(Path.of("README.md"), Path.of("k8s/README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    static List<Path> links(Path document) throws IOException {
        List<Path> targets = new ArrayList<>();
        Matcher link = LINK.matcher(Files.readString(document, StandardCharsets.UTF_8));
        while (link.find()) {
            if (!link.group(1).contains("://")) {
                targets.add(document.resolveSibling(link.group(1)).normalize());
            }
        }
        return targets;
    }

    @Test
    void theReadmeLinksEveryDocument() throws IOException {
        List<Path> linked = links(Path.of("README.md"));
        assertThat(linked).as("documents the README links").containsAll(documents().subList(1, documents().size()));
        assertThat(linked).contains(Path.of("docs/audit/VerifyAuditExport.java"));
    }

    @Test
    void everyRelativeLinkLeadsToAFile() throws IOException {
        for (Path document : documents()) {
            assertThat(links(document)).as("links of %s", document).allMatch(Files::exists);
        }
    }
}
