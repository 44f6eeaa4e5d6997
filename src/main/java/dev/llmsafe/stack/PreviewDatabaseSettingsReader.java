package dev.llmsafe.stack;

import dev.llmsafe.components.PreviewDatabase;
import dev.llmsafe.components.PreviewDatabaseArgs;
import java.util.List;
import java.util.Optional;

/**
 * Reads the preview database keys: part of the one validator. Only review stacks create preview databases;
 * staging and production reach their long-lived database through {@code appSecrets}.
 */
final class PreviewDatabaseSettingsReader {
    static final String INSTANCE = "previewDatabaseInstance";
    static final String PASSWORD_SECRET = "previewDatabasePasswordSecret";
    static final String DEFAULT_PASSWORD_SECRET = "database-password";

    private PreviewDatabaseSettingsReader() {}

    static Optional<PreviewDatabaseSettings> read(
            ConfigReader in,
            StackKind kind,
            EnvironmentNames environments,
            SecretSettings secrets,
            Optional<RuntimeSettings> runtime) {
        String instance = in.optional(
                INSTANCE,
                null,
                PreviewDatabaseArgs.CONNECTION_NAME,
                "must be the shared Cloud SQL instance's connection name, project:region:instance, e.g. "
                        + "acme-shop-prod:europe-west4:shop-previews (`gcloud sql instances describe INSTANCE "
                        + "--format='value(connectionName)'`)");
        if (instance != null && !PreviewDatabaseArgs.withinLength(instance)) {
            in.problem(
                    INSTANCE,
                    instance,
                    "project and instance ids together are at most " + PreviewDatabaseArgs.PROJECT_AND_INSTANCE_MAX
                            + " characters (Cloud SQL's limit)");
            instance = null;
        }
        String passwordSecret = in.optional(
                PASSWORD_SECRET,
                DEFAULT_PASSWORD_SECRET,
                PlatformSettingsReader.SECRET_NAME,
                "must be a secret name from deployerSecretNames, e.g. " + DEFAULT_PASSWORD_SECRET);
        if (kind != StackKind.REVIEW) {
            for (String key : List.of(INSTANCE, PASSWORD_SECRET)) {
                in.raw(key)
                        .ifPresent(
                                v -> in.problem(
                                        key,
                                        v,
                                        "only pull-request (review) stacks get a preview "
                                                + "database; staging and production reach their own database through appSecrets"));
            }
            return Optional.empty();
        }
        if (instance == null || passwordSecret == null) {
            return Optional.empty();
        }
        if (!secrets.deployerNames().contains(passwordSecret)) {
            // Every preview's user has this password: an app that could read it could log in as any other preview.
            in.problem(
                    PASSWORD_SECRET,
                    passwordSecret,
                    "the preview users' password is the secret "
                            + environments.review() + "-" + passwordSecret
                            + ", which only the deployer may read, so add "
                            + passwordSecret + " to deployerSecretNames in Pulumi.yaml"
                            + (secrets.names().contains(passwordSecret)
                                    ? " (and remove it from secretNames, which the apps read)"
                                    : "")
                            + ", then add its value with `gcloud secrets versions add " + environments.review() + "-"
                            + passwordSecret + " --data-file=-`");
            return Optional.empty();
        }
        if (runtime.map(r -> r.variables().containsKey(PreviewDatabase.VARIABLE))
                .orElse(false)) {
            in.problem(
                    "appEnv",
                    PreviewDatabase.VARIABLE,
                    "the preview database provides " + PreviewDatabase.VARIABLE
                            + " as a secret; remove it from appEnv");
            return Optional.empty();
        }
        return Optional.of(new PreviewDatabaseSettings(instance, passwordSecret));
    }
}
