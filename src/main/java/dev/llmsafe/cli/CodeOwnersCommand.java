package dev.llmsafe.cli;

import dev.llmsafe.components.CodeOwnersFile;
import dev.llmsafe.plan.OfflinePlanner;
import dev.llmsafe.plan.PlannedResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code llmsafe codeowners}: the committed CODEOWNERS against the one the platform stack renders. The stack
 * commits the file once, before the rules on main exist; later changes reach main only as reviewed pull requests,
 * so this check is what keeps the file and the config ({@code codeOwners}, {@code codeOwnedPaths}) one fact.
 */
@Command(
        name = "codeowners",
        mixinStandardHelpOptions = true,
        description = {
            "Checks .github/CODEOWNERS against the platform stack's config.",
            "",
            "The platform stack creates the file once from codeOwners and codeOwnedPaths; after that main "
                    + "takes changes only through reviewed pull requests. Change the keys and the file in the "
                    + "same pull request: --write renders the file, and CI runs the check.",
            "",
            "Exit codes: 0 the file matches, 1 it differs or is missing, 2 bad configuration."
        })
public final class CodeOwnersCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--project-dir",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "Directory holding Pulumi.yaml, the stack config files and .github/ (default: current).")
    Path projectDir;

    @Option(
            names = "--config-file",
            paramLabel = "FILE",
            description = "The platform stack's config file; the default is the platform stack's own file.")
    Path configFile;

    @Option(names = "--write", description = "Write the file as the config renders it instead of checking it.")
    boolean write;

    @Override
    public Integer call() throws IOException {
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        String expected = rendered();
        Path file = projectDir.resolve(CodeOwnersFile.PATH);
        String config = configFile == null ? "Pulumi.platform.yaml" : configFile.toString();
        try {
            if (write) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, expected);
                out.println("llmsafe codeowners: wrote " + CodeOwnersFile.PATH + " from " + config
                        + "; commit it with the config change");
                return ExitCodes.OK;
            }
            if (!Files.isRegularFile(file)) {
                err.println("llmsafe codeowners: " + CodeOwnersFile.PATH + " does not exist; run `llmsafe codeowners "
                        + "--write` and commit it");
                return ExitCodes.FAILED;
            }
            Optional<String> difference = CodeOwnersFile.firstDifference(expected, Files.readString(file));
            if (difference.isPresent()) {
                err.println("llmsafe codeowners: " + CodeOwnersFile.PATH + " differs from codeOwners and codeOwnedPaths"
                        + " in " + config + ": " + difference.get() + ". Change both in one pull request: run "
                        + "`llmsafe codeowners --write` and commit the file (the platform stack never pushes it to "
                        + "main). The file must read:");
                err.print(expected);
                return ExitCodes.FAILED;
            }
        } catch (IOException e) {
            throw new BadInputException(CodeOwnersFile.PATH + ": " + e.getMessage(), e);
        }
        out.println("llmsafe codeowners: " + CodeOwnersFile.PATH + " matches " + config);
        return ExitCodes.OK;
    }

    /** The file's text exactly as the platform stack's plan commits it. */
    private String rendered() throws IOException {
        var settings = OfflinePlanner.settings(projectDir, "platform", Optional.ofNullable(configFile), Map.of());
        return OfflinePlanner.plan(settings).resources().stream()
                .filter(r -> r.type().equals("github:index/repositoryFile:RepositoryFile")
                        && CodeOwnersFile.PATH.equals(r.inputs().get("file")))
                .map(PlannedResource::inputs)
                .map(inputs -> (String) inputs.get("content"))
                .findFirst()
                .orElseThrow(() -> new IOException("the platform stack's plan commits no " + CodeOwnersFile.PATH));
    }
}
