package dev.llmsafe.providers.railway;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Optional;
import javax.annotation.Nullable;

/** Inputs of the Railway {@link Provider}; the schema's only setting is {@code token}. */
public final class ProviderArgs extends ResourceArgs {
    public static final ProviderArgs Empty = new ProviderArgs();

    /** An account or workspace token; project tokens cannot create projects. */
    @Import(name = "token")
    private @Nullable Output<String> token;

    public Optional<Output<String>> token() {
        return Optional.ofNullable(token);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link ProviderArgs}. */
    public static final class Builder {
        private final ProviderArgs args = new ProviderArgs();

        public Builder token(@Nullable Output<String> token) {
            args.token = token;
            return this;
        }

        public Builder token(String token) {
            return token(Output.of(token));
        }

        public ProviderArgs build() {
            return args;
        }
    }
}
