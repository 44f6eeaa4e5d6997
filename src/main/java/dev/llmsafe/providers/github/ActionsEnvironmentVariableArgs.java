package dev.llmsafe.providers.github;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;

/**
 * Inputs of {@link ActionsEnvironmentVariable}.
 */
public final class ActionsEnvironmentVariableArgs extends ResourceArgs {
    public static final ActionsEnvironmentVariableArgs Empty = new ActionsEnvironmentVariableArgs();

    @Import(name = "environment", required = true)
    private Output<String> environment;

    @Import(name = "repository", required = true)
    private Output<String> repository;

    @Import(name = "value", required = true)
    private Output<String> value;

    @Import(name = "variableName", required = true)
    private Output<String> variableName;

    private ActionsEnvironmentVariableArgs() {}

    /** The environment's name. */
    public Output<String> environment() {
        return this.environment;
    }

    /** The repository's name, without the owner. */
    public Output<String> repository() {
        return this.repository;
    }

    /** The value: plain text, visible to anyone who can read the repository's settings. */
    public Output<String> value() {
        return this.value;
    }

    /** The variable's name, as workflows read it: ${{ vars.NAME }}. */
    public Output<String> variableName() {
        return this.variableName;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final ActionsEnvironmentVariableArgs $ = new ActionsEnvironmentVariableArgs();

        public Builder environment(Output<String> environment) {
            $.environment = environment;
            return this;
        }

        public Builder environment(String environment) {
            return environment(Output.of(environment));
        }

        public Builder repository(Output<String> repository) {
            $.repository = repository;
            return this;
        }

        public Builder repository(String repository) {
            return repository(Output.of(repository));
        }

        public Builder value(Output<String> value) {
            $.value = value;
            return this;
        }

        public Builder value(String value) {
            return value(Output.of(value));
        }

        public Builder variableName(Output<String> variableName) {
            $.variableName = variableName;
            return this;
        }

        public Builder variableName(String variableName) {
            return variableName(Output.of(variableName));
        }

        public ActionsEnvironmentVariableArgs build() {
            if ($.environment == null) {
                throw new MissingRequiredPropertyException("ActionsEnvironmentVariableArgs", "environment");
            }
            if ($.repository == null) {
                throw new MissingRequiredPropertyException("ActionsEnvironmentVariableArgs", "repository");
            }
            if ($.value == null) {
                throw new MissingRequiredPropertyException("ActionsEnvironmentVariableArgs", "value");
            }
            if ($.variableName == null) {
                throw new MissingRequiredPropertyException("ActionsEnvironmentVariableArgs", "variableName");
            }
            return $;
        }
    }
}
