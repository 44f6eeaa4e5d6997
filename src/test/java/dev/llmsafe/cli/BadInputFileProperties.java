package dev.llmsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.gate.RetryPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import picocli.CommandLine;

/**
 * Every option that reads a file, given a bad one: JSON of the wrong shape, a file cut short, a folder, a missing
 * file, binary bytes. Each is exit 2 with a message naming the file, and never a stack trace or a library's
 * exception text. A cut-short file is tried on JSON inputs only: a prefix of a YAML or text file is often a
 * complete, smaller one.
 */
class BadInputFileProperties {
    enum Bad {
        WRONG_SHAPE,
        TRUNCATED,
        FOLDER,
        MISSING,
        BINARY
    }

    /** A target and a way its file is bad, for the ways that exist for its kind of input. */
    record Case(FileReadingOptions.Target target, Bad bad) {
        @Override
        public String toString() {
            return target + " given " + bad;
        }
    }

    @Provide
    Arbitrary<Case> cases() throws IOException {
        return Arbitraries.of(FileReadingOptions.targets())
                .flatMap(t -> Arbitraries.of(
                                switch (t.format()) {
                                    case JSON, JSON_OBJECT_ANY -> List.of(Bad.values());
                                    case YAML, TEXT -> List.of(Bad.WRONG_SHAPE, Bad.FOLDER, Bad.MISSING, Bad.BINARY);
                                    case FREE_TEXT -> List.of(Bad.FOLDER, Bad.MISSING, Bad.BINARY);
                                })
                        .map(b -> new Case(t, b)));
    }

    @Property(tries = 1000)
    void aBadFileIsExitTwoNamingIt(
            @ForAll("cases") Case c,
            @ForAll("wrongJson") String wrongJson,
            @ForAll("binary") byte[] binary,
            @ForAll("words") String words,
            @ForAll("cut") double cut)
            throws IOException {
        FileReadingOptions.Target target = c.target();
        Bad bad = c.bad();
        Path work = Files.createTempDirectory("llmsafe-bad-input");
        try {
            Files.writeString(work.resolve("plan.json"), FileReadingOptions.PLAN);
            Files.writeString(work.resolve("stacks.json"), FileReadingOptions.STACKS);
            Files.writeString(work.resolve("open.json"), FileReadingOptions.OPEN_PRS);
            Path file = work.resolve("input-file");
            switch (bad) {
                case WRONG_SHAPE -> Files.writeString(file, wrongShape(target.format(), wrongJson, words));
                case TRUNCATED -> Files.writeString(file, truncated(target, cut));
                case FOLDER -> Files.createDirectory(file);
                case MISSING -> {}
                case BINARY -> Files.write(file, binary);
            }
            Run run = run(target.command().apply(new FileReadingOptions.Args(file, work)));
            assertThat(run.exit()).as("%s given %s: %s", target, bad, run.err()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err())
                    .as("%s given %s", target, bad)
                    .contains(file.toString())
                    .doesNotContain("Exception", "at com.", "jackson", "java.time", "\tat ");
        } finally {
            try (Stream<Path> all = Files.walk(work)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** JSON that parses but is no input of any target: scalars, arrays of scalars, objects of unknown keys. */
    @Provide
    Arbitrary<String> wrongJson() {
        Arbitrary<String> key = Arbitraries.strings()
                .withCharRange('a', 'z')
                .ofMinLength(1)
                .ofMaxLength(8)
                .map(k -> "\"k" + k + "\"");
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.strings().alpha().ofMaxLength(10).map(s -> "\"" + s + "\""),
                Arbitraries.of("true", "false", "null"));
        return Arbitraries.oneOf(
                scalar,
                scalar.list().ofMinSize(1).ofMaxSize(5).map(l -> "[" + String.join(", ", l) + "]"),
                Combinators.combine(key, scalar)
                        .as((k, v) -> k + ": " + v)
                        .list()
                        .ofMaxSize(5)
                        .map(l -> "{" + String.join(", ", l) + "}"));
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings()
                .alpha()
                .ofMinLength(1)
                .ofMaxLength(12)
                .list()
                .ofMinSize(1)
                .ofMaxSize(6)
                .map(l -> "w" + String.join(" ", l));
    }

    /** Bytes no text file holds: a NUL, or a sequence that is not UTF-8, somewhere among random ones. */
    @Provide
    Arbitrary<byte[]> binary() {
        return Combinators.combine(
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
                        Arbitraries.of(new byte[] {0}, new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc3, 0x28}),
                        Arbitraries.doubles().between(0, 1))
                .as((random, marker, where) -> {
                    int at = (int) (where * random.length);
                    byte[] out = new byte[random.length + marker.length];
                    System.arraycopy(random, 0, out, 0, at);
                    System.arraycopy(marker, 0, out, at, marker.length);
                    System.arraycopy(random, at, out, at + marker.length, random.length - at);
                    return out;
                });
    }

    @Provide
    Arbitrary<Double> cut() {
        return Arbitraries.doubles().between(0, 0.999).ofScale(3);
    }

    /** The wrong shape for this kind of input (a commit message has none: any text is one). */
    private static String wrongShape(FileReadingOptions.Format format, String wrongJson, String words) {
        return switch (format) {
            case JSON -> wrongJson;
            case JSON_OBJECT_ANY -> wrongJson.startsWith("{") ? "[" + wrongJson + "]" : wrongJson;
            case YAML -> words.length() % 2 == 0 ? words : "- " + words.replace(" ", "\n- ");
            case TEXT -> words.replace(" ", "=\n");
            case FREE_TEXT -> throw new IllegalArgumentException("any text is a commit message");
        };
    }

    /** The good JSON cut before its last bracket. */
    private static String truncated(FileReadingOptions.Target target, double cut) {
        String good = target.good().strip();
        return good.substring(0, 1 + (int) (cut * (good.length() - 1)));
    }

    record Run(int exit, String out, String err) {}

    /**
     * The real command line, built once (picocli resets every option before each parse); the gate gets a token,
     * so it goes on to read its policy file, and the audit commands see no CI environment.
     */
    private static final CommandLine CLI = commandLine();

    private static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CLI.setOut(new PrintWriter(out, true));
        CLI.setErr(new PrintWriter(err, true));
        int exit = CLI.execute(args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    private static CommandLine commandLine() {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine cli = LlmSafeCommand.commandLine(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == GateApprovalsCommand.class
                        ? cls.cast(new GateApprovalsCommand(Map.of("GITHUB_TOKEN", "test"), RetryPolicy.standard()))
                        : defaults.create(cls);
            }
        });
        ((AuditCommand) cli.getSubcommands().get("audit").getCommand()).environment = Map.of();
        return cli;
    }
}
