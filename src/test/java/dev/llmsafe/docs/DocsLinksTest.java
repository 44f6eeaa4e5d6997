package dev.llmsafe.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every relative link in README.md and docs/ leads to a file that exists. */
class DocsLinksTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(?:#[^)]*)?\\)");

    @Test
    void relativeLinksResolve() throws Exception {
        Path root = CliRun.projectDir();
        List<Path> files = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(files::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path file : files) {
            LINK.matcher(Files.readString(file))
                    .results()
                    .map(m -> m.group(1))
                    .filter(target -> !target.matches("[a-z]+:.*"))
                    .filter(target -> !Files.exists(file.getParent().resolve(target)))
                    .forEach(target -> broken.add(root.relativize(file) + " -> " + target));
        }
        assertThat(broken).isEmpty();
    }

    /** A guarantee the docs say a test proves names a test that exists. */
    @Test
    void testsNamedInTheDocsExist() throws Exception {
        Path root = CliRun.projectDir();
        List<String> tests;
        try (Stream<Path> all = Files.walk(root.resolve("src/test/java"))) {
            tests = all.map(p -> p.getFileName().toString().replace(".java", ""))
                    .toList();
        }
        List<String> missing = new ArrayList<>();
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).toList()) {
                Pattern.compile("`([A-Z][A-Za-z]+Test)`")
                        .matcher(Files.readString(doc))
                        .results()
                        .map(m -> m.group(1))
                        .filter(t -> !tests.contains(t))
                        .forEach(t -> missing.add(root.relativize(doc) + " names " + t));
            }
        }
        assertThat(missing).isEmpty();
    }
}
