package dev.llmsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * A command never asks the class loader for a class that is nowhere on the class path: to answer no, the loader
 * opens every jar of the ~100 under lib/. picocli's default factory asked for Groovy's closure class unless told not
 * to ({@link LlmSafeCommand#NO_GROOVY_CLOSURES}).
 */
class NoClassPathScanTest {
    @Test
    void runningACommandLooksForNoGroovyClass() throws Exception {
        // As in a fresh JVM: the property unset, and picocli's classes loaded anew, so its factory reads it again.
        String before = System.clearProperty(LlmSafeCommand.NO_GROOVY_CLOSURES);
        try (Recording loader = new Recording()) {
            Class<?> root = loader.loadClass(LlmSafeCommand.class.getName());
            Object cli = root.getMethod("forArguments", String[].class).invoke(null, (Object) new String[] {"-h"});
            cli.getClass().getMethod("getUsageMessage").invoke(cli);
            assertThat(loader.asked).as("classes asked for").contains("picocli.CommandLine$DefaultFactory");
            assertThat(loader.asked.stream().filter(name -> name.startsWith("groovy.")))
                    .isEmpty();
        } finally {
            if (before != null) {
                System.setProperty(LlmSafeCommand.NO_GROOVY_CLOSURES, before);
            }
        }
    }

    /** The test's class path in a loader of its own that records every class asked of it. */
    private static final class Recording extends URLClassLoader {
        final Set<String> asked = ConcurrentHashMap.newKeySet();

        Recording() throws MalformedURLException {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            asked.add(name);
            return super.loadClass(name, resolve);
        }

        private static URL[] classPath() throws MalformedURLException {
            List<URL> urls = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                urls.add(Path.of(entry).toUri().toURL());
            }
            return urls.toArray(URL[]::new);
        }
    }
}
