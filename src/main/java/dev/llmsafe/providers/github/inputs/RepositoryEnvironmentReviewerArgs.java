package dev.llmsafe.providers.github.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Who may approve jobs of an environment: GitHub numeric user and team ids (type
 * RepositoryEnvironmentReviewer).
 */
public final class RepositoryEnvironmentReviewerArgs extends ResourceArgs {
    public static final RepositoryEnvironmentReviewerArgs Empty = new RepositoryEnvironmentReviewerArgs();

    @Import(name = "teams")
    private @Nullable Output<List<Integer>> teams;

    @Import(name = "users")
    private @Nullable Output<List<Integer>> users;

    private RepositoryEnvironmentReviewerArgs() {}

    /** Numeric ids of teams whose members may approve. */
    public Optional<Output<List<Integer>>> teams() {
        return Optional.ofNullable(this.teams);
    }

    /** Numeric ids of users who may approve. */
    public Optional<Output<List<Integer>>> users() {
        return Optional.ofNullable(this.users);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final RepositoryEnvironmentReviewerArgs $ = new RepositoryEnvironmentReviewerArgs();

        public Builder teams(@Nullable Output<List<Integer>> teams) {
            $.teams = teams;
            return this;
        }

        public Builder teams(List<Integer> teams) {
            return teams(Output.of(teams));
        }

        public Builder teams(Integer... teams) {
            return teams(List.of(teams));
        }

        public Builder users(@Nullable Output<List<Integer>> users) {
            $.users = users;
            return this;
        }

        public Builder users(List<Integer> users) {
            return users(Output.of(users));
        }

        public Builder users(Integer... users) {
            return users(List.of(users));
        }

        public RepositoryEnvironmentReviewerArgs build() {
            return $;
        }
    }
}
