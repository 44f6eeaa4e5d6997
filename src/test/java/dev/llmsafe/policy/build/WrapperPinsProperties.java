package dev.llmsafe.policy.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile {@code maven-wrapper.properties} files, judged against the two readers that use them: the
 * repository's own {@code mvnw}, whose parsing loop runs here in {@code sh} as the script has it, and
 * Properties. The wrapper passes only when both read the same pinned URL and checksum, and a file
 * both read alike, pinned, passes.
 */
class WrapperPinsProperties {
    private static final String URL = "https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/3.9.11/"
            + "apache-maven-3.9.11-bin.zip";
    private static final String SUM = "0d7125e8c91097b36edb990ea5934e6c68b4440eef4ea96510a0f6815e7eeadb";
    private static final String LOOP = mvnwLoop();
    private static Process shell;
    private static java.io.BufferedWriter toShell;
    private static java.io.BufferedReader fromShell;

    @Property(tries = 1000)
    void theWrapperPassesOnlyWhenMvnwAndPropertiesReadTheSamePins(@ForAll("wrappers") String text) throws IOException {
        String[] mvnw = mvnw(text);
        Properties properties = new Properties();
        boolean propertiesRead = true;
        try {
            properties.load(new StringReader(text));
        } catch (IllegalArgumentException e) {
            propertiesRead = false;
        }
        boolean alike = propertiesRead
                && eq(mvnw[0], properties.getProperty("distributionUrl"))
                && eq(mvnw[1], properties.getProperty("distributionSha256Sum"));
        boolean passes =
                WrapperPins.check(".mvn/wrapper/maven-wrapper.properties", text).isEmpty();
        if (passes) {
            assertThat(alike).as("mvnw read %s / %s", mvnw[0], mvnw[1]).isTrue();
            assertThat(mvnw[1]).matches("[0-9a-fA-F]{64}");
        }
        if (alike
                && URL.equals(mvnw[0])
                && SUM.equals(mvnw[1])
                && "only-script".equals(properties.getProperty("distributionType"))) {
            assertThat(passes).as("both readers agree on the pins").isTrue();
        }
        Statistics.collect(passes ? "passes" : alike ? "refused, readers agree" : "refused, readers disagree");
    }

    private static boolean eq(String mvnw, String properties) {
        return mvnw == null ? properties == null : mvnw.equals(properties);
    }

    @Provide
    static Arbitrary<String> wrappers() {
        Arbitrary<String> key = Arbitraries.of(
                "distributionUrl",
                "distributionSha256Sum",
                "distributionSha256Sum",
                "distributionType",
                "wrapperVersion",
                "#distributionSha256Sum",
                " distributionSha256Sum",
                "distribution\\\nSha256Sum");
        Arbitrary<String> separator = Arbitraries.of("=", "=", "=", " =", "= ", ":", " ", "\t=", "=\\\n  ", "==");
        Arbitrary<String> value = Arbitraries.of(
                URL,
                URL,
                SUM,
                SUM,
                "only-script",
                "only-script",
                "",
                "3.3.2",
                URL.replace("https:", "https\\:"),
                SUM.toUpperCase(),
                SUM + " ",
                SUM + "\\",
                "\\u0030" + SUM.substring(1),
                "https://repo.example/maven2/org/apache/maven/apache-maven/3.9.11/apache-maven-3.9.11-bin.zip");
        Arbitrary<String> end = Arbitraries.of("\n", "\n", "\n", "\r\n", "\r");
        Arbitrary<String> line =
                net.jqwik.api.Combinators.combine(key, separator, value, end).as((k, s, v, e) -> k + s + v + e);
        Arbitrary<String> canonical = Arbitraries.just(
                "distributionType=only-script\ndistributionUrl=" + URL + "\ndistributionSha256Sum=" + SUM + "\n");
        return net.jqwik.api.Combinators.combine(
                        canonical,
                        line.list().ofMaxSize(4),
                        Arbitraries.integers().between(0, 3))
                .as((c, lines, cut) -> {
                    String text = cut == 0 ? String.join("", lines) : c + String.join("", lines);
                    return cut == 3 && text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
                });
    }

    /**
     * distributionUrl and distributionSha256Sum as the repository's mvnw reads them (null when unset), by one
     * long-lived {@code sh} that runs mvnw's loop on each file it is sent (a process per file would be slow).
     */
    private static synchronized String[] mvnw(String text) throws IOException {
        if (shell == null) {
            shell = new ProcessBuilder("sh").redirectErrorStream(true).start();
            toShell = new java.io.BufferedWriter(
                    new java.io.OutputStreamWriter(shell.getOutputStream(), StandardCharsets.UTF_8));
            fromShell = new java.io.BufferedReader(
                    new java.io.InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8));
            toShell.write(
                    "parse() {\n unset distributionUrl distributionSha256Sum\n" + LOOP
                            + "\n printf '%s\\n%s\\n%s\\n%s\\n' "
                            + "\"${distributionUrl+set}\" \"${distributionUrl-}\" \"${distributionSha256Sum+set}\" \"${distributionSha256Sum-}\"\n}\n");
        }
        Path file = Files.createTempFile("wrapper", ".properties");
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            toShell.write("parse '" + file + "'\n");
            toShell.flush();
            String[] out = new String[4];
            for (int i = 0; i < 4; i++) {
                out[i] = fromShell.readLine();
                assertThat(out[i]).as("the shell answered").isNotNull();
            }
            return new String[] {out[0].isEmpty() ? null : out[1], out[2].isEmpty() ? null : out[3]};
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @AfterContainer
    static void stopShell() throws IOException {
        if (shell != null) {
            toShell.close();
            shell.destroy();
        }
    }

    /** mvnw's trim() and properties loop, taken from the script itself and pointed at the file given as $1. */
    private static String mvnwLoop() {
        try {
            Path project = Path.of(System.getProperty("llmsafe.projectDir", "."));
            List<String> lines = Files.readAllLines(project.resolve("mvnw"));
            int trim = lines.indexOf("trim() {");
            int loop = lines.indexOf("while IFS=\"=\" read -r key value; do");
            assertThat(trim).as("mvnw defines trim()").isNotNegative();
            assertThat(loop).as("mvnw reads the properties with IFS='=' read").isNotNegative();
            int trimEnd = trim;
            while (!lines.get(trimEnd).equals("}")) {
                trimEnd++;
            }
            int done = loop;
            while (!lines.get(done).startsWith("done <")) {
                done++;
            }
            return String.join("\n", lines.subList(trim, trimEnd + 1)) + "\n"
                    + String.join("\n", lines.subList(loop, done)) + "\ndone <\"$1\"";
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
