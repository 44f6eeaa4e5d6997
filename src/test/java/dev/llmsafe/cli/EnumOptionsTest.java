package dev.llmsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Options that take one of a fixed set of words are typed: picocli refuses any other word before the command
 * runs, naming the value and listing the words, and each option's help lists them too.
 */
class EnumOptionsTest {
    @TempDir
    Path dir;

    private static void refused(CliRun run, String command, String message) {
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err())
                .isEqualTo(
                        "llmsafe " + command + ": " + message + "\nTry 'llmsafe " + command + " --help' for usage.\n");
    }

    @Test
    void aStackKindIsOneOfTheKinds() {
        refused(
                CliRun.of("policy", "check", "--kind", "sandbox", "--plan", "plan.json"),
                "policy check",
                "Invalid value for option '--kind': 'sandbox' is not a stack kind; use one of platform, review, "
                        + "staging, production");
        refused(
                CliRun.of("policy", "check", "--kind", "Review", "--plan", "plan.json"),
                "policy check",
                "Invalid value for option '--kind': 'Review' is not a stack kind; use one of platform, review, "
                        + "staging, production");
        assertThat(CliRun.of("policy", "check", "--help").out())
                .contains("The stack kind when the plan does not say: platform,", "review, staging, production.");
    }

    @Test
    void anActorKindIsOneOfTheKindsInAnyCase() {
        AuditCliRun robot = AuditCliRun.run(
                Map.of(),
                "audit",
                "append",
                "--new",
                "--kind",
                "approval",
                "--log",
                dir.resolve("audit.jsonl").toString(),
                "--actor",
                "octocat",
                "--actor-kind",
                "robot");
        assertThat(robot.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(robot.err())
                .startsWith("llmsafe audit append: Invalid value for option '--actor-kind': 'robot' "
                        + "is not an actor kind; use one of human, ai, bot\n");
        AuditCliRun upper = AuditCliRun.run(
                Map.of(),
                "audit",
                "append",
                "--new",
                "--kind",
                "approval",
                "--log",
                dir.resolve("audit.jsonl").toString(),
                "--actor",
                "octocat",
                "--actor-kind",
                " HUMAN ");
        assertThat(upper.exit()).as(upper.err()).isZero();
        assertThat(CliRun.of("audit", "append", "--help").out()).contains("Declare the kind: human, ai, bot.");
    }

    @Test
    void aRemovalResultIsOneOfTheResults() {
        refused(
                CliRun.of("comment", "--stack", "pr-42", "--destroyed", "maybe"),
                "comment",
                "Invalid value for option '--destroyed': expected one of [destroyed, absent, failed] "
                        + "(case-sensitive) but was 'maybe'");
        assertThat(CliRun.of("comment", "--help").out()).contains("removed:", "destroyed, absent, failed.");
    }

    @Test
    void everyFormatIsOneOfTheFormats() {
        refused(
                CliRun.of("policy", "check", "--format", "xml", "--plan", "plan.json"),
                "policy check",
                "Invalid value for option '--format': expected one of [text, json, sarif, markdown] "
                        + "(case-sensitive) but was 'xml'");
        refused(
                CliRun.of("plan", "--stack", "pr-42", "--format", "xml"),
                "plan",
                "Invalid value for option '--format': expected one of [text, json, markdown] (case-sensitive) "
                        + "but was 'xml'");
        refused(
                CliRun.of("audit", "report", "--format", "xml"),
                "audit report",
                "Invalid value for option '--format': expected one of [markdown, html, json] (case-sensitive) "
                        + "but was 'xml'");
    }
}
