package dev.llmsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every command's --help, as a terminal of 80 columns shows it: no line is longer, and no word is broken across
 * two lines. The second is judged against the same help rendered too wide to wrap: wrapping may only change where
 * lines break, never the words, so `docs/policies.` over `md` or `e.` over `g.` shows up as a word that is not
 * in the unwrapped text.
 */
class HelpTextTest {
    private static final int COLUMNS = 80;

    static List<String> commands() {
        List<String> names = new ArrayList<>();
        collect(LlmSafeCommand.commandLine(), "", names);
        return names;
    }

    private static void collect(CommandLine cli, String path, List<String> names) {
        names.add(path);
        cli.getSubcommands().forEach((name, sub) -> collect(sub, (path + " " + name).strip(), names));
    }

    @ParameterizedTest(name = "llmsafe {0} --help")
    @MethodSource("commands")
    void fitsEightyColumnsAndBreaksNoWord(String command) {
        String narrow = help(command, COLUMNS);
        for (String line : narrow.split("\n")) {
            assertThat(line.length())
                    .as("a line of `llmsafe %s --help` is longer than %d columns:%n%s", command, COLUMNS, line)
                    .isLessThanOrEqualTo(COLUMNS);
        }
        List<String> wrapped = words(narrow);
        List<String> unwrapped = words(help(command, 2000));
        for (int i = 0; i < Math.min(wrapped.size(), unwrapped.size()); i++) {
            if (!wrapped.get(i).equals(unwrapped.get(i))) {
                fail("`llmsafe " + command + " --help` breaks '" + unwrapped.get(i) + "' across lines, as '"
                        + wrapped.get(i) + "' / '" + (i + 1 < wrapped.size() ? wrapped.get(i + 1) : "") + "':\n"
                        + narrow);
            }
        }
        assertThat(wrapped).hasSameSizeAs(unwrapped);
    }

    @ParameterizedTest(name = "llmsafe {0}")
    @MethodSource("commands")
    void summaryIsOneWholeSentence(String command) {
        CommandLine cli = find(LlmSafeCommand.commandLine(), command);
        String[] description = cli.getCommandSpec().usageMessage().description();
        String[] header = cli.getCommandSpec().usageMessage().header();
        assertThat(description).as("llmsafe %s has a description", command).isNotEmpty();
        String summary = header.length > 0 ? header[0] : description[0];
        // The parent's command list shows only this first paragraph: one whole, short sentence.
        assertThat(summary).as("summary of llmsafe %s", command).endsWith(".").doesNotContain("\n");
        assertThat(summary.length())
                .as("summary of llmsafe %s: %s", command, summary)
                .isLessThanOrEqualTo(72);
        for (String paragraph : description) {
            assertThat(paragraph)
                    .as("llmsafe %s: one string per paragraph, wrapped by picocli", command)
                    .doesNotContain("\n");
        }
    }

    private static String help(String command, int width) {
        CommandLine root = LlmSafeCommand.commandLine();
        root.setUsageHelpWidth(width);
        return find(root, command).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    private static CommandLine find(CommandLine root, String command) {
        CommandLine cli = root;
        for (String name : command.isEmpty() ? new String[0] : command.split(" ")) {
            cli = cli.getSubcommands().get(name);
        }
        return cli;
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.split("\\s+")).filter(w -> !w.isEmpty()).collect(Collectors.toList());
    }
}
