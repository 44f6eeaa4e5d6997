package dev.llmsafe;

import com.pulumi.Pulumi;
import dev.llmsafe.cli.LlmSafeCommand;
import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.stack.EngineConfigSource;
import dev.llmsafe.stack.InvalidConfigException;
import dev.llmsafe.stack.LlmSafeProgram;
import dev.llmsafe.stack.StackSettings;
import dev.llmsafe.stack.StackSettingsReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One jar, two roles: when the Pulumi engine starts it (the engine sets {@code PULUMI_MONITOR}) it is the
 * Pulumi program; otherwise it is the {@code llmsafe} command line.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (!librariesPresent()) {
            System.err.println(
                    "llmsafe: llm-safe.jar cannot find its libraries: it needs the lib/ folder that"
                            + " `./mvnw package` puts beside it. Run target/bin/llmsafe, or copy target/lib along with the jar.");
            System.exit(2);
        }
        if (args.length == 0 && startedByPulumiEngine()) {
            Pulumi.run(ctx -> {
                StackSettings settings;
                try {
                    // The engine runs the program in the project directory, where policy.yaml lives.
                    settings = StackSettingsReader.read(
                            ctx.stackName(),
                            new EngineConfigSource(System.getenv()),
                            PolicyFile.projectFacts(Path.of("")));
                } catch (InvalidConfigException | IOException e) {
                    // A logged error fails the update with this message alone, instead of a stack trace.
                    ctx.log().error(e.getMessage());
                    return;
                }
                LlmSafeProgram.define(ctx, settings);
            });
            return;
        }
        System.exit(LlmSafeCommand.forArguments(args).execute(args));
    }

    /**
     * Whether the jar's manifest class path resolved: a jar copied without its lib/ folder would otherwise die
     * with a NoClassDefFoundError stack trace on the first class of a library.
     */
    private static boolean librariesPresent() {
        try {
            Class.forName("picocli.CommandLine", false, Main.class.getClassLoader());
            Class.forName("com.pulumi.Pulumi", false, Main.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static boolean startedByPulumiEngine() {
        String monitor = System.getenv("PULUMI_MONITOR");
        return monitor != null && !monitor.isBlank();
    }
}
