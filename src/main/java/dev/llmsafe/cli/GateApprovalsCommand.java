package dev.llmsafe.cli;

import dev.llmsafe.gate.ApprovalGate;
import dev.llmsafe.gate.GateReport;
import dev.llmsafe.gate.GateVerdict;
import dev.llmsafe.gate.GithubApi;
import dev.llmsafe.gate.GithubApiException;
import dev.llmsafe.gate.RetryPolicy;
import dev.llmsafe.gate.RunApprovals;
import dev.llmsafe.gate.RunApprovalsReader;
import dev.llmsafe.identity.ActorClassifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code llmsafe gate approvals}: at least N distinct people, none of them the run's own actor, a bot or an AI. */
@Command(
        name = "approvals",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Passes only if enough distinct people approved the workflow run.",
            "",
            "GitHub lets a job proceed on one approval per environment and cannot tell people from agents. "
                    + "This reads the run's approvals from the GitHub REST API and counts distinct accounts (by id) "
                    + "that approved any of the listed environments, leaving out the run's actor and triggering "
                    + "actor, the authors and committers of the deployed commit and of the pull request that "
                    + "merged it (and that pull request's author), every bot (type Bot or a login ending in [bot]) "
                    + "and every AI identity. A rejection in a listed environment fails the gate, every listed "
                    + "environment needs a counted approval, and so does an author GitHub links to no account "
                    + "(unless it names an AI agent or a bot).",
            "",
            "The token is read from GITHUB_TOKEN and needs permissions actions: read, contents: read and "
                    + "pull-requests: read.",
            "",
            "Exit codes: 0 passed; 1 not enough humans, a rejection, an unknown author or a refused re-run (the "
                    + "report says who counted and why others did not); 2 bad input or an API failure (never a "
                    + "pass)."
        })
public final class GateApprovalsCommand implements Callable<Integer> {
    static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}");
    static final String DEFAULT_API = "https://api.github.com";

    @Spec
    CommandSpec spec;

    @Option(
            names = "--repo",
            required = true,
            paramLabel = "OWNER/REPO",
            description = "The repository, for example acme/shop.")
    String repository;

    @Option(
            names = "--run-id",
            required = true,
            paramLabel = "N",
            description = "The workflow run: $${{ github.run_id }}.")
    long runId;

    @Option(
            names = "--environments",
            required = true,
            split = ",",
            paramLabel = "ENVS",
            hideParamSyntax = true,
            description = "The environments whose approvals count, comma-separated: "
                    + "production-approval,production for example.")
    List<String> environments = new ArrayList<>();

    @Option(
            names = "--min-humans",
            defaultValue = "2",
            paramLabel = "N",
            description = "Distinct people needed (default: ${DEFAULT-VALUE}).")
    int minHumans;

    @Option(
            names = "--first-attempt-only",
            description = "Fail on a re-run (run_attempt above 1): GitHub's review history keeps every attempt's "
                    + "approvals without saying which attempt each was for.")
    boolean firstAttemptOnly;

    @Option(
            names = "--ai-identities",
            split = ",",
            paramLabel = "LOGINS",
            hideParamSyntax = true,
            description =
                    "Logins of AI agents, comma-separated; their approvals never count (bots never count " + "either).")
    List<String> aiIdentities = new ArrayList<>();

    @Option(
            names = "--policy",
            paramLabel = "FILE",
            description = "Policy file whose aiIdentities never count as approvers (added to --ai-identities).")
    java.nio.file.Path policyFile;

    @Option(
            names = "--api-url",
            paramLabel = "URL",
            description = "The GitHub API root (default: $GITHUB_API_URL, else " + DEFAULT_API + ").")
    String apiUrl;

    private final Map<String, String> env;
    private final RetryPolicy retry;

    public GateApprovalsCommand() {
        this(System.getenv(), RetryPolicy.standard());
    }

    GateApprovalsCommand(Map<String, String> env, RetryPolicy retry) {
        this.env = env;
        this.retry = retry;
    }

    @Override
    public Integer call() throws java.io.IOException {
        URI api = validate();
        String token = env.getOrDefault("GITHUB_TOKEN", "").trim();
        if (token.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "GITHUB_TOKEN is not set (the runner does not export "
                            + "it); give the step `env: GITHUB_TOKEN: ${{ github.token }}` and the job `permissions: actions: "
                            + "read, contents: read, pull-requests: read`");
        }
        var err = spec.commandLine().getErr();
        ActorClassifier classifier = PolicyFiles.classifier(policyFile, "--policy", aiIdentities);
        err.println("gate: reading approvals of run " + runId + " in " + repository + " from " + api);
        err.flush();
        RunApprovals run;
        try {
            run = new RunApprovalsReader(new GithubApi(api, token, retry, line -> {
                        err.println(line);
                        err.flush();
                    }))
                    .read(repository, runId);
        } catch (GithubApiException e) {
            throw new BadInputException(e.getMessage() + "; no verdict, so the gate does not pass", e);
        }
        GateVerdict verdict = new ApprovalGate(classifier).evaluate(run, environments, minHumans, firstAttemptOnly);
        var out = spec.commandLine().getOut();
        out.print(GateReport.render(repository, runId, verdict));
        out.flush();
        return verdict.passed() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private URI validate() {
        if (!REPOSITORY.matcher(repository).matches()) {
            throw bad("--repo '" + repository + "' is not OWNER/REPO, e.g. acme/shop (${{ github.repository }})");
        }
        if (runId <= 0) {
            throw bad("--run-id " + runId + " is not a workflow run id; use ${{ github.run_id }}");
        }
        environments = environments.stream().map(String::trim).toList();
        if (environments.isEmpty() || environments.stream().anyMatch(String::isEmpty)) {
            throw bad("--environments " + environments + " has an empty name; list them as a,b");
        }
        if (minHumans < 1 || minHumans > 10) {
            throw bad("--min-humans " + minHumans + " must be from 1 to 10");
        }
        aiIdentities = aiIdentities.stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        String url = apiUrl != null ? apiUrl : env.getOrDefault("GITHUB_API_URL", DEFAULT_API);
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw bad("--api-url '" + url + "' is not a URL");
        }
        String host = uri.getHost() == null ? "" : uri.getHost();
        boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !("http".equalsIgnoreCase(uri.getScheme()) && loopback)) {
            throw bad("--api-url '" + url + "' must be https:// (plain http only to this machine), so the token "
                    + "is never sent in clear text");
        }
        if (host.isEmpty() || uri.getQuery() != null || uri.getFragment() != null) {
            throw bad("--api-url '" + url + "' must be an API root such as " + DEFAULT_API);
        }
        return uri;
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
