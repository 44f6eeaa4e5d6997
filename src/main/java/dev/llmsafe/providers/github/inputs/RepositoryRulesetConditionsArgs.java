package dev.llmsafe.providers.github.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;

/**
 * Conditions of a ruleset (type RepositoryRulesetConditions).
 */
public final class RepositoryRulesetConditionsArgs extends ResourceArgs {
    public static final RepositoryRulesetConditionsArgs Empty = new RepositoryRulesetConditionsArgs();

    @Import(name = "refName", required = true)
    private Output<RepositoryRulesetConditionsRefNameArgs> refName;

    private RepositoryRulesetConditionsArgs() {}

    /** The refs the ruleset applies to. */
    public Output<RepositoryRulesetConditionsRefNameArgs> refName() {
        return this.refName;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final RepositoryRulesetConditionsArgs $ = new RepositoryRulesetConditionsArgs();

        public Builder refName(Output<RepositoryRulesetConditionsRefNameArgs> refName) {
            $.refName = refName;
            return this;
        }

        public Builder refName(RepositoryRulesetConditionsRefNameArgs refName) {
            return refName(Output.of(refName));
        }

        public RepositoryRulesetConditionsArgs build() {
            if ($.refName == null) {
                throw new MissingRequiredPropertyException("RepositoryRulesetConditionsArgs", "refName");
            }
            return $;
        }
    }
}
