package dev.llmsafe.providers.github;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.internal.Codegen;
import com.pulumi.resources.ResourceArgs;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Inputs of the GitHub {@link Provider}. The token is never taken from stack config: when not given it is read
 * from {@code GITHUB_TOKEN} at deploy time and always travels as a secret.
 */
public final class ProviderArgs extends ResourceArgs {
    @Import(name = "baseUrl")
    private @Nullable Output<String> baseUrl;

    @Import(name = "owner")
    private @Nullable Output<String> owner;

    @Import(name = "token")
    private @Nullable Output<String> token;

    private ProviderArgs() {}

    /** The API URL; GitHub.com unless set (or {@code GITHUB_BASE_URL} is) for GitHub Enterprise Server. */
    public Optional<Output<String>> baseUrl() {
        return Optional.ofNullable(this.baseUrl);
    }

    /** The organization or user account whose repositories are managed. */
    public Optional<Output<String>> owner() {
        return Optional.ofNullable(this.owner);
    }

    public Optional<Output<String>> token() {
        return Optional.ofNullable(this.token);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final ProviderArgs $ = new ProviderArgs();

        public Builder baseUrl(@Nullable Output<String> baseUrl) {
            $.baseUrl = baseUrl;
            return this;
        }

        public Builder baseUrl(String baseUrl) {
            return baseUrl(Output.of(baseUrl));
        }

        public Builder owner(@Nullable Output<String> owner) {
            $.owner = owner;
            return this;
        }

        public Builder owner(String owner) {
            return owner(Output.of(owner));
        }

        public Builder token(@Nullable Output<String> token) {
            $.token = token;
            return this;
        }

        public Builder token(String token) {
            return token(Output.of(token));
        }

        public ProviderArgs build() {
            $.baseUrl = Codegen.stringProp("baseUrl")
                    .output()
                    .arg($.baseUrl)
                    .env("GITHUB_BASE_URL")
                    .getNullable();
            $.owner = Codegen.stringProp("owner")
                    .output()
                    .arg($.owner)
                    .env("GITHUB_OWNER")
                    .getNullable();
            $.token = Codegen.stringProp("token")
                    .secret()
                    .arg($.token)
                    .env("GITHUB_TOKEN")
                    .getNullable();
            return $;
        }
    }
}
