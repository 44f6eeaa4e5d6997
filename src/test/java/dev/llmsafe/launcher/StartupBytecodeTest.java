package dev.llmsafe.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.cli.LlmSafeCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The project's classes concatenate strings through StringBuilder (javac's {@code -XDstringConcat=inline}): an
 * invokedynamic concatenation is linked in every JVM on first use, spinning method handle classes that the
 * class-data-sharing archive cannot hold, a cost each short command paid.
 */
class StartupBytecodeTest {
    private static final byte[] INDY_CONCAT = "makeConcatWithConstants".getBytes(StandardCharsets.US_ASCII);

    @Test
    void noClassConcatenatesThroughInvokedynamic() throws Exception {
        Path classes = Path.of(LlmSafeCommand.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertThat(files).as("classes under %s", classes).hasSizeGreaterThan(100);
        assertThat(files.stream().filter(StartupBytecodeTest::concatenatesThroughInvokedynamic))
                .as("classes compiled with invokedynamic string concatenation")
                .isEmpty();
    }

    private static boolean concatenatesThroughInvokedynamic(Path classFile) {
        try {
            byte[] bytes = Files.readAllBytes(classFile);
            outer:
            for (int i = 0; i + INDY_CONCAT.length <= bytes.length; i++) {
                for (int j = 0; j < INDY_CONCAT.length; j++) {
                    if (bytes[i + j] != INDY_CONCAT[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
