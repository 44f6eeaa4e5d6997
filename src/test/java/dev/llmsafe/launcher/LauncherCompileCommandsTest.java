package dev.llmsafe.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The launcher has C2 inline verify's hottest scanner methods by name (src/main/dist/llmsafe). The JVM ignores a
 * command whose method does not exist, silently under {@code CompileCommand=quiet}, so a rename would quietly slow
 * every verify: each name must be a method of the class it names.
 */
class LauncherCompileCommandsTest {
    private static final Pattern INLINE = Pattern.compile("-XX:CompileCommand=inline,([\\w.$]+)::(\\w+)");

    @Test
    void everyMethodTheLauncherInlinesExists() throws Exception {
        String launcher = Files.readString(Path.of("src/main/dist/llmsafe"));
        Matcher m = INLINE.matcher(launcher);
        int found = 0;
        while (m.find()) {
            found++;
            String name = m.group(2);
            Class<?> owner = Class.forName(m.group(1), false, getClass().getClassLoader());
            List<String> methods = Arrays.stream(owner.getDeclaredMethods())
                    .map(Method::getName)
                    .toList();
            assertThat(methods)
                    .as("methods of %s, which the launcher inlines %s of", owner, name)
                    .contains(name);
        }
        assertThat(found).as("inline commands in the launcher").isGreaterThanOrEqualTo(3);
    }
}
