package dev.llmsafe.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every llmsafe command shown in a code block of README.md or docs/ runs, as shown, and succeeds; except those
 * that need something only CI or a cloud has, each named below with the reason.
 */
class DocsCommandsTest {
    private static final Pattern BLOCK = Pattern.compile("```(?:sh|bash|shell)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern COMMAND = Pattern.compile("(?:java -jar target/llm-safe\\.jar|^llmsafe) (.*)$");
    /** Commands that cannot run offline, by what they need. */
    private static final Map<String, String> NEEDS = Map.of(
            "gate approvals", "the GitHub API and a workflow run",
            "verify --url https://", "the deployed app",
            "--gcs-bucket", "a GCS bucket",
            "--plan preview.json", "the real `pulumi preview --json` and CI's base ref");

    record DocCommand(String file, String args) {}

    static List<DocCommand> commands() throws Exception {
        Path root = CliRun.projectDir();
        List<Path> files = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<DocCommand> commands = new ArrayList<>();
        for (Path file : files) {
            Matcher block = BLOCK.matcher(Files.readString(file));
            while (block.find()) {
                for (String line : block.group(1).replace("\\\n", " ").split("\n")) {
                    Matcher m = COMMAND.matcher(line.replaceAll("#.*$", "").strip());
                    if (m.find()) {
                        // A synopsis's optional parts ([--x Y]...) are left out: the command runs as the minimum shown.
                        String args = m.group(1)
                                .replaceAll("\\s*\\[[^]]*]\\.*", "")
                                .replaceAll("\\s+", " ")
                                .strip();
                        commands.add(new DocCommand(root.relativize(file).toString(), args));
                    }
                }
            }
        }
        return commands;
    }

    @Test
    void everyOfflineCommandInTheDocsSucceedsAsShown(@TempDir Path work) throws Exception {
        List<DocCommand> commands = commands();
        assertThat(commands).as("the docs show commands").hasSizeGreaterThan(10);
        Files.copy(CliRun.projectDir().resolve("src/test/resources/docs/history.json"), work.resolve("history.json"));
        // The audit commands read a log; make one the way CI does.
        assertThat(run(
                        work,
                        "audit append --new --log audit.jsonl --kind preview.deployed --actor octocat "
                                + "--actor-kind human --payload-json '{\"stack\":\"pr-42\"}'"))
                .isZero();

        int ran = 0;
        for (DocCommand c : commands) {
            if (NEEDS.keySet().stream().anyMatch(c.args()::contains)) {
                continue;
            }
            // Audit commands work on the log made above; the others on the repository as it is.
            Path dir = c.args().startsWith("audit ") ? work : CliRun.projectDir();
            assertThat(run(dir, c.args()))
                    .as(c.file() + ": llmsafe " + c.args())
                    .isZero();
            ran++;
        }
        assertThat(ran).isGreaterThan(8);
    }

    @Test
    void commandsLeftOutAreOnlyThoseThatNeedCiOrACloud() throws Exception {
        for (DocCommand c : commands()) {
            boolean needsSomething = NEEDS.keySet().stream().anyMatch(c.args()::contains);
            boolean offlineKind = c.args().startsWith("plan ")
                    || c.args().startsWith("policy check --stack")
                    || c.args().startsWith("audit verify --log")
                    || c.args().startsWith("audit report");
            assertThat(needsSomething && offlineKind)
                    .as(c.file() + ": " + c.args())
                    .isFalse();
        }
    }

    /** Runs {@code llmsafe ARGS} through bash (so quoting and redirection work as in a terminal). */
    private static int run(Path dir, String args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var pb = new ProcessBuilder("bash", "-c", "\"$JAVA\" -cp \"$CP\" dev.llmsafe.Main " + args)
                .directory(dir.toFile())
                .redirectErrorStream(true);
        pb.environment().put("JAVA", java);
        pb.environment().put("CP", System.getProperty("java.class.path"));
        pb.environment().keySet().removeIf(k -> k.startsWith("GITHUB_") || k.startsWith("LLMSAFE_"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        if (p.exitValue() != 0) {
            System.err.println("llmsafe " + args + " (in " + dir + "):\n" + out);
        }
        return p.exitValue();
    }
}
