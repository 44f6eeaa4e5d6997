package dev.llmsafe.providers.github.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * An actor allowed to bypass a ruleset (type RepositoryRulesetBypassActor).
 */
public final class RepositoryRulesetBypassActorArgs extends ResourceArgs {
    public static final RepositoryRulesetBypassActorArgs Empty = new RepositoryRulesetBypassActorArgs();

    @Import(name = "actorId")
    private @Nullable Output<Integer> actorId;

    @Import(name = "actorType", required = true)
    private Output<String> actorType;

    @Import(name = "bypassMode", required = true)
    private Output<String> bypassMode;

    private RepositoryRulesetBypassActorArgs() {}

    /** The actor's numeric id. */
    public Optional<Output<Integer>> actorId() {
        return Optional.ofNullable(this.actorId);
    }

    /** RepositoryRole, Team, Integration, OrganizationAdmin or DeployKey. */
    public Output<String> actorType() {
        return this.actorType;
    }

    /** always or pull_request. */
    public Output<String> bypassMode() {
        return this.bypassMode;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final RepositoryRulesetBypassActorArgs $ = new RepositoryRulesetBypassActorArgs();

        public Builder actorId(@Nullable Output<Integer> actorId) {
            $.actorId = actorId;
            return this;
        }

        public Builder actorId(Integer actorId) {
            return actorId(Output.of(actorId));
        }

        public Builder actorType(Output<String> actorType) {
            $.actorType = actorType;
            return this;
        }

        public Builder actorType(String actorType) {
            return actorType(Output.of(actorType));
        }

        public Builder bypassMode(Output<String> bypassMode) {
            $.bypassMode = bypassMode;
            return this;
        }

        public Builder bypassMode(String bypassMode) {
            return bypassMode(Output.of(bypassMode));
        }

        public RepositoryRulesetBypassActorArgs build() {
            if ($.actorType == null) {
                throw new MissingRequiredPropertyException("RepositoryRulesetBypassActorArgs", "actorType");
            }
            if ($.bypassMode == null) {
                throw new MissingRequiredPropertyException("RepositoryRulesetBypassActorArgs", "bypassMode");
            }
            return $;
        }
    }
}
