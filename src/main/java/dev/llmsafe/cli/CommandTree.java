package dev.llmsafe.cli;

import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Builds picocli's model of a command and its {@link CommandGroup} subcommands: all of them, or for a run only those
 * its arguments name. picocli's model costs a short command much of its run (reflection and an annotation proxy per
 * option), and a run's arguments reach only the subcommand right after a group's name.
 */
final class CommandTree {
    private CommandTree() {}

    /** {@code command} with every subcommand, to every depth. */
    static CommandLine whole(Object command, CommandLine.IFactory factory) {
        return build(command, factory, null);
    }

    /**
     * {@code command} to run {@code args} (what follows the command's own name): where the first argument is
     * exactly the name (or an alias) of one of a group's subcommands, the group holds that one alone, built the same
     * way from the arguments after it; otherwise (no arguments, an option first, {@code help}, a typo) every
     * subcommand, so the group's help, {@code help COMMAND} and picocli's "did you mean" are unchanged.
     */
    static CommandLine forArguments(Object command, CommandLine.IFactory factory, List<String> args) {
        return build(command, factory, args);
    }

    private static CommandLine build(Object command, CommandLine.IFactory factory, List<String> args) {
        CommandLine cli = new CommandLine(command, factory);
        if (command instanceof CommandGroup group) {
            Class<?> named = args == null || args.isEmpty() ? null : named(group.commands(), args.get(0));
            for (Class<?> sub : named == null ? group.commands() : List.of(named)) {
                cli.addSubcommand(
                        build(create(factory, sub), factory, named == null ? null : args.subList(1, args.size())));
            }
        }
        return cli;
    }

    /** The subcommand that {@code first} names exactly, or null: none does, or it is picocli's {@code help}. */
    private static Class<?> named(List<Class<?>> commands, String first) {
        for (Class<?> command : commands) {
            Command annotation = command.getAnnotation(Command.class);
            if (command != CommandLine.HelpCommand.class
                    && (annotation.name().equals(first)
                            || Arrays.asList(annotation.aliases()).contains(first))) {
                return command;
            }
        }
        return null;
    }

    private static Object create(CommandLine.IFactory factory, Class<?> command) {
        try {
            return factory.create(command);
        } catch (Exception e) {
            throw new CommandLine.InitializationException("cannot create " + command.getName() + ": " + e, e);
        }
    }
}
