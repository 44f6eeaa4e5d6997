package dev.llmsafe.providers.github;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Inputs of {@link RepositoryFile}; the deprecated autocreateBranch properties are not bound.
 */
public final class RepositoryFileArgs extends ResourceArgs {
    public static final RepositoryFileArgs Empty = new RepositoryFileArgs();

    @Import(name = "branch")
    private @Nullable Output<String> branch;

    @Import(name = "commitAuthor")
    private @Nullable Output<String> commitAuthor;

    @Import(name = "commitEmail")
    private @Nullable Output<String> commitEmail;

    @Import(name = "commitMessage")
    private @Nullable Output<String> commitMessage;

    @Import(name = "content", required = true)
    private Output<String> content;

    @Import(name = "file", required = true)
    private Output<String> file;

    @Import(name = "overwriteOnCreate")
    private @Nullable Output<Boolean> overwriteOnCreate;

    @Import(name = "repository", required = true)
    private Output<String> repository;

    private RepositoryFileArgs() {}

    /** The branch to commit to (it must exist); the default branch when unset. */
    public Optional<Output<String>> branch() {
        return Optional.ofNullable(this.branch);
    }

    /** Commit author name. */
    public Optional<Output<String>> commitAuthor() {
        return Optional.ofNullable(this.commitAuthor);
    }

    /** Commit author email. */
    public Optional<Output<String>> commitEmail() {
        return Optional.ofNullable(this.commitEmail);
    }

    /** The message of the commits that create, change or delete the file. */
    public Optional<Output<String>> commitMessage() {
        return Optional.ofNullable(this.commitMessage);
    }

    /** The file's content. */
    public Output<String> content() {
        return this.content;
    }

    /** The file's path in the repository. */
    public Output<String> file() {
        return this.file;
    }

    /** Replace a file already at that path instead of failing. */
    public Optional<Output<Boolean>> overwriteOnCreate() {
        return Optional.ofNullable(this.overwriteOnCreate);
    }

    /** The repository's name, without the owner. */
    public Output<String> repository() {
        return this.repository;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final RepositoryFileArgs $ = new RepositoryFileArgs();

        public Builder branch(@Nullable Output<String> branch) {
            $.branch = branch;
            return this;
        }

        public Builder branch(String branch) {
            return branch(Output.of(branch));
        }

        public Builder commitAuthor(@Nullable Output<String> commitAuthor) {
            $.commitAuthor = commitAuthor;
            return this;
        }

        public Builder commitAuthor(String commitAuthor) {
            return commitAuthor(Output.of(commitAuthor));
        }

        public Builder commitEmail(@Nullable Output<String> commitEmail) {
            $.commitEmail = commitEmail;
            return this;
        }

        public Builder commitEmail(String commitEmail) {
            return commitEmail(Output.of(commitEmail));
        }

        public Builder commitMessage(@Nullable Output<String> commitMessage) {
            $.commitMessage = commitMessage;
            return this;
        }

        public Builder commitMessage(String commitMessage) {
            return commitMessage(Output.of(commitMessage));
        }

        public Builder content(Output<String> content) {
            $.content = content;
            return this;
        }

        public Builder content(String content) {
            return content(Output.of(content));
        }

        public Builder file(Output<String> file) {
            $.file = file;
            return this;
        }

        public Builder file(String file) {
            return file(Output.of(file));
        }

        public Builder overwriteOnCreate(@Nullable Output<Boolean> overwriteOnCreate) {
            $.overwriteOnCreate = overwriteOnCreate;
            return this;
        }

        public Builder overwriteOnCreate(Boolean overwriteOnCreate) {
            return overwriteOnCreate(Output.of(overwriteOnCreate));
        }

        public Builder repository(Output<String> repository) {
            $.repository = repository;
            return this;
        }

        public Builder repository(String repository) {
            return repository(Output.of(repository));
        }

        public RepositoryFileArgs build() {
            if ($.content == null) {
                throw new MissingRequiredPropertyException("RepositoryFileArgs", "content");
            }
            if ($.file == null) {
                throw new MissingRequiredPropertyException("RepositoryFileArgs", "file");
            }
            if ($.repository == null) {
                throw new MissingRequiredPropertyException("RepositoryFileArgs", "repository");
            }
            return $;
        }
    }
}
