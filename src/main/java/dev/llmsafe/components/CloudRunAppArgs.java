package dev.llmsafe.components;

import com.pulumi.core.Output;
import dev.llmsafe.naming.RuntimeNames;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Inputs of {@link CloudRunApp}, built with {@link #builder}: its {@code build()} refuses what can never work,
 * naming the bad value.
 *
 * @param app                  what the app is told at run time
 * @param project              the GCP project
 * @param region               the Cloud Run region
 * @param serviceName          the Cloud Run service name (valid by Cloud Run's rules; see RuntimeNames)
 * @param image                the container image; by digest ({@code ...@sha256:...}) unless {@code preview}
 * @param serviceAccountEmail  the environment's runtime identity, created by the platform stack
 * @param preview              a pull-request preview: scales to zero and may run a tagged image
 * @param settings             what config decides: scaling, port, resources and who may call the service
 * @param healthPath           the HTTP path of the startup and liveness probes
 * @param labels               labels every resource carries (the deployment's own are added)
 * @param secretReferences     variable name to a secret of this environment that another component wrote (a
 *                             preview database's URL, say), with the version to read; names must be free
 * @param cloudSqlInstances    Cloud SQL instances ({@code project:region:instance}) whose sockets are mounted under
 *                             {@value CloudRunApp#CLOUD_SQL_MOUNT}; the runtime identity needs
 *                             {@code roles/cloudsql.client} on each instance's project
 */
public record CloudRunAppArgs(
        AppEnvironment app,
        String project,
        String region,
        String serviceName,
        String image,
        String serviceAccountEmail,
        boolean preview,
        CloudRunSettings settings,
        String healthPath,
        Map<String, String> labels,
        Map<String, SecretReference> secretReferences,
        List<String> cloudSqlInstances) {

    public static final Pattern SERVICE_NAME = Pattern.compile("[a-z]([a-z0-9-]{0,47}[a-z0-9])?");
    public static final Pattern DIGEST_REF = Pattern.compile("[^@\\s]+@sha256:[0-9a-f]{64}");

    /**
     * A Secret Manager secret the service reads as a variable. The version is an output so that the service waits
     * for whatever it depends on (the version's creation, the grant that lets the runtime identity read it), and
     * a new version rolls out a new revision instead of reaching only instances started later.
     */
    public record SecretReference(String secretId, Output<String> version) {
        public SecretReference {
            Objects.requireNonNull(version, "version");
            if (secretId == null || !RuntimeNames.SECRET_ID.matcher(secretId).matches()) {
                throw new IllegalArgumentException("'" + secretId + "' is not a Secret Manager secret id");
            }
        }
    }

    public CloudRunAppArgs {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(serviceAccountEmail, "serviceAccountEmail");
        Objects.requireNonNull(healthPath, "healthPath");
        if (serviceName == null || !SERVICE_NAME.matcher(serviceName).matches()) {
            throw new IllegalArgumentException("'" + serviceName + "' is not a valid Cloud Run service name "
                    + "(lowercase letters, digits and hyphens, starting with a letter, at most 49)");
        }
        if (!preview && !DIGEST_REF.matcher(image).matches()) {
            throw new IllegalArgumentException("staging and production run images by digest only, got '" + image
                    + "'; deploy REPOSITORY@sha256:<64 hex>");
        }
        Objects.requireNonNull(settings, "settings");
        if (preview && settings.minInstances() != 0) {
            throw new IllegalArgumentException("previews scale to zero so an idle one costs nothing; minInstances "
                    + "must be 0, got " + settings.minInstances());
        }
        if (!healthPath.startsWith("/")) {
            throw new IllegalArgumentException("healthPath must start with '/', got '" + healthPath + "'");
        }
        labels = Map.copyOf(labels == null ? Map.of() : labels);
        secretReferences =
                Collections.unmodifiableMap(new TreeMap<>(secretReferences == null ? Map.of() : secretReferences));
        for (Map.Entry<String, SecretReference> e : secretReferences.entrySet()) {
            app.requireFreeVariable(e.getKey());
            if (!e.getValue().secretId().startsWith(app.environment() + "-")) {
                throw new IllegalArgumentException("secret " + e.getValue().secretId() + " (for " + e.getKey()
                        + ") is not a secret of environment " + app.environment());
            }
        }
        cloudSqlInstances = List.copyOf(cloudSqlInstances == null ? List.of() : cloudSqlInstances);
        for (String instance : cloudSqlInstances) {
            if (!PreviewDatabaseArgs.CONNECTION_NAME.matcher(instance).matches()) {
                throw new IllegalArgumentException("'" + instance + "' is not a Cloud SQL instance connection name "
                        + "(project:region:instance)");
            }
        }
    }

    public int minInstances() {
        return settings.minInstances();
    }

    public int maxInstances() {
        return settings.maxInstances();
    }

    public int containerPort() {
        return settings.containerPort();
    }

    public String cpu() {
        return settings.cpu();
    }

    public String memory() {
        return settings.memory();
    }

    public boolean allowPublicInvoker() {
        return settings.allowPublicInvoker();
    }

    public IamMembers iam() {
        return settings.iam();
    }

    public static Builder builder(AppEnvironment app, String project, String region) {
        return new Builder(app, project, region);
    }

    public static final class Builder {
        private final AppEnvironment app;
        private final String project;
        private final String region;
        private String serviceName;
        private String image;
        private String serviceAccountEmail;
        private boolean preview;
        private CloudRunSettings.Builder settings = CloudRunSettings.builder(0, 1);
        private String healthPath = AppRuntime.DEFAULT_HEALTH_PATH;
        private Map<String, String> labels = Map.of();
        private Map<String, SecretReference> secretReferences = Map.of();
        private List<String> cloudSqlInstances = List.of();

        private Builder(AppEnvironment app, String project, String region) {
            this.app = app;
            this.project = project;
            this.region = region;
        }

        public Builder serviceName(String serviceName) {
            this.serviceName = serviceName;
            return this;
        }

        public Builder image(String image) {
            this.image = image;
            return this;
        }

        public Builder serviceAccountEmail(String email) {
            this.serviceAccountEmail = email;
            return this;
        }

        /** A pull-request preview: scales to zero and may run a tagged image. */
        public Builder preview(boolean preview) {
            this.preview = preview;
            return this;
        }

        /** Instances kept warm and the cap on instances (default 0 and 1). */
        public Builder scaling(int minInstances, int maxInstances) {
            settings.scaling(minInstances, maxInstances);
            return this;
        }

        /** Everything config decides about the service at once, as the config reader read it. */
        public Builder settings(CloudRunSettings settings) {
            this.settings = settings.toBuilder();
            return this;
        }

        public Builder port(int containerPort) {
            settings.containerPort(containerPort);
            return this;
        }

        public Builder cpu(String cpu) {
            settings.cpu(cpu);
            return this;
        }

        public Builder memory(String memory) {
            settings.memory(memory);
            return this;
        }

        public Builder healthPath(String healthPath) {
            this.healthPath = healthPath;
            return this;
        }

        public Builder allowPublicInvoker(boolean allow) {
            settings.allowPublicInvoker(allow);
            return this;
        }

        public Builder iam(IamMembers invokers) {
            settings.iam(invokers);
            return this;
        }

        public Builder labels(Map<String, String> labels) {
            this.labels = labels;
            return this;
        }

        public Builder secretReferences(Map<String, SecretReference> references) {
            this.secretReferences = references;
            return this;
        }

        public Builder cloudSqlInstances(List<String> instances) {
            this.cloudSqlInstances = instances;
            return this;
        }

        public CloudRunAppArgs build() {
            return new CloudRunAppArgs(
                    app,
                    project,
                    region,
                    serviceName,
                    image,
                    serviceAccountEmail,
                    preview,
                    settings.build(),
                    healthPath,
                    labels,
                    secretReferences,
                    cloudSqlInstances);
        }
    }
}
