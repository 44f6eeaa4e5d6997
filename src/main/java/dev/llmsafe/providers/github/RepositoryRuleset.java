package dev.llmsafe.providers.github;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A repository ruleset: rules GitHub enforces on matching refs for everyone not listed as a bypass actor.
 */
@ResourceType(type = "github:index/repositoryRuleset:RepositoryRuleset")
public class RepositoryRuleset extends CustomResource {
    public static final String TYPE = "github:index/repositoryRuleset:RepositoryRuleset";

    @Export(
            name = "enforcement",
            refs = {String.class},
            tree = "[0]")
    private Output<String> enforcement;

    @Export(
            name = "etag",
            refs = {String.class},
            tree = "[0]")
    private Output<String> etag;

    @Export(
            name = "name",
            refs = {String.class},
            tree = "[0]")
    private Output<String> name;

    @Export(
            name = "nodeId",
            refs = {String.class},
            tree = "[0]")
    private Output<String> nodeId;

    @Export(
            name = "repository",
            refs = {String.class},
            tree = "[0]")
    private Output<String> repository;

    @Export(
            name = "rulesetId",
            refs = {Integer.class},
            tree = "[0]")
    private Output<Integer> rulesetId;

    @Export(
            name = "target",
            refs = {String.class},
            tree = "[0]")
    private Output<String> target;

    public Output<String> enforcement() {
        return this.enforcement;
    }

    public Output<String> etag() {
        return this.etag;
    }

    public Output<String> name() {
        return this.name;
    }

    public Output<String> nodeId() {
        return this.nodeId;
    }

    public Output<String> repository() {
        return this.repository;
    }

    /** GitHub's id of the ruleset. */
    public Output<Integer> rulesetId() {
        return this.rulesetId;
    }

    public Output<String> target() {
        return this.target;
    }

    public RepositoryRuleset(String name, RepositoryRulesetArgs args) {
        this(name, args, null);
    }

    public RepositoryRuleset(String name, RepositoryRulesetArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "args"), GithubPackage.withDefaults(options, Codegen.empty()));
    }
}
