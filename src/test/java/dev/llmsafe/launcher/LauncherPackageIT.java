package dev.llmsafe.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What `./mvnw package` ships, run as a user runs it: target/bin/llmsafe from another folder and through a
 * symlink, under its class-data-sharing archive; and the jar copied alone, which must say what it lacks.
 */
class LauncherPackageIT {
    private static final Path JAR = Path.of(System.getProperty(
            "llmsafe.jar", CliRun.projectDir().resolve("target/llm-safe.jar").toString()));
    private static final Path LAUNCHER = JAR.resolveSibling("bin").resolve("llmsafe");

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {}

    private static Run run(Path dir, Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(dir.toFile());
        builder.environment().putAll(env);
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("%s finished", List.of(command))
                .isTrue();
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theLauncherRunsFromAnyFolderThroughASymlink() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("home/.local/bin"));
        Path link = Files.createSymbolicLink(bin.resolve("llmsafe"), LAUNCHER);

        Run version = run(tmp, Map.of(), link.toString(), "--version");
        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("llmsafe ");

        Run plan = run(CliRun.projectDir(), Map.of(), link.toString(), "plan", "--stack", "pr-42");
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("pr-42");
        assertThat(plan.out() + plan.err()).doesNotContain("[cds").doesNotContain("warning");
    }

    @Test
    void theLauncherRunsUnderTheArchivePackageWrote() throws Exception {
        assertThat(JAR.resolveSibling("llm-safe.jsa"))
                .as("the archive ./mvnw package writes")
                .isRegularFile();
        String ours = "dev.llmsafe.cli.LlmSafeCommand";

        Run shared = run(tmp, Map.of("LLMSAFE_JAVA_OPTS", "-Xlog:class+load=info"), LAUNCHER.toString(), "--version");
        assertThat(shared.exit()).as(shared.err()).isZero();
        assertThat(lineFor(shared.out(), ours)).contains("shared objects file");

        Run off = run(
                tmp,
                Map.of("LLMSAFE_JAVA_OPTS", "-Xlog:class+load=info", "LLMSAFE_CDS", "off"),
                LAUNCHER.toString(),
                "--version");
        assertThat(off.exit()).as(off.err()).isZero();
        assertThat(lineFor(off.out(), ours)).doesNotContain("shared objects file");
    }

    @Test
    void theArchiveHoldsWhatAuditVerifyLoadsPicocliIncluded() throws Exception {
        String log = tmp.resolve("audit.jsonl").toString();
        startLog(
                Map.of(),
                log,
                "--repository=octo/app",
                "--pr=7",
                "--commit=0123456789abcdef0123456789abcdef01234567",
                "--run=1");

        Run verify = run(
                tmp,
                Map.of("LLMSAFE_JAVA_OPTS", "-Xlog:class+load=info"),
                LAUNCHER.toString(),
                "audit",
                "verify",
                "--log=" + log);
        assertThat(verify.exit()).as(verify.err()).isZero();
        // picocli's class files are version 49, which only a static archive holds; a plan never loads the verifier.
        for (String loaded : List.of(
                "picocli.CommandLine",
                "dev.llmsafe.cli.AuditVerifyCommand",
                "dev.llmsafe.audit.ParallelChainVerifier")) {
            assertThat(lineFor(verify.out(), loaded)).contains("shared objects file");
        }
        // Classifying the log's logins needs no confusable skeletons, so verify loads none of ICU.
        assertThat(verify.out().lines().filter(l -> l.contains(" com.ibm.icu.")))
                .isEmpty();
    }

    /** $LLMSAFE_AUDIT_BUCKET is a default: a --log given on the command line is the log used, as the user said. */
    @Test
    void anExplicitLogBeatsTheBucketOfTheEnvironment() throws Exception {
        String log = tmp.resolve("env-audit.jsonl").toString();
        Map<String, String> env =
                Map.of("LLMSAFE_AUDIT_BUCKET", "acme-audit", "STORAGE_EMULATOR_HOST", "http://127.0.0.1:9");
        startLog(env, log);
        Run verify = run(tmp, env, LAUNCHER.toString(), "audit", "verify", "--log=" + log);
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.out()).startsWith("intact: 1 records");
        Run both = run(tmp, env, LAUNCHER.toString(), "audit", "verify", "--log=" + log, "--gcs-bucket=acme-audit");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("name two logs");
    }

    @Test
    void anArchiveThatDoesNotMatchIsIgnoredSilently() throws Exception {
        // The package moved: the archive's class path no longer matches, so the JVM loads every class from the jars.
        Path home = Files.createDirectories(tmp.resolve("moved/bin"));
        Path moved = home.getParent();
        Files.copy(LAUNCHER, home.resolve("llmsafe"));
        Files.copy(JAR, moved.resolve("llm-safe.jar"));
        Files.copy(JAR.resolveSibling("llm-safe.jsa"), moved.resolve("llm-safe.jsa"));
        Files.createSymbolicLink(moved.resolve("lib"), JAR.resolveSibling("lib"));

        Run plain = run(tmp, Map.of(), home.resolve("llmsafe").toString(), "--version");
        assertThat(plain.exit()).as(plain.err()).isZero();
        assertThat(plain.out()).startsWith("llmsafe ");
        assertThat(plain.out() + plain.err()).doesNotContain("cds").doesNotContain("warning");

        Run logged = run(
                tmp,
                Map.of("LLMSAFE_JAVA_OPTS", "-Xlog:class+load=info"),
                home.resolve("llmsafe").toString(),
                "--version");
        assertThat(lineFor(logged.out(), "dev.llmsafe.cli.LlmSafeCommand")).doesNotContain("shared objects file");
    }

    @Test
    void shortCommandsCompileWithC1OnlyAndAuditAndBenchWithBothAndLessInlining() throws Exception {
        Map<String, String> flags = Map.of("LLMSAFE_JAVA_OPTS", "-XX:+PrintFlagsFinal");
        Run version = run(tmp, flags, LAUNCHER.toString(), "--version");
        assertThat(flag(version, "TieredStopAtLevel")).isEqualTo("1");
        assertThat(flag(version, "FreqInlineSize")).isEqualTo("325");
        for (String group : List.of("audit", "bench")) {
            Run help = run(tmp, flags, LAUNCHER.toString(), group, "--help");
            assertThat(flag(help, "TieredStopAtLevel")).as(group).isEqualTo("4");
            assertThat(flag(help, "FreqInlineSize")).as(group).isEqualTo("100");
            assertThat(flag(help, "UseParallelGC")).as(group).isEqualTo("true");
            // Below 4 CPUs (as the launcher counts them: getconf, which a container's CPU quota does not lower) a
            // second C2 thread; from 4 the JVM's own count, the one the short commands get.
            int cpus = Integer.parseInt(
                    run(tmp, Map.of(), "getconf", "_NPROCESSORS_ONLN").out().trim());
            assertThat(flag(help, "CICompilerCount"))
                    .as(group)
                    .isEqualTo(cpus < 4 ? "3" : flag(version, "CICompilerCount"));
            assertThat(help.out())
                    .as(group)
                    .contains("CompileCommand", "inline,dev.llmsafe.audit.CanonicalLexer::string");
        }
    }

    @Test
    void aLauncherWithoutItsJarSaysWhatIsMissing() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("alone/bin"));
        Path copy = Files.copy(LAUNCHER, bin.resolve("llmsafe"));
        Run run = run(tmp, Map.of(), copy.toString(), "--version");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err())
                .contains(tmp.resolve("alone")
                        .toRealPath()
                        .resolve("llm-safe.jar")
                        .toString())
                .contains("lib/")
                .contains("./mvnw package");
    }

    @Test
    void aJarCopiedWithoutItsLibrariesSaysSoWithoutAStackTrace() throws Exception {
        Path copy = Files.copy(JAR, tmp.resolve("llm-safe.jar"));
        Run run = run(
                tmp,
                Map.of(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                copy.toString(),
                "--version");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err())
                .contains("lib/")
                .contains("target/bin/llmsafe")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void benchStartupTimesEveryCommandAgainstTheOneResourceProgram() throws Exception {
        Run bench = run(CliRun.projectDir(), Map.of(), LAUNCHER.toString(), "bench", "startup", "--runs", "1");
        assertThat(bench.exit()).as(bench.err()).isZero();
        List<String> labels = new ArrayList<>();
        bench.out()
                .lines()
                .filter(l -> l.contains(" ms median "))
                .forEach(l -> labels.add(l.substring(0, 42).strip()));
        assertThat(labels)
                .containsExactly(
                        "java -version",
                        "one-resource program",
                        "llmsafe --help",
                        "llmsafe policy rules",
                        "llmsafe plan --stack pr-42",
                        "java -jar llm-safe.jar plan --stack pr-42");
        assertThat(bench.out())
                .containsPattern("one-resource program +[0-9]+ ms median +1\\.00 x one resource")
                .containsPattern("goal: plan through the launcher <= 1\\.5 x one resource: [0-9.]+, (met|NOT met)");
    }

    private static String lineFor(String log, String className) {
        return log.lines()
                .filter(l -> l.contains(" " + className + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError(className + " not loaded in:\n" + log));
    }

    /** Starts a log at {@code log} with one record through the launcher, as a user does. */
    private void startLog(Map<String, String> env, String log, String... more) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                LAUNCHER.toString(),
                "audit",
                "append",
                "--new",
                "--log=" + log,
                "--kind=ai.activity",
                "--actor=octocat"));
        command.addAll(List.of(more));
        Run append = run(tmp, env, command.toArray(String[]::new));
        assertThat(append.exit()).as(append.err()).isZero();
    }

    /** A JVM flag's final value, from a run with -XX:+PrintFlagsFinal. */
    private static String flag(Run run, String name) {
        assertThat(run.exit()).as(run.err()).isZero();
        return run.out()
                .lines()
                .filter(l -> l.contains(" " + name + " "))
                .findFirst()
                .map(l -> l.replaceAll(".*" + name + "\\s+=\\s+(\\S+).*", "$1"))
                .orElseThrow();
    }
}
