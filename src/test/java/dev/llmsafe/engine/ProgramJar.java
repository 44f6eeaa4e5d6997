package dev.llmsafe.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * A manifest-only jar that runs a test program on the real engine: the Java language host runs
 * {@code java -jar <binary>} for the program and {@code java -cp <binary> com.pulumi.bootstrap.internal.Main
 * packages} to learn its plugins, and both follow the manifest's {@code Class-Path} to the build's classes and
 * dependency jars.
 */
final class ProgramJar {
    private ProgramJar() {}

    /**
     * Writes {@code jar} with {@code mainClass} over the test classes, the classes and {@code lib/*.jar} of the
     * Maven build directory {@code target}.
     */
    static Path write(Path jar, Class<?> mainClass, Path target) throws IOException {
        List<String> classPath = new ArrayList<>();
        classPath.add(directoryUrl(target.resolve("test-classes")));
        classPath.add(directoryUrl(target.resolve("classes")));
        try (Stream<Path> libs = Files.list(target.resolve("lib"))) {
            libs.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .forEach(p -> classPath.add(p.toAbsolutePath().toUri().toString()));
        }
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.put(Attributes.Name.MAIN_CLASS, mainClass.getName());
        attributes.put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }

    /** A class-path URL names a directory only when it ends with a slash. */
    private static String directoryUrl(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a directory; run `./mvnw package` first");
        }
        String url = dir.toAbsolutePath().toUri().toString();
        return url.endsWith("/") ? url : url + "/";
    }
}
