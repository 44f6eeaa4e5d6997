package dev.llmsafe.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Every option of the CLI that reads a file, with a command line that puts a given file in its place. */
final class FileReadingOptions {
    static final Path COMMENT = CliRun.projectDir().resolve("src/test/resources/comment");
    static final String PLAN = "{\"formatVersion\": 1, \"kind\": \"review\", \"resources\": []}";
    static final String STACKS = "[{\"name\": \"pr-2\", \"lastUpdate\": \"2026-11-24T00:00:00Z\"}]";
    static final String OPEN_PRS = "[{\"number\": 2, \"labels\": []}]";
    static final String HISTORY = "[{\"kind\": \"update\", \"startTime\": \"2026-11-24T00:00:00Z\"}]";

    enum Format {
        JSON,
        JSON_OBJECT_ANY,
        YAML,
        TEXT,
        FREE_TEXT
    }

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
                new Target(
                        "plan --config-file",
                        Format.YAML,
                        "",
                        a -> List.of(
                                "plan",
                                "--stack",
                                "pr-42",
                                "--config-file",
                                a.bad().toString())),
                new Target(
                        "policy check --plan",
                        Format.JSON,
                        PLAN,
                        a -> List.of("policy", "check", "--plan", a.bad().toString(), "--project-dir", repo)),
                new Target(
                        "policy check --policy",
                        Format.YAML,
                        "",
                        a -> List.of(
                                "policy",
                                "check",
                                "--plan",
                                a.good("plan.json"),
                                "--policy",
                                a.bad().toString(),
                                "--project-dir",
                                repo)),
                new Target(
                        "policy check --config-file",
                        Format.YAML,
                        "",
                        a -> List.of(
                                "policy",
                                "check",
                                "--stack",
                                "pr-42",
                                "--config-file",
                                a.bad().toString(),
                                "--project-dir",
                                repo)),
                new Target(
                        "reaper --stacks",
                        Format.JSON,
                        STACKS,
                        a -> List.of(
                                "reaper",
                                "--stacks",
                                a.bad().toString(),
                                "--open-prs",
                                a.good("open.json"),
                                "--config-file",
                                repo + "/Pulumi.review.yaml")),
                new Target(
                        "reaper --open-prs",
                        Format.JSON,
                        OPEN_PRS,
                        a -> List.of(
                                "reaper",
                                "--stacks",
                                a.good("stacks.json"),
                                "--open-prs",
                                a.bad().toString(),
                                "--config-file",
                                repo + "/Pulumi.review.yaml")),
                new Target(
                        "reaper --config-file",
                        Format.YAML,
                        "",
                        a -> List.of(
                                "reaper",
                                "--stacks",
                                a.good("stacks.json"),
                                "--open-prs",
                                a.good("open.json"),
                                "--config-file",
                                a.bad().toString())),
                new Target(
                        "gate approvals --policy",
                        Format.YAML,
                        "",
                        a -> List.of(
                                "gate",
                                "approvals",
                                "--repo",
                                "acme/shop",
                                "--run-id",
                                "1",
                                "--environments",
                                "production",
                                "--api-url",
                                "http://127.0.0.1:9",
                                "--policy",
                                a.bad().toString())),
                new Target(
                        "audit append --payload-file",
                        Format.JSON_OBJECT_ANY,
                        "{\"url\": \"https://x\"}",
                        a -> append(a, "--payload-file", a.bad().toString())),
                new Target(
                        "audit append --policy",
                        Format.YAML,
                        "",
                        a -> append(a, "--policy", a.bad().toString())),
                new Target(
                        "audit append --commit-message-file",
                        Format.FREE_TEXT,
                        "",
                        a -> append(a, "--commit-message-file", a.bad().toString())),
                new Target(
                        "audit import-history --file",
                        Format.JSON,
                        HISTORY,
                        a -> List.of(
                                "audit",
                                "import-history",
                                "--stack",
                                "pr-2",
                                "--file",
                                a.bad().toString(),
                                "--log",
                                a.good("audit.jsonl"))),
                new Target(
                        "audit report --history",
                        Format.JSON,
                        HISTORY,
                        a -> List.of(
                                "audit", "report", "--history", a.bad().toString(), "--log", a.good("audit.jsonl"))),
                new Target("comment --outputs", Format.JSON, outputs, a -> comment(a, "--outputs")),
                new Target("comment --preview", Format.JSON, preview, a -> comment(a, "--preview")),
                new Target("comment --policy", Format.JSON, policyJson, a -> comment(a, "--policy")),
                new Target("comment --reviews", Format.JSON, reviews, a -> comment(a, "--reviews")),
                new Target("comment --verify", Format.TEXT, "", a -> comment(a, "--verify")),
                new Target("comment --checks", Format.TEXT, "", a -> comment(a, "--checks")),
                new Target("comment --policy-file", Format.YAML, "", a -> comment(a, "--policy-file")));
    }

    private static List<String> append(Args a, String option, String file) {
        return List.of(
                "audit",
                "append",
                "--kind",
                "approval",
                "--actor",
                "octocat",
                "--actor-kind",
                "human",
                "--log",
                a.good("audit.jsonl"),
                option,
                file);
    }

    /** The comment with every input good but {@code option}'s. */
    private static List<String> comment(Args a, String option) {
        List<String> args =
                new ArrayList<>(List.of("comment", "--stack", "pr-42", "--audit-hash", "17:" + "9f".repeat(32)));
        for (String[] input : new String[][] {
            {"--outputs", "outputs.json"},
            {"--preview", "preview.json"},
            {"--policy", "policy-passed.json"},
            {"--reviews", "reviews.json"},
            {"--verify", "verify.txt"},
            {"--checks", "checks.env"},
            {"--policy-file", "policy.yaml"}
        }) {
            args.add(input[0]);
            args.add(
                    input[0].equals(option)
                            ? a.bad().toString()
                            : COMMENT.resolve(input[1]).toString());
        }
        return args;
    }

    private FileReadingOptions() {}
}
