package dev.llmsafe.stack;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the Railway keys of an app stack (workspace, token, source, branch, root directory, registry), for
 * {@link RuntimeSettingsReader}. Problems are collected in the {@link ConfigReader} like every other key's.
 */
final class RailwaySettingsReader {
    static final Pattern WORKSPACE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    static final Pattern ROOT_DIRECTORY = Pattern.compile("/?[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*/?");
    static final Pattern REGISTRY_USER = Pattern.compile("[A-Za-z0-9._@+-]{1,256}");
    /** Artifact Registry's user name for a service-account key as the password. */
    static final String REGISTRY_USERNAME = "_json_key";

    private RailwaySettingsReader() {}

    static RuntimeSettings.Railway read(ConfigReader in, boolean preview, SecretSettings secrets) {
        Optional<String> workspace = Optional.ofNullable(in.optional(
                "railwayWorkspaceId",
                null,
                WORKSPACE_ID,
                "must be a Railway workspace id (letters, digits and hyphens), from the workspace's settings"));
        Optional<SecretText> token = in.raw("railwayToken").map(SecretText::new);
        if (token.isPresent() && !in.isSecret("railwayToken")) {
            in.problem(
                    "railwayToken",
                    "(plain text)",
                    "must be encrypted: `pulumi config set --secret "
                            + "llm-safe:railwayToken TOKEN`, or leave it unset and use railway:token / RAILWAY_TOKEN");
            token = Optional.empty();
        }
        RuntimeSettings.RailwaySource source = RuntimeSettings.RailwaySource.REPOSITORY;
        in.declareDefault("railwaySource", source.configValue());
        Optional<String> rawSource = in.raw("railwaySource");
        if (rawSource.isPresent()) {
            switch (rawSource.get().trim()) {
                case "repository" -> source = RuntimeSettings.RailwaySource.REPOSITORY;
                case "image" -> source = RuntimeSettings.RailwaySource.IMAGE;
                default -> in.problem("railwaySource", rawSource.get(), "must be repository or image");
            }
        }
        String branch = RuntimeSettings.DEFAULT_RAILWAY_BRANCH;
        Optional<String> rawBranch = in.raw("railwayBranch");
        in.declareDefault("railwayBranch", branch);
        if (rawBranch.isPresent() && preview) {
            in.problem(
                    "railwayBranch",
                    rawBranch.get(),
                    "previews build the pull request's own branch; " + "railwayBranch is for staging and production");
        } else if (rawBranch.isPresent() && !GitRefs.isValidBranch(rawBranch.get())) {
            in.problem("railwayBranch", rawBranch.get(), "must be a valid git branch name, e.g. main");
        } else if (rawBranch.isPresent()) {
            branch = rawBranch.get();
        }
        Optional<String> root = Optional.ofNullable(in.optional(
                "railwayRootDirectory",
                null,
                ROOT_DIRECTORY,
                "must be a directory of the repository, e.g. services/web"));
        return RuntimeSettings.Railway.builder(source, branch)
                .workspaceId(workspace)
                .token(token)
                .rootDirectory(root)
                .registry(registry(in, source, secrets))
                .build();
    }

    /**
     * Railway pulls an image service's image itself, so it needs the registry's credentials; without them a private
     * image (Artifact Registry is private) never starts. The password is a Secret Manager secret of the
     * environment, read at deploy time like the app's secrets, never config text.
     */
    private static Optional<RuntimeSettings.Registry> registry(
            ConfigReader in, RuntimeSettings.RailwaySource source, SecretSettings secrets) {
        Optional<String> secret = in.raw("railwayRegistrySecret").map(String::trim);
        String username = in.optional(
                "railwayRegistryUsername",
                REGISTRY_USERNAME,
                REGISTRY_USER,
                "must be the registry's user name, e.g. _json_key for an Artifact Registry key");
        if (source != RuntimeSettings.RailwaySource.IMAGE) {
            secret.ifPresent(s -> in.problem(
                    "railwayRegistrySecret",
                    s,
                    "only an image service pulls from a " + "registry; remove it, or set railwaySource: image"));
            in.raw("railwayRegistryUsername")
                    .ifPresent(u -> in.problem(
                            "railwayRegistryUsername",
                            u,
                            "only an image service pulls from a registry; remove it, or set railwaySource: image"));
            return Optional.empty();
        }
        if (secret.isEmpty()) {
            in.problem(
                    "railwayRegistrySecret",
                    null,
                    "required: railwaySource is image, and Railway needs the "
                            + "registry's password to pull it; name the secret of deployerSecretNames "
                            + secrets.deployerNames() + " that holds it (Secret Manager <environment>-<name>), or set "
                            + "railwaySource: repository");
            return Optional.empty();
        }
        if (!secrets.deployerNames().contains(secret.get())) {
            in.problem(
                    "railwayRegistrySecret",
                    secret.get(),
                    "must name a secret of deployerSecretNames "
                            + secrets.deployerNames()
                            + ", which only the deployer reads at deploy time (the environment is "
                            + "added: staging reads staging-<name>)"
                            + (secrets.names().contains(secret.get())
                                    ? "; it is in secretNames, which the app's runtime reads too: move it"
                                    : ""));
            return Optional.empty();
        }
        return Optional.of(new RuntimeSettings.Registry(username == null ? REGISTRY_USERNAME : username, secret.get()));
    }
}
