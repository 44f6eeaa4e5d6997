package dev.llmsafe.providers.github.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * One required status check (type RepositoryRulesetRulesRequiredStatusChecksRequiredCheck).
 */
public final class RepositoryRulesetRulesRequiredStatusChecksRequiredCheckArgs extends ResourceArgs {
    public static final RepositoryRulesetRulesRequiredStatusChecksRequiredCheckArgs Empty =
            new RepositoryRulesetRulesRequiredStatusChecksRequiredCheckArgs();

    @Import(name = "context", required = true)
    private Output<String> context;

    @Import(name = "integrationId")
    private @Nullable Output<Integer> integrationId;

    private RepositoryRulesetRulesRequiredStatusChecksRequiredCheckArgs() {}

    /** The check's name, as CI reports it (the job name). */
    public Output<String> context() {
        return this.context;
    }

    /** The GitHub App that must report it; any source when unset. */
    public Optional<Output<Integer>> integrationId() {
        return Optional.ofNullable(this.integrationId);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final RepositoryRulesetRulesRequiredStatusChecksRequiredCheckArgs $ =
                new RepositoryRulesetRulesRequiredStatusChecksRequiredCheckArgs();

        public Builder context(Output<String> context) {
            $.context = context;
            return this;
        }

        public Builder context(String context) {
            return context(Output.of(context));
        }

        public Builder integrationId(@Nullable Output<Integer> integrationId) {
            $.integrationId = integrationId;
            return this;
        }

        public Builder integrationId(Integer integrationId) {
            return integrationId(Output.of(integrationId));
        }

        public RepositoryRulesetRulesRequiredStatusChecksRequiredCheckArgs build() {
            if ($.context == null) {
                throw new MissingRequiredPropertyException(
                        "RepositoryRulesetRulesRequiredStatusChecksRequiredCheckArgs", "context");
            }
            return $;
        }
    }
}
