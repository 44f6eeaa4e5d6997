package dev.llmsafe.components;

import dev.llmsafe.naming.RuntimeNames;
import dev.llmsafe.stack.SecretText;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inputs of {@link PreviewDatabase}, built with {@link #builder}.
 *
 * @param app                 the preview the database belongs to: its environment and pull request
 * @param appName             the app's short name; database and user are {@code <app>_pr_<N>}
 * @param instance            the shared Cloud SQL for PostgreSQL instance, by connection name
 *                            ({@code project:region:instance})
 * @param target              the runtime the preview runs on, which decides how the app reaches the instance
 * @param secretProject       the project whose Secret Manager holds the environment's secrets
 * @param passwordSecretId    the environment's secret holding the database users' password
 *                            ({@code review-database-password})
 * @param passwordValue       that password from Pulumi secret config when the stack has it; otherwise it is read
 *                            from Secret Manager at deploy time
 * @param runtimeAccountEmail the environment's runtime service account: on Cloud Run, the only reader of the
 *                            preview's URL secret
 * @param replicaLocations    Secret Manager replica regions for that secret; empty means automatic
 * @param labels              labels for the resources that take them (the deployment's own are added)
 */
public record PreviewDatabaseArgs(
        AppEnvironment app,
        String appName,
        String instance,
        RuntimeTarget target,
        String secretProject,
        String passwordSecretId,
        Optional<SecretText> passwordValue,
        String runtimeAccountEmail,
        List<String> replicaLocations,
        Map<String, String> labels) {

    /**
     * A Cloud SQL instance connection name: project id, region, instance id (lowercase letters, digits and hyphens,
     * starting with a letter). Project and instance ids together are at most {@value #PROJECT_AND_INSTANCE_MAX}.
     */
    public static final Pattern CONNECTION_NAME = Pattern.compile(
            "([a-z][a-z0-9-]{4,28}[a-z0-9]):([a-z]+-[a-z]+[0-9]{1,2}):([a-z](?:[a-z0-9-]{0,95}[a-z0-9])?)");

    public static final int PROJECT_AND_INSTANCE_MAX = 98;
    /** A PostgreSQL name that needs no quoting: lowercase letters, digits and {@code _}, at most 63 bytes. */
    public static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    static final Pattern APP_NAME = Pattern.compile("[a-z][a-z0-9-]{0,19}");
    static final Pattern EMAIL = Pattern.compile("[a-z][a-z0-9-]{4,29}@[a-z0-9.-]+\\.iam\\.gserviceaccount\\.com");

    public PreviewDatabaseArgs {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(secretProject, "secretProject");
        passwordValue = passwordValue == null ? Optional.empty() : passwordValue;
        replicaLocations = List.copyOf(replicaLocations == null ? List.of() : replicaLocations);
        labels = Map.copyOf(labels == null ? Map.of() : labels);
        if (app.prNumber().isEmpty()) {
            throw new IllegalArgumentException("a preview database belongs to a pull request, but environment "
                    + app.environment() + " has no pull request number");
        }
        if (appName == null || !APP_NAME.matcher(appName).matches()) {
            throw new IllegalArgumentException("'" + appName + "' is not an app name (1-20 lowercase letters, "
                    + "digits and hyphens, starting with a letter)");
        }
        if (instance == null || !CONNECTION_NAME.matcher(instance).matches() || !withinLength(instance)) {
            throw new IllegalArgumentException("'" + instance + "' is not a Cloud SQL instance connection name: "
                    + "project:region:instance, e.g. acme-shop-prod:europe-west4:shop-previews "
                    + "(`gcloud sql instances describe INSTANCE --format='value(connectionName)'`)");
        }
        if (passwordSecretId == null || !passwordSecretId.startsWith(app.environment() + "-")) {
            throw new IllegalArgumentException("password secret '" + passwordSecretId + "' is not a secret of "
                    + "environment " + app.environment() + "; its id starts with '" + app.environment() + "-'");
        }
        if (target == RuntimeTarget.CLOUD_RUN
                && (runtimeAccountEmail == null
                        || !EMAIL.matcher(runtimeAccountEmail).matches())) {
            throw new IllegalArgumentException("'" + runtimeAccountEmail + "' is not a service account email; Cloud "
                    + "Run previews need the environment's runtime account to grant it the URL secret");
        }
    }

    public static Builder builder(AppEnvironment app, String appName, String instance) {
        return new Builder(app, appName, instance);
    }

    public static final class Builder {
        private final AppEnvironment app;
        private final String appName;
        private final String instance;
        private RuntimeTarget target;
        private String secretProject;
        private String passwordSecretId;
        private Optional<SecretText> passwordValue = Optional.empty();
        private String runtimeAccountEmail;
        private List<String> replicaLocations = List.of();
        private Map<String, String> labels = Map.of();

        private Builder(AppEnvironment app, String appName, String instance) {
            this.app = app;
            this.appName = appName;
            this.instance = instance;
        }

        public Builder target(RuntimeTarget target) {
            this.target = target;
            return this;
        }

        public Builder secretProject(String secretProject) {
            this.secretProject = secretProject;
            return this;
        }

        public Builder passwordSecretId(String passwordSecretId) {
            this.passwordSecretId = passwordSecretId;
            return this;
        }

        public Builder passwordValue(Optional<SecretText> passwordValue) {
            this.passwordValue = passwordValue;
            return this;
        }

        public Builder runtimeAccountEmail(String runtimeAccountEmail) {
            this.runtimeAccountEmail = runtimeAccountEmail;
            return this;
        }

        public Builder replicaLocations(List<String> replicaLocations) {
            this.replicaLocations = replicaLocations;
            return this;
        }

        public Builder labels(Map<String, String> labels) {
            this.labels = labels;
            return this;
        }

        public PreviewDatabaseArgs build() {
            return new PreviewDatabaseArgs(
                    app,
                    appName,
                    instance,
                    target,
                    secretProject,
                    passwordSecretId,
                    passwordValue,
                    runtimeAccountEmail,
                    replicaLocations,
                    labels);
        }
    }

    /** Cloud SQL's limit on a project id and an instance id together. */
    public static boolean withinLength(String connectionName) {
        Matcher m = parts(connectionName);
        return m.group(1).length() + 1 + m.group(3).length() <= PROJECT_AND_INSTANCE_MAX;
    }

    private static Matcher parts(String connectionName) {
        Matcher m = CONNECTION_NAME.matcher(connectionName);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + connectionName + "' is not project:region:instance");
        }
        return m;
    }

    public String instanceProject() {
        return parts(instance).group(1);
    }

    public String instanceName() {
        return parts(instance).group(3);
    }

    /** {@code <app>_pr_<N>}: the database and its user; {@code shop-web} gives {@code shop_web_pr_42}. */
    public String databaseName() {
        return appName.replace('-', '_') + "_pr_" + app.prNumber().orElseThrow();
    }

    public String userName() {
        return databaseName();
    }

    /** {@code <environment>-pr-<N>-database-url}: the preview's own secret, inside its environment's prefix. */
    public String urlSecretId() {
        return RuntimeNames.secretId(
                app.environment(), RuntimeNames.pullRequest(app.prNumber().orElseThrow()) + "-database-url");
    }
}
