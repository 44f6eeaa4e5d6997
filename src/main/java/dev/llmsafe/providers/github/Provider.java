package dev.llmsafe.providers.github;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;

/** An explicit pulumi-github provider ({@code pulumi:providers:github}), pinned to {@link GithubPackage#VERSION}. */
@ResourceType(type = "pulumi:providers:github")
public class Provider extends ProviderResource {
    @Export(
            name = "baseUrl",
            refs = {String.class},
            tree = "[0]")
    private Output<String> baseUrl;

    @Export(
            name = "owner",
            refs = {String.class},
            tree = "[0]")
    private Output<String> owner;

    public Output<Optional<String>> baseUrl() {
        return Codegen.optional(this.baseUrl);
    }

    public Output<Optional<String>> owner() {
        return Codegen.optional(this.owner);
    }

    public Provider(String name) {
        this(name, null);
    }

    public Provider(String name, @Nullable ProviderArgs args) {
        this(name, args, null);
    }

    public Provider(String name, @Nullable ProviderArgs args, @Nullable CustomResourceOptions options) {
        super(
                GithubPackage.NAME,
                name,
                args == null ? ProviderArgs.builder().build() : args,
                makeResourceOptions(options));
    }

    private static CustomResourceOptions makeResourceOptions(@Nullable CustomResourceOptions options) {
        var secrets = CustomResourceOptions.builder()
                .additionalSecretOutputs(List.of("token"))
                .build();
        return GithubPackage.withDefaults(CustomResourceOptions.merge(secrets, options), Codegen.empty());
    }
}
