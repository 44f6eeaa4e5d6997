package dev.llmsafe.cli;

import dev.llmsafe.gate.RetryPolicy;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every option that reads a file, given a bad one: JSON of the wrong shape, a file cut short, a folder, a missing
 * file, binary bytes. Each is exit 2 with a message naming the file, and never a stack trace or a library's
 * exception text. A cut-short file is tried on JSON inputs only: a prefix of a YAML or text file is often a
 * complete, smaller one.
 */
class BadInputFileProperties {
    private static final Path COMMENT = CliRun.projectDir().resolve("src/test/resources/comment");
    private static final String PLAN = "{\"formatVersion\": 1, \"kind\": \"review\", \"resources\": []}";
    private static final String STACKS = "[{\"name\": \"pr-2\", \"lastUpdate\": \"2026-11-24T00:00:00Z\"}]";
    private static final String OPEN_PRS = "[{\"number\": 2, \"labels\": []}]";
    private static final String HISTORY = "[{\"kind\": \"update\", \"startTime\": \"2026-11-24T00:00:00Z\"}]";

    enum Bad { WRONG_SHAPE, TRUNCATED, FOLDER, MISSING, BINARY }

    enum Format { JSON, JSON_OBJECT_ANY, YAML, TEXT, FREE_TEXT }

    /** One file-reading option: a command line with the bad file in its place, and what a good file holds. */
    record Target(String option, Format format, String good, Function<Args, List<String>> command) {
        @Override
        public String toString() {
            return option;
        }
    }

    /** The bad file and a folder of good ones for the other options. */
    record Args(Path bad, Path work) {
        String good(String name) {
            return work.resolve(name).toString();
        }
    }

    static List<Target> targets() throws IOException {
        String outputs = Files.readString(COMMENT.resolve("outputs.json"));
        String preview = Files.readString(COMMENT.resolve("preview.json"));
        String policyJson = Files.readString(COMMENT.resolve("policy-passed.json"));
        String reviews = Files.readString(COMMENT.resolve("reviews.json"));
        String repo = CliRun.projectDir().toString();
        return List.of(
                new Target("plan --config-file", Format.YAML, "", a -> List.of("plan", "--stack", "pr-42",
                        "--config-file", a.bad().toString())),
                new Target("policy check --plan", Format.JSON, PLAN, a -> List.of("policy", "check", "--plan",
                        a.bad().toString(), "--project-dir", repo)),
                new Target("policy check --policy", Format.YAML, "", a -> List.of("policy", "check", "--plan",
                        a.good("plan.json"), "--policy", a.bad().toString(), "--project-dir", repo)),
                new Target("policy check --config-file", Format.YAML, "", a -> List.of("policy", "check", "--stack",
                        "pr-42", "--config-file", a.bad().toString(), "--project-dir", repo)),
                new Target("reaper --stacks", Format.JSON, STACKS, a -> List.of("reaper", "--stacks",
                        a.bad().toString(), "--open-prs", a.good("open.json"), "--config-file",
                        repo + "/Pulumi.review.yaml")),
                new Target("reaper --open-prs", Format.JSON, OPEN_PRS, a -> List.of("reaper", "--stacks",
                        a.good("stacks.json"), "--open-prs", a.bad().toString(), "--config-file",
                        repo + "/Pulumi.review.yaml")),
                new Target("reaper --config-file", Format.YAML, "", a -> List.of("reaper", "--stacks",
                        a.good("stacks.json"), "--open-prs", a.good("open.json"), "--config-file", a.bad().toString())),
                new Target("gate approvals --policy", Format.YAML, "", a -> List.of("gate", "approvals", "--repo",
                        "acme/shop", "--run-id", "1", "--environments", "production", "--api-url",
                        "http://127.0.0.1:9", "--policy", a.bad().toString())),
                new Target("audit append --payload-file", Format.JSON_OBJECT_ANY, "{\"url\": \"https://x\"}",
                        a -> append(a, "--payload-file", a.bad().toString())),
                new Target("audit append --policy", Format.YAML, "", a -> append(a, "--policy", a.bad().toString())),
                new Target("audit append --commit-message-file", Format.FREE_TEXT, "",
                        a -> append(a, "--commit-message-file", a.bad().toString())),
                new Target("audit import-history --file", Format.JSON, HISTORY, a -> List.of("audit",
                        "import-history", "--stack", "pr-2", "--file", a.bad().toString(), "--log",
                        a.good("audit.jsonl"))),
                new Target("audit report --history", Format.JSON, HISTORY, a -> List.of("audit", "report",
                        "--history", a.bad().toString(), "--log", a.good("audit.jsonl"))),
                new Target("comment --outputs", Format.JSON, outputs, a -> comment(a, "--outputs")),
                new Target("comment --preview", Format.JSON, preview, a -> comment(a, "--preview")),
                new Target("comment --policy", Format.JSON, policyJson, a -> comment(a, "--policy")),
                new Target("comment --reviews", Format.JSON, reviews, a -> comment(a, "--reviews")),
                new Target("comment --verify", Format.TEXT, "", a -> comment(a, "--verify")),
                new Target("comment --checks", Format.TEXT, "", a -> comment(a, "--checks")),
                new Target("comment --policy-file", Format.YAML, "", a -> comment(a, "--policy-file")));
    }

    private static List<String> append(Args a, String option, String file) {
        return List.of("audit", "append", "--kind", "approval", "--actor", "octocat", "--actor-kind", "human",
                "--log", a.good("audit.jsonl"), option, file);
    }

    /** The comment with every input good but {@code option}'s. */
    private static List<String> comment(Args a, String option) {
        List<String> args = new ArrayList<>(List.of("comment", "--stack", "pr-42", "--audit-hash",
                "17:" + "9f".repeat(32)));
        for (String[] input : new String[][] {{"--outputs", "outputs.json"}, {"--preview", "preview.json"},
                {"--policy", "policy-passed.json"}, {"--reviews", "reviews.json"}, {"--verify", "verify.txt"},
                {"--checks", "checks.env"}, {"--policy-file", "policy.yaml"}}) {
            args.add(input[0]);
            args.add(input[0].equals(option) ? a.bad().toString() : COMMENT.resolve(input[1]).toString());
        }
        return args;
    }

    /** A target and a way its file is bad, for the ways that exist for its kind of input. */
    record Case(Target target, Bad bad) {
        @Override
        public String toString() {
            return target + " given " + bad;
        }
    }

    @Provide
    Arbitrary<Case> cases() throws IOException {
        return Arbitraries.of(targets()).flatMap(t -> Arbitraries.of(switch (t.format()) {
            case JSON, JSON_OBJECT_ANY -> List.of(Bad.values());
            case YAML, TEXT -> List.of(Bad.WRONG_SHAPE, Bad.FOLDER, Bad.MISSING, Bad.BINARY);
            case FREE_TEXT -> List.of(Bad.FOLDER, Bad.MISSING, Bad.BINARY);
        }).map(b -> new Case(t, b)));
    }

    @Property(tries = 1000)
    void aBadFileIsExitTwoNamingIt(@ForAll("cases") Case c, @ForAll("wrongJson") String wrongJson,
                                   @ForAll("binary") byte[] binary, @ForAll("words") String words,
                                   @ForAll("cut") double cut) throws IOException {
        Target target = c.target();
        Bad bad = c.bad();
        Path work = Files.createTempDirectory("llmsafe-bad-input");
        try {
            Files.writeString(work.resolve("plan.json"), PLAN);
            Files.writeString(work.resolve("stacks.json"), STACKS);
            Files.writeString(work.resolve("open.json"), OPEN_PRS);
            Path file = work.resolve("input-file");
            switch (bad) {
                case WRONG_SHAPE -> Files.writeString(file, wrongShape(target.format(), wrongJson, words));
                case TRUNCATED -> Files.writeString(file, truncated(target, cut));
                case FOLDER -> Files.createDirectory(file);
                case MISSING -> { }
                case BINARY -> Files.write(file, binary);
            }
            Run run = run(target.command().apply(new Args(file, work)));
            assertThat(run.exit()).as("%s given %s: %s", target, bad, run.err()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err()).as("%s given %s", target, bad).contains(file.toString())
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
        Arbitrary<String> key = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)
                .map(k -> "\"k" + k + "\"");
        Arbitrary<String> scalar = Arbitraries.oneOf(Arbitraries.integers().map(String::valueOf),
                Arbitraries.strings().alpha().ofMaxLength(10).map(s -> "\"" + s + "\""),
                Arbitraries.of("true", "false", "null"));
        return Arbitraries.oneOf(scalar,
                scalar.list().ofMinSize(1).ofMaxSize(5).map(l -> "[" + String.join(", ", l) + "]"),
                Combinators.combine(key, scalar).as((k, v) -> k + ": " + v).list().ofMaxSize(5)
                        .map(l -> "{" + String.join(", ", l) + "}"));
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).list().ofMinSize(1).ofMaxSize(6)
                .map(l -> "w" + String.join(" ", l));
    }

    /** Bytes no text file holds: a NUL, or a sequence that is not UTF-8, somewhere among random ones. */
    @Provide
    Arbitrary<byte[]> binary() {
        return Combinators.combine(Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
                Arbitraries.of(new byte[] {0}, new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc3, 0x28}),
                Arbitraries.doubles().between(0, 1)).as((random, marker, where) -> {
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
    private static String wrongShape(Format format, String wrongJson, String words) {
        return switch (format) {
            case JSON -> wrongJson;
            case JSON_OBJECT_ANY -> wrongJson.startsWith("{") ? "[" + wrongJson + "]" : wrongJson;
            case YAML -> words.length() % 2 == 0 ? words : "- " + words.replace(" ", "\n- ");
            case TEXT -> words.replace(" ", "=\n");
            case FREE_TEXT -> throw new IllegalArgumentException("any text is a commit message");
        };
    }

    /** The good JSON cut before its last bracket. */
    private static String truncated(Target target, double cut) {
        String good = target.good().strip();
        return good.substring(0, 1 + (int) (cut * (good.length() - 1)));
    }

    record Run(int exit, String out, String err) {
    }

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
