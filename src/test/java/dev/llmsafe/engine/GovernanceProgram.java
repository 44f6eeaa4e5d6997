package dev.llmsafe.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.llmsafe.components.CiVariables;
import dev.llmsafe.components.GithubGovernance;
import dev.llmsafe.components.GithubGovernanceArgs;
import dev.llmsafe.components.GithubGovernanceArgs.EnvironmentPolicy;
import dev.llmsafe.components.GithubGovernanceArgs.MainBranchRules;
import dev.llmsafe.providers.github.Provider;
import dev.llmsafe.providers.github.ProviderArgs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GitHub governance alone, as a Pulumi program for the real engine: our {@link GithubGovernance} component
 * with a github provider built as the platform stack builds it (owner from config, token from GITHUB_TOKEN, read
 * by the provider arguments, never config). The platform stack itself also needs GCP, which the engine tests
 * cannot run, so this program reads the component's inputs from stack config instead of the platform settings.
 */
public final class GovernanceProgram {
    /** The project name, and so the namespace of the config keys below. */
    public static final String PROJECT = "llm-safe-governance";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One environment as config lists it; no reviewers means {@link EnvironmentPolicy#open}. */
    record EnvironmentConfig(String name, List<Long> userIds, List<Long> teamIds, int waitTimerMinutes) {
        EnvironmentPolicy policy() {
            List<Long> users = userIds == null ? List.of() : userIds;
            List<Long> teams = teamIds == null ? List.of() : teamIds;
            return users.isEmpty() && teams.isEmpty()
                    ? EnvironmentPolicy.open(name)
                    : EnvironmentPolicy.gated(name, users, teams, waitTimerMinutes);
        }
    }

    private GovernanceProgram() {}

    public static void main(String[] args) {
        Pulumi.run(GovernanceProgram::define);
    }

    static void define(Context ctx) {
        var config = ctx.config();
        var github = new Provider(
                "github", ProviderArgs.builder().owner(config.require("owner")).build());
        List<EnvironmentPolicy> environments =
                parse(config.require("environments"), new TypeReference<List<EnvironmentConfig>>() {}).stream()
                        .map(EnvironmentConfig::policy)
                        .toList();
        Map<String, Map<String, String>> plainVariables =
                parse(config.get("variables").orElse("{}"), new TypeReference<Map<String, Map<String, String>>>() {});
        Map<String, Map<String, Output<String>>> variables = new LinkedHashMap<>();
        plainVariables.forEach((env, vars) -> {
            Map<String, Output<String>> outputs = new LinkedHashMap<>();
            vars.forEach((name, value) -> outputs.put(name, Output.of(value)));
            variables.put(env, outputs);
        });
        var args = GithubGovernanceArgs.builder(config.require("repository"))
                .mainBranch(config.get("mainBranch").orElse(GithubGovernanceArgs.DEFAULT_MAIN_BRANCH))
                .environments(environments)
                .mainRules(new MainBranchRules(
                        config.requireInteger("requiredApprovals"),
                        parse(config.require("requiredStatusChecks"), new TypeReference<List<String>>() {})))
                .codeOwners(parse(config.require("codeOwners"), new TypeReference<List<String>>() {}))
                .codeOwnedPaths(parse(config.require("codeOwnedPaths"), new TypeReference<List<String>>() {}))
                .variables(CiVariables.of(variables))
                .build();
        var governance = new GithubGovernance(
                "governance",
                args,
                ComponentResourceOptions.builder().providers(github).build());
        ctx.export("rulesetId", governance.rulesetId());
    }

    private static <T> T parse(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("stack config is not the JSON expected: " + json, e);
        }
    }
}
