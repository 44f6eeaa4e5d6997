package dev.llmsafe.workflows;

import dev.llmsafe.Main;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The {@code target/llm-safe.jar} a deploy job downloads from the build job, for a step run in a test workspace:
 * a manifest-only jar whose {@code Class-Path} is this test's class path, so {@code java -jar target/llm-safe.jar}
 * runs the program under test in a process of its own, before {@code ./mvnw package} has built the real jar.
 */
final class CliJar {
    private CliJar() {}

    /** Writes {@code workspace/target/llm-safe.jar}. */
    static Path write(Path workspace) throws IOException {
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            String url = p.toUri().toString();
            classPath.add(Files.isDirectory(p) && !url.endsWith("/") ? url + "/" : url);
        }
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.put(Attributes.Name.MAIN_CLASS, Main.class.getName());
        attributes.put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
        Path jar = Files.createDirectories(workspace.resolve("target")).resolve("llm-safe.jar");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }
}
