package dev.llmsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.components.CodeOwnersFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code llmsafe codeowners}: the committed .github/CODEOWNERS against what the platform stack's config renders,
 * the drift check CI runs since the stack itself never rewrites the file on the protected main branch.
 */
class CodeOwnersCommandTest {
    @TempDir
    Path dir;

    /** A copy of the project's config files, so a test can change them. */
    private Path project() throws Exception {
        try (Stream<Path> files = Files.list(CliRun.projectDir())) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("Pulumi(\\..+)?\\.yaml"))
                    .toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Files.createDirectories(dir.resolve(".github"));
        return dir;
    }

    @Test
    void theRepositorysOwnFileMatchesItsConfig() {
        var run = CliRun.of("codeowners", "--project-dir", CliRun.projectDir().toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains(CodeOwnersFile.PATH, "matches");
    }

    @Test
    void writeRendersTheFileThePlatformStackWouldCommitAndCheckThenPasses() throws Exception {
        Path project = project();
        var write = CliRun.of("codeowners", "--project-dir", project.toString(), "--write");
        assertThat(write.exitCode()).as(write.err()).isZero();
        String written = Files.readString(project.resolve(CodeOwnersFile.PATH));
        assertThat(written).contains("/.github/", "/Pulumi.*.yaml", "@acme/platform");
        assertThat(written).isEqualTo(Files.readString(CliRun.projectDir().resolve(CodeOwnersFile.PATH)));
        assertThat(CliRun.of("codeowners", "--project-dir", project.toString()).exitCode())
                .isZero();
    }

    @Test
    void aConfigChangeWithoutTheFileFailsNamingTheLineAndTheFix() throws Exception {
        Path project = project();
        assertThat(CliRun.of("codeowners", "--project-dir", project.toString(), "--write")
                        .exitCode())
                .isZero();
        Path platform = project.resolve("Pulumi.platform.yaml");
        Files.writeString(
                platform,
                Files.readString(platform)
                        .replace("    - \"@acme/platform\"", "    - \"@acme/platform\"\n    - \"@acme/security\""));

        var run = CliRun.of("codeowners", "--project-dir", project.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains(
                        CodeOwnersFile.PATH,
                        "Pulumi.platform.yaml",
                        "line ",
                        "@acme/platform @acme/security",
                        "codeowners --write",
                        "pull request");
    }

    @Test
    void aHandEditOfTheFileFailsAndAMissingFileToo() throws Exception {
        Path project = project();
        assertThat(CliRun.of("codeowners", "--project-dir", project.toString(), "--write")
                        .exitCode())
                .isZero();
        Path file = project.resolve(CodeOwnersFile.PATH);
        Files.writeString(file, Files.readString(file).replace("@acme/platform", "@someone-else"));
        var edited = CliRun.of("codeowners", "--project-dir", project.toString());
        assertThat(edited.exitCode()).isEqualTo(1);
        assertThat(edited.err()).contains("@someone-else");

        Files.delete(file);
        var missing = CliRun.of("codeowners", "--project-dir", project.toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains(CodeOwnersFile.PATH, "does not exist", "codeowners --write");
    }

    @Test
    void badConfigIsBadInput() throws Exception {
        Path project = project();
        Path platform = project.resolve("Pulumi.platform.yaml");
        Files.writeString(platform, Files.readString(platform).replace("\"@acme/platform\"", "acme-platform"));
        var run = CliRun.of("codeowners", "--project-dir", project.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("llm-safe:codeOwners").doesNotContain("Exception", "\tat ");
    }
}
