package dev.llmsafe.bench;

import dev.llmsafe.Main;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the benchmarks start programs as processes of their own: llmsafe through the launcher beside the packaged
 * jar ({@code target/bin/llmsafe}, as users run it), other tools by their name on PATH.
 */
public final class SelfCommand {
    private SelfCommand() {}

    /** The jar this code runs from, or empty when it runs from a classes folder (tests, an IDE). */
    public static Optional<Path> jar() {
        try {
            Path location = Path.of(SelfCommand.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return Files.isRegularFile(location) ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** {@code bin/llmsafe} beside the jar, when it is there and executable. */
    public static Optional<Path> launcher() {
        return jar().map(j -> j.resolveSibling("bin").resolve("llmsafe")).filter(Files::isExecutable);
    }

    /** This JVM's {@code java}. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * A command line that runs llmsafe with {@code args}: the launcher when there is one, else this JVM's java on
     * its own class path (a classes folder has no launcher; the numbers then lack the launcher's startup options).
     */
    public static List<String> llmsafe(String... args) {
        List<String> command = new ArrayList<>();
        Optional<Path> launcher = launcher();
        if (launcher.isPresent()) {
            command.add(launcher.get().toString());
        } else {
            command.addAll(List.of(java(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        }
        command.addAll(List.of(args));
        return command;
    }

    /** A program named on PATH (or given as a path), if it is there and executable. */
    public static Optional<Path> onPath(String program) {
        if (program.contains("/")) {
            Path p = Path.of(program);
            return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
