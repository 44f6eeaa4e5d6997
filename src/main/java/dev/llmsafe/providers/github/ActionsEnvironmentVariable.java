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
 * A GitHub Actions variable (not a secret) of one environment: jobs running in that environment read it as ${{
 * vars.NAME }}.
 */
@ResourceType(type = "github:index/actionsEnvironmentVariable:ActionsEnvironmentVariable")
public class ActionsEnvironmentVariable extends CustomResource {
    public static final String TYPE = "github:index/actionsEnvironmentVariable:ActionsEnvironmentVariable";

    @Export(
            name = "createdAt",
            refs = {String.class},
            tree = "[0]")
    private Output<String> createdAt;

    @Export(
            name = "environment",
            refs = {String.class},
            tree = "[0]")
    private Output<String> environment;

    @Export(
            name = "repository",
            refs = {String.class},
            tree = "[0]")
    private Output<String> repository;

    @Export(
            name = "repositoryId",
            refs = {Integer.class},
            tree = "[0]")
    private Output<Integer> repositoryId;

    @Export(
            name = "updatedAt",
            refs = {String.class},
            tree = "[0]")
    private Output<String> updatedAt;

    @Export(
            name = "value",
            refs = {String.class},
            tree = "[0]")
    private Output<String> value;

    @Export(
            name = "variableName",
            refs = {String.class},
            tree = "[0]")
    private Output<String> variableName;

    public Output<String> createdAt() {
        return this.createdAt;
    }

    public Output<String> environment() {
        return this.environment;
    }

    public Output<String> repository() {
        return this.repository;
    }

    public Output<Integer> repositoryId() {
        return this.repositoryId;
    }

    public Output<String> updatedAt() {
        return this.updatedAt;
    }

    public Output<String> value() {
        return this.value;
    }

    public Output<String> variableName() {
        return this.variableName;
    }

    public ActionsEnvironmentVariable(String name, ActionsEnvironmentVariableArgs args) {
        this(name, args, null);
    }

    public ActionsEnvironmentVariable(
            String name, ActionsEnvironmentVariableArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "args"), GithubPackage.withDefaults(options, Codegen.empty()));
    }
}
