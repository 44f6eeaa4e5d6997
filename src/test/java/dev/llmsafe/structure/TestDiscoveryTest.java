package dev.llmsafe.structure;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.body.MethodDeclaration;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every test class runs in {@code ./mvnw verify}: its file name matches surefire's or failsafe's includes in the
 * pom. Surefire's default names once left out every jqwik property class ({@code *Properties}), so none of them ran.
 * Read with a real XML parser (the pom) and a real Java parser (the test methods).
 */
class TestDiscoveryTest {
    private static final Set<String> TEST_ANNOTATIONS =
            Set.of("Test", "ParameterizedTest", "Property", "Example", "RepeatedTest", "TestFactory");

    @Test
    void everyTestClassMatchesTheIncludesOfSurefireOrFailsafe() throws Exception {
        Path root = Path.of(System.getProperty("llmsafe.projectDir", "."));
        List<PathMatcher> includes = includes(root.resolve("pom.xml"));
        assertThat(includes).as("surefire and failsafe includes in pom.xml").isNotEmpty();
        StaticJavaParser.getParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);

        List<String> unrun = new ArrayList<>();
        int tests = 0;
        try (Stream<Path> files = Files.walk(root.resolve("src/test/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (!hasTests(file)) {
                    continue;
                }
                tests++;
                if (includes.stream().noneMatch(m -> m.matches(file.getFileName()))) {
                    unrun.add(root.relativize(file).toString());
                }
            }
        }
        assertThat(tests).as("test classes found").isGreaterThan(100);
        assertThat(unrun).as("test classes that no include names").isEmpty();
    }

    private static boolean hasTests(Path file) throws IOException {
        return StaticJavaParser.parse(file).findAll(MethodDeclaration.class).stream()
                .flatMap(m -> m.getAnnotations().stream())
                .anyMatch(a -> TEST_ANNOTATIONS.contains(a.getName().getIdentifier()));
    }

    /** The {@code <include>} patterns of the surefire and failsafe plugins, as matchers of a file name. */
    private static List<PathMatcher> includes(Path pom) throws Exception {
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        List<PathMatcher> matchers = new ArrayList<>();
        NodeList plugins = document.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            String artifact = plugin.getElementsByTagName("artifactId").item(0).getTextContent();
            if (!artifact.equals("maven-surefire-plugin") && !artifact.equals("maven-failsafe-plugin")) {
                continue;
            }
            NodeList include = plugin.getElementsByTagName("include");
            for (int j = 0; j < include.getLength(); j++) {
                String pattern = include.item(j).getTextContent().trim().replaceFirst("^\\*\\*/", "");
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
            }
        }
        return matchers;
    }
}
