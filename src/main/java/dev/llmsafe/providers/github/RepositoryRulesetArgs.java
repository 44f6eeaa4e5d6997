package dev.llmsafe.providers.github;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import dev.llmsafe.providers.github.inputs.RepositoryRulesetBypassActorArgs;
import dev.llmsafe.providers.github.inputs.RepositoryRulesetConditionsArgs;
import dev.llmsafe.providers.github.inputs.RepositoryRulesetRulesArgs;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Inputs of {@link RepositoryRuleset}.
 */
public final class RepositoryRulesetArgs extends ResourceArgs {
    public static final RepositoryRulesetArgs Empty = new RepositoryRulesetArgs();

    @Import(name = "bypassActors")
    private @Nullable Output<List<RepositoryRulesetBypassActorArgs>> bypassActors;

    @Import(name = "conditions")
    private @Nullable Output<RepositoryRulesetConditionsArgs> conditions;

    @Import(name = "enforcement", required = true)
    private Output<String> enforcement;

    @Import(name = "name")
    private @Nullable Output<String> name;

    @Import(name = "repository", required = true)
    private Output<String> repository;

    @Import(name = "rules", required = true)
    private Output<RepositoryRulesetRulesArgs> rules;

    @Import(name = "target", required = true)
    private Output<String> target;

    private RepositoryRulesetArgs() {}

    /** Actors that may bypass the rules; none when empty. */
    public Optional<Output<List<RepositoryRulesetBypassActorArgs>>> bypassActors() {
        return Optional.ofNullable(this.bypassActors);
    }

    /** The refs the rules apply to. */
    public Optional<Output<RepositoryRulesetConditionsArgs>> conditions() {
        return Optional.ofNullable(this.conditions);
    }

    /** disabled, active or evaluate. */
    public Output<String> enforcement() {
        return this.enforcement;
    }

    /** The ruleset's name. */
    public Optional<Output<String>> name() {
        return Optional.ofNullable(this.name);
    }

    /** The repository's name, without the owner. */
    public Output<String> repository() {
        return this.repository;
    }

    /** The rules. */
    public Output<RepositoryRulesetRulesArgs> rules() {
        return this.rules;
    }

    /** branch, tag or push. */
    public Output<String> target() {
        return this.target;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final RepositoryRulesetArgs $ = new RepositoryRulesetArgs();

        public Builder bypassActors(@Nullable Output<List<RepositoryRulesetBypassActorArgs>> bypassActors) {
            $.bypassActors = bypassActors;
            return this;
        }

        public Builder bypassActors(List<RepositoryRulesetBypassActorArgs> bypassActors) {
            return bypassActors(Output.of(bypassActors));
        }

        public Builder bypassActors(RepositoryRulesetBypassActorArgs... bypassActors) {
            return bypassActors(List.of(bypassActors));
        }

        public Builder conditions(@Nullable Output<RepositoryRulesetConditionsArgs> conditions) {
            $.conditions = conditions;
            return this;
        }

        public Builder conditions(RepositoryRulesetConditionsArgs conditions) {
            return conditions(Output.of(conditions));
        }

        public Builder enforcement(Output<String> enforcement) {
            $.enforcement = enforcement;
            return this;
        }

        public Builder enforcement(String enforcement) {
            return enforcement(Output.of(enforcement));
        }

        public Builder name(@Nullable Output<String> name) {
            $.name = name;
            return this;
        }

        public Builder name(String name) {
            return name(Output.of(name));
        }

        public Builder repository(Output<String> repository) {
            $.repository = repository;
            return this;
        }

        public Builder repository(String repository) {
            return repository(Output.of(repository));
        }

        public Builder rules(Output<RepositoryRulesetRulesArgs> rules) {
            $.rules = rules;
            return this;
        }

        public Builder rules(RepositoryRulesetRulesArgs rules) {
            return rules(Output.of(rules));
        }

        public Builder target(Output<String> target) {
            $.target = target;
            return this;
        }

        public Builder target(String target) {
            return target(Output.of(target));
        }

        public RepositoryRulesetArgs build() {
            if ($.enforcement == null) {
                throw new MissingRequiredPropertyException("RepositoryRulesetArgs", "enforcement");
            }
            if ($.repository == null) {
                throw new MissingRequiredPropertyException("RepositoryRulesetArgs", "repository");
            }
            if ($.rules == null) {
                throw new MissingRequiredPropertyException("RepositoryRulesetArgs", "rules");
            }
            if ($.target == null) {
                throw new MissingRequiredPropertyException("RepositoryRulesetArgs", "target");
            }
            return $;
        }
    }
}
