package dev.llmsafe.cli;

import static dev.llmsafe.gate.FakeGithub.user;

import dev.llmsafe.gate.FakeGithub;
import dev.llmsafe.gate.RetryPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * {@code llmsafe gate approvals} in-process against a {@link FakeGithub}: run 42 of acme/shop, merged by carol and
 * re-run by dave, deploying {@link FakeGithub#SHA}, which frank wrote in pull request #12 and GitHub committed.
 */
final class GateHarness implements AutoCloseable {
    static final String RUN = "/repos/acme/shop/actions/runs/42";
    static final String APPROVALS = RUN + "/approvals?per_page=100";
    static final String ALICE = user("alice", 1001, "User");
    static final String BOB = user("bob", 1002, "User");
    static final String CAROL = user("carol", 1003, "User");
    static final String DAVE = user("dave", 1004, "User");
    static final String FRANK = user("frank", 1006, "User");
    static final String WEB_FLOW = user("web-flow", 19864447, "User");
    static final FakeGithub.Git FRANK_GIT = new FakeGithub.Git("Frank", "frank@acme.example", FRANK);
    static final FakeGithub.Git GITHUB_GIT = new FakeGithub.Git("GitHub", "noreply@github.com", WEB_FLOW);

    record Result(int exit, String out, String err) {}

    final FakeGithub github;
    final List<Duration> sleeps = new ArrayList<>();
    final Map<String, String> env = new HashMap<>(Map.of("GITHUB_TOKEN", "ghs_test"));

    GateHarness() throws IOException {
        github = new FakeGithub();
        github.on(RUN, 200, FakeGithub.run(42, CAROL, DAVE));
        // A squash merge: frank's pull request, committed by GitHub (web-flow).
        github.change(
                "acme/shop",
                FakeGithub.SHA,
                FakeGithub.commit(FakeGithub.SHA, FRANK_GIT, GITHUB_GIT),
                12,
                FRANK,
                FakeGithub.commit("a1b2c3d4e5f60718293a4b5c6d7e8f9012345678", FRANK_GIT, FRANK_GIT));
    }

    /** The gate with the production defaults, each replaced when {@code extra} gives that option. */
    Result gate(String... extra) {
        RetryPolicy retry = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(30), sleeps::add);
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == GateApprovalsCommand.class
                        ? cls.cast(new GateApprovalsCommand(env, retry))
                        : CommandLine.defaultFactory().create(cls);
            }
        };
        Map<String, String> options = new LinkedHashMap<>(Map.of(
                "--repo",
                "acme/shop",
                "--run-id",
                "42",
                "--environments",
                "production-approval,production",
                "--api-url",
                github.url()));
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < extra.length; i++) {
            if (extra[i].equals("--first-attempt-only")) {
                flags.add(extra[i]);
            } else {
                options.put(extra[i], extra[++i]);
            }
        }
        List<String> args = new ArrayList<>(List.of("gate", "approvals"));
        options.forEach((k, v) -> args.addAll(List.of(k, v)));
        args.addAll(flags);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LlmSafeCommand.commandLine(factory);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }

    @Override
    public void close() {
        github.close();
    }
}
