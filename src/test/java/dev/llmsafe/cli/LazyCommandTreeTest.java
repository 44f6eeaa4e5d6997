package dev.llmsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@link LlmSafeCommand#forArguments} builds only the top-level command that the first argument names, and what
 * any command line prints and exits with is the same as with every command built: help, versions, usage errors
 * with picocli's suggestions, and the error handler's format and exit codes.
 */
class LazyCommandTreeTest {
    static Stream<List<String>> argumentLists() {
        List<List<String>> lists = new ArrayList<>();
        List<String> commands = HelpTextTest.commands();
        for (String command : commands) {
            List<String> path = command.isEmpty() ? List.of() : List.of(command.split(" "));
            for (String last : List.of("--help", "-h", "-V", "--bogus", "--hlp", "--help=x", "extra")) {
                List<String> args = new ArrayList<>(path);
                args.add(last);
                lists.add(args);
            }
            if (command.isEmpty() || commands.stream().anyMatch(c -> c.startsWith(command + " "))) {
                lists.add(path); // a group alone asks for one of its commands; a command alone would run
            }
            if (!path.isEmpty()) {
                lists.add(List.of("help", path.get(0)));
                lists.add(List.of(path.get(0).substring(1))); // a typo: "lan", "udit"
                lists.add(List.of(path.get(0) + "s"));
                lists.add(List.of(path.get(0).toUpperCase()));
            }
        }
        lists.add(List.of("audit", "verfy"));
        lists.add(List.of("help", "audit", "verify"));
        lists.add(List.of("--version", "audit"));
        lists.add(List.of("@missing-argument-file"));
        lists.add(List.of(""));
        return lists.stream();
    }

    @ParameterizedTest(name = "llmsafe {0}")
    @MethodSource("argumentLists")
    void printsAndExitsAsTheWholeTreeDoes(List<String> args) {
        String[] array = args.toArray(String[]::new);
        CliRun whole = CliRun.with(LlmSafeCommand.commandLine(), array);
        CliRun lazy = CliRun.with(LlmSafeCommand.forArguments(array), array);
        assertThat(lazy).isEqualTo(whole);
    }

    @Test
    void aTopLevelCommandFirstBuildsThatCommandAloneWithAllOfItsSubcommands() {
        CommandLine whole = LlmSafeCommand.commandLine();
        whole.getSubcommands().forEach((name, command) -> {
            CommandLine lazy = LlmSafeCommand.forArguments(name, "--help");
            if (name.equals("help")) {
                assertThat(lazy.getSubcommands().keySet())
                        .isEqualTo(whole.getSubcommands().keySet());
            } else {
                assertThat(lazy.getSubcommands().keySet()).containsExactly(name);
                assertThat(names(lazy.getSubcommands().get(name))).isEqualTo(names(command));
            }
        });
    }

    @Test
    void anythingElseFirstBuildsEveryCommand() {
        List<String> every =
                List.copyOf(LlmSafeCommand.commandLine().getSubcommands().keySet());
        assertThat(every).hasSize(LlmSafeCommand.COMMANDS.size());
        for (String[] args : List.of(
                new String[0],
                new String[] {"--help"},
                new String[] {"help", "plan"},
                new String[] {"pln"},
                new String[] {"Audit", "verify"})) {
            assertThat(LlmSafeCommand.forArguments(args).getSubcommands().keySet())
                    .as("llmsafe %s", List.of(args))
                    .containsExactlyElementsOf(every);
        }
    }

    private static List<String> names(CommandLine cli) {
        List<String> names = new ArrayList<>();
        names.add(cli.getCommandSpec().qualifiedName());
        cli.getSubcommands().values().forEach(sub -> names.addAll(names(sub)));
        return names;
    }
}
