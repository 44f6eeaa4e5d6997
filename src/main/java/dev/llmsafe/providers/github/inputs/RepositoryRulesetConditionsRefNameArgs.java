package dev.llmsafe.providers.github.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import java.util.List;

/**
 * The refs a ruleset applies to (type RepositoryRulesetConditionsRefName).
 */
public final class RepositoryRulesetConditionsRefNameArgs extends ResourceArgs {
    public static final RepositoryRulesetConditionsRefNameArgs Empty = new RepositoryRulesetConditionsRefNameArgs();

    @Import(name = "excludes", required = true)
    private Output<List<String>> excludes;

    @Import(name = "includes", required = true)
    private Output<List<String>> includes;

    private RepositoryRulesetConditionsRefNameArgs() {}

    /** Ref names or patterns excluded. */
    public Output<List<String>> excludes() {
        return this.excludes;
    }

    /** Ref names or patterns included; also ~DEFAULT_BRANCH or ~ALL. */
    public Output<List<String>> includes() {
        return this.includes;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final RepositoryRulesetConditionsRefNameArgs $ = new RepositoryRulesetConditionsRefNameArgs();

        public Builder excludes(Output<List<String>> excludes) {
            $.excludes = excludes;
            return this;
        }

        public Builder excludes(List<String> excludes) {
            return excludes(Output.of(excludes));
        }

        public Builder excludes(String... excludes) {
            return excludes(List.of(excludes));
        }

        public Builder includes(Output<List<String>> includes) {
            $.includes = includes;
            return this;
        }

        public Builder includes(List<String> includes) {
            return includes(Output.of(includes));
        }

        public Builder includes(String... includes) {
            return includes(List.of(includes));
        }

        public RepositoryRulesetConditionsRefNameArgs build() {
            if ($.excludes == null) {
                throw new MissingRequiredPropertyException("RepositoryRulesetConditionsRefNameArgs", "excludes");
            }
            if ($.includes == null) {
                throw new MissingRequiredPropertyException("RepositoryRulesetConditionsRefNameArgs", "includes");
            }
            return $;
        }
    }
}
