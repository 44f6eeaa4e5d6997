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
 * A file committed to a repository branch and kept at the given content.
 */
@ResourceType(type = "github:index/repositoryFile:RepositoryFile")
public class RepositoryFile extends CustomResource {
    public static final String TYPE = "github:index/repositoryFile:RepositoryFile";

    @Export(
            name = "branch",
            refs = {String.class},
            tree = "[0]")
    private Output<String> branch;

    @Export(
            name = "commitSha",
            refs = {String.class},
            tree = "[0]")
    private Output<String> commitSha;

    @Export(
            name = "content",
            refs = {String.class},
            tree = "[0]")
    private Output<String> content;

    @Export(
            name = "file",
            refs = {String.class},
            tree = "[0]")
    private Output<String> file;

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
            name = "sha",
            refs = {String.class},
            tree = "[0]")
    private Output<String> sha;

    public Output<String> branch() {
        return this.branch;
    }

    /** The commit that last wrote the file. */
    public Output<String> commitSha() {
        return this.commitSha;
    }

    public Output<String> content() {
        return this.content;
    }

    public Output<String> file() {
        return this.file;
    }

    public Output<String> repository() {
        return this.repository;
    }

    public Output<Integer> repositoryId() {
        return this.repositoryId;
    }

    /** The file's blob SHA. */
    public Output<String> sha() {
        return this.sha;
    }

    public RepositoryFile(String name, RepositoryFileArgs args) {
        this(name, args, null);
    }

    public RepositoryFile(String name, RepositoryFileArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "args"), GithubPackage.withDefaults(options, Codegen.empty()));
    }
}
