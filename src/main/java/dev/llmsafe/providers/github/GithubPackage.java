package dev.llmsafe.providers.github;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import javax.annotation.Nullable;

/**
 * The pulumi-github plugin these bindings are written against. Every binding names this version in its
 * default options, as generated SDKs do, so {@code pulumi up} installs and runs exactly the provider whose
 * schema the bindings were checked against.
 */
public final class GithubPackage {
    /** The package name: resource tokens start with {@code github:} and the provider is {@code pulumi:providers:github}. */
    public static final String NAME = "github";
    /** The plugin version; the bindings' tokens, property names and required flags match its schema. */
    public static final String VERSION = "6.15.0";

    private GithubPackage() {}

    /** The caller's options over the package defaults (the plugin version), like a generated SDK's. */
    public static CustomResourceOptions withDefaults(
            @Nullable CustomResourceOptions options, @Nullable Output<String> id) {
        var defaults = CustomResourceOptions.builder().version(VERSION).build();
        return CustomResourceOptions.merge(defaults, options, id);
    }
}
