package dev.llmsafe.providers.github.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Status checks that must pass before a ref is updated (type RepositoryRulesetRulesRequiredStatusChecks).
 */
public final class RepositoryRulesetRulesRequiredStatusChecksArgs extends ResourceArgs {
    public static final RepositoryRulesetRulesRequiredStatusChecksArgs Empty =
            new RepositoryRulesetRulesRequiredStatusChecksArgs();

    @Import(name = "doNotEnforceOnCreate")
    private @Nullable Output<Boolean> doNotEnforceOnCreate;

    @Import(name = "requiredChecks", required = true)
    private Output<List<RepositoryRulesetRulesRequiredStatusChecksRequiredCheckArgs>> requiredChecks;

    @Import(name = "strictRequiredStatusChecksPolicy")
    private @Nullable Output<Boolean> strictRequiredStatusChecksPolicy;

    private RepositoryRulesetRulesRequiredStatusChecksArgs() {}

    /** Allow creating a matching ref even when a check would block it. */
    public Optional<Output<Boolean>> doNotEnforceOnCreate() {
        return Optional.ofNullable(this.doNotEnforceOnCreate);
    }

    /** The checks required. */
    public Output<List<RepositoryRulesetRulesRequiredStatusChecksRequiredCheckArgs>> requiredChecks() {
        return this.requiredChecks;
    }

    /** Pull requests must be tested with the latest code of the base branch. */
    public Optional<Output<Boolean>> strictRequiredStatusChecksPolicy() {
        return Optional.ofNullable(this.strictRequiredStatusChecksPolicy);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final RepositoryRulesetRulesRequiredStatusChecksArgs $ =
                new RepositoryRulesetRulesRequiredStatusChecksArgs();

        public Builder doNotEnforceOnCreate(@Nullable Output<Boolean> doNotEnforceOnCreate) {
            $.doNotEnforceOnCreate = doNotEnforceOnCreate;
            return this;
        }

        public Builder doNotEnforceOnCreate(Boolean doNotEnforceOnCreate) {
            return doNotEnforceOnCreate(Output.of(doNotEnforceOnCreate));
        }

        public Builder requiredChecks(
                Output<List<RepositoryRulesetRulesRequiredStatusChecksRequiredCheckArgs>> requiredChecks) {
            $.requiredChecks = requiredChecks;
            return this;
        }

        public Builder requiredChecks(
                List<RepositoryRulesetRulesRequiredStatusChecksRequiredCheckArgs> requiredChecks) {
            return requiredChecks(Output.of(requiredChecks));
        }

        public Builder requiredChecks(RepositoryRulesetRulesRequiredStatusChecksRequiredCheckArgs... requiredChecks) {
            return requiredChecks(List.of(requiredChecks));
        }

        public Builder strictRequiredStatusChecksPolicy(@Nullable Output<Boolean> strictRequiredStatusChecksPolicy) {
            $.strictRequiredStatusChecksPolicy = strictRequiredStatusChecksPolicy;
            return this;
        }

        public Builder strictRequiredStatusChecksPolicy(Boolean strictRequiredStatusChecksPolicy) {
            return strictRequiredStatusChecksPolicy(Output.of(strictRequiredStatusChecksPolicy));
        }

        public RepositoryRulesetRulesRequiredStatusChecksArgs build() {
            if ($.requiredChecks == null) {
                throw new MissingRequiredPropertyException(
                        "RepositoryRulesetRulesRequiredStatusChecksArgs", "requiredChecks");
            }
            return $;
        }
    }
}
