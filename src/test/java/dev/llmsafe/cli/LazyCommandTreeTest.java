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
 * {@link LlmSafeCommand#forArguments} builds only the commands that the arguments name (a top-level command, then
 * the one of its group right after it), and what any command line prints and exits with is the same as with every
 * command built: help, versions, usage errors with picocli's suggestions, and the error handler's format and exit
 * codes.
 */
class LazyCommandTreeTest {
    static Stream<List<String>> argumentLists() {
        List<List<String>> lists = new ArrayList<>();
        List<String> commands = HelpTextTest.commands();
        for (String command : commands) {
            List<String> path = command.isEmpty() ? List.of() : List.of(command.split(" "));
            for (String last : List.of("--help", "-h", "-V", "--bogus", "--hlp", "--help=x", "extra")) {
                lists.add(concat(path, List.of(last)));
            }
            if (command.isEmpty() || commands.stream().anyMatch(c -> c.startsWith(command + " "))) {
                lists.add(path); // a group alone asks for one of its commands; a command alone would run
            }
            if (!path.isEmpty()) {
                String name = path.get(path.size() - 1);
                List<String> group = path.subList(0, path.size() - 1);
                lists.add(concat(List.of("help"), path));
                lists.add(concat(group, List.of(name.substring(1)))); // a typo: "lan", "audit erify"
                lists.add(concat(group, List.of(name + "s")));
                lists.add(concat(group, List.of(name.toUpperCase())));
                lists.add(concat(group, List.of("--help", name)));
            }
        }
        lists.add(List.of("--version", "audit"));
        lists.add(List.of("@missing-argument-file"));
        lists.add(List.of("audit", "@missing-argument-file"));
        lists.add(List.of(""));
        lists.add(List.of("audit", ""));
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
    void aTopLevelCommandFirstBuildsThatCommandAloneWithAllOfItsSubcommandsUnlessOneIsNamed() {
        CommandLine whole = LlmSafeCommand.commandLine();
        whole.getSubcommands().forEach((name, command) -> {
            CommandLine lazy = LlmSafeCommand.forArguments(name, "--help");
            if (name.equals("help")) {
                assertThat(names(lazy)).isEqualTo(names(whole));
            } else {
                assertThat(lazy.getSubcommands().keySet()).containsExactly(name);
                assertThat(names(lazy.getSubcommands().get(name))).isEqualTo(names(command));
            }
        });
    }

    @Test
    void aGroupsCommandNamedRightAfterItIsBuiltAlone() {
        CommandLine whole = LlmSafeCommand.commandLine();
        whole.getSubcommands()
                .forEach((group, command) -> command.getSubcommands().forEach((name, sub) -> {
                    CommandLine lazy = LlmSafeCommand.forArguments(group, name, "--log", "x");
                    assertThat(names(lazy))
                            .containsExactly("llmsafe", "llmsafe " + group, "llmsafe " + group + " " + name);
                    assertThat(lazy.getSubcommands()
                                    .get(group)
                                    .getSubcommands()
                                    .get(name)
                                    .getCommandSpec()
                                    .userObject())
                            .isInstanceOf(sub.getCommandSpec().userObject().getClass());
                    for (String first : List.of("--help", name + "x", name.toUpperCase(), "")) {
                        List<String> expected = new ArrayList<>(List.of("llmsafe"));
                        expected.addAll(names(command));
                        assertThat(names(LlmSafeCommand.forArguments(group, first, name)))
                                .as("llmsafe %s %s %s", group, first, name)
                                .isEqualTo(expected);
                    }
                }));
    }

    @Test
    void anythingElseFirstBuildsEveryCommand() {
        List<String> every = names(LlmSafeCommand.commandLine());
        assertThat(LlmSafeCommand.commandLine().getSubcommands()).hasSize(LlmSafeCommand.COMMANDS.size());
        for (String[] args : List.of(
                new String[0],
                new String[] {"--help"},
                new String[] {"help", "audit", "verify"},
                new String[] {"pln"},
                new String[] {"Audit", "verify"},
                new String[] {"--version", "audit", "verify"})) {
            assertThat(names(LlmSafeCommand.forArguments(args)))
                    .as("llmsafe %s", List.of(args))
                    .isEqualTo(every);
        }
    }

    private static List<String> concat(List<String> first, List<String> then) {
        List<String> all = new ArrayList<>(first);
        all.addAll(then);
        return all;
    }

    private static List<String> names(CommandLine cli) {
        List<String> names = new ArrayList<>();
        names.add(cli.getCommandSpec().qualifiedName());
        cli.getSubcommands().values().forEach(sub -> names.addAll(names(sub)));
        return names;
    }
}
