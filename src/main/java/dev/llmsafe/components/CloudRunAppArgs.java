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
 * @param minInstances         instances kept warm; 0 for previews, so an idle preview costs nothing
 * @param maxInstances         the cap on instances
 * @param containerPort        the port the app listens on ({@code PORT} is set to it)
 * @param cpu                  CPU limit, e.g. {@code 1}
 * @param memory               memory limit, e.g. {@code 512Mi}
 * @param healthPath           the HTTP path of the startup and liveness probes
 * @param allowPublicInvoker   grant {@code allUsers} the invoker role; only when config says so explicitly
 * @param iam                  who may call the service ({@link CloudRunApp#INVOKER_ROLE}): users, groups, service
 *                             accounts or domains, never the public
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
        int minInstances,
        int maxInstances,
        int containerPort,
        String cpu,
        String memory,
        String healthPath,
        boolean allowPublicInvoker,
        IamMembers iam,
        Map<String, String> labels,
        Map<String, SecretReference> secretReferences,
        List<String> cloudSqlInstances) {

    public static final Pattern SERVICE_NAME = Pattern.compile("[a-z]([a-z0-9-]{0,47}[a-z0-9])?");
    public static final Pattern DIGEST_REF = Pattern.compile("[^@\\s]+@sha256:[0-9a-f]{64}");
    public static final String DEFAULT_CPU = "1";
    public static final String DEFAULT_MEMORY = "512Mi";
    public static final int DEFAULT_CONTAINER_PORT = 8080;

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
        if (preview && minInstances != 0) {
            throw new IllegalArgumentException("previews scale to zero so an idle one costs nothing; minInstances "
                    + "must be 0, got " + minInstances);
        }
        if (minInstances < 0 || maxInstances < 1 || minInstances > maxInstances) {
            throw new IllegalArgumentException("instances must satisfy 0 <= min <= max and max >= 1, got min "
                    + minInstances + " and max " + maxInstances);
        }
        if (containerPort < 1 || containerPort > 65535) {
            throw new IllegalArgumentException("containerPort must be from 1 to 65535, got " + containerPort);
        }
        if (!healthPath.startsWith("/")) {
            throw new IllegalArgumentException("healthPath must start with '/', got '" + healthPath + "'");
        }
        iam = iam == null ? IamMembers.none() : iam;
        labels = Map.copyOf(labels == null ? Map.of() : labels);
        secretReferences = Collections.unmodifiableMap(new TreeMap<>(secretReferences == null ? Map.of()
                : secretReferences));
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
        Objects.requireNonNull(cpu, "cpu");
        Objects.requireNonNull(memory, "memory");
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
        private int minInstances;
        private int maxInstances = 1;
        private int containerPort = DEFAULT_CONTAINER_PORT;
        private String cpu = DEFAULT_CPU;
        private String memory = DEFAULT_MEMORY;
        private String healthPath = AppRuntime.DEFAULT_HEALTH_PATH;
        private boolean allowPublicInvoker;
        private IamMembers iam = IamMembers.none();
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
            this.minInstances = minInstances;
            this.maxInstances = maxInstances;
            return this;
        }

        public Builder port(int containerPort) {
            this.containerPort = containerPort;
            return this;
        }

        public Builder cpu(String cpu) {
            this.cpu = cpu;
            return this;
        }

        public Builder memory(String memory) {
            this.memory = memory;
            return this;
        }

        public Builder healthPath(String healthPath) {
            this.healthPath = healthPath;
            return this;
        }

        public Builder allowPublicInvoker(boolean allow) {
            this.allowPublicInvoker = allow;
            return this;
        }

        public Builder iam(IamMembers invokers) {
            this.iam = invokers;
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
            return new CloudRunAppArgs(app, project, region, serviceName, image, serviceAccountEmail, preview,
                    minInstances, maxInstances, containerPort, cpu, memory, healthPath, allowPublicInvoker, iam,
                    labels, secretReferences, cloudSqlInstances);
        }
    }
}
