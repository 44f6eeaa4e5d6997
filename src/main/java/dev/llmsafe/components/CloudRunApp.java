package dev.llmsafe.components;

import com.pulumi.core.Output;
import com.pulumi.gcp.cloudrunv2.Service;
import com.pulumi.gcp.cloudrunv2.ServiceArgs;
import com.pulumi.gcp.cloudrunv2.ServiceIamMember;
import com.pulumi.gcp.cloudrunv2.ServiceIamMemberArgs;
import com.pulumi.gcp.cloudrunv2.inputs.ServiceTemplateArgs;
import com.pulumi.gcp.cloudrunv2.inputs.ServiceTemplateContainerArgs;
import com.pulumi.gcp.cloudrunv2.inputs.ServiceTemplateContainerEnvArgs;
import com.pulumi.gcp.cloudrunv2.inputs.ServiceTemplateContainerEnvValueSourceArgs;
import com.pulumi.gcp.cloudrunv2.inputs.ServiceTemplateContainerEnvValueSourceSecretKeyRefArgs;
import com.pulumi.gcp.cloudrunv2.inputs.ServiceTemplateContainerLivenessProbeArgs;
import com.pulumi.gcp.cloudrunv2.inputs.ServiceTemplateContainerLivenessProbeHttpGetArgs;
import com.pulumi.gcp.cloudrunv2.inputs.ServiceTemplateContainerPortArgs;
import com.pulumi.gcp.cloudrunv2.inputs.ServiceTemplateContainerResourcesArgs;
import com.pulumi.gcp.cloudrunv2.inputs.ServiceTemplateContainerStartupProbeArgs;
import com.pulumi.gcp.cloudrunv2.inputs.ServiceTemplateContainerStartupProbeHttpGetArgs;
import com.pulumi.gcp.cloudrunv2.inputs.ServiceTemplateContainerVolumeMountArgs;
import com.pulumi.gcp.cloudrunv2.inputs.ServiceTemplateScalingArgs;
import com.pulumi.gcp.cloudrunv2.inputs.ServiceTemplateVolumeArgs;
import com.pulumi.gcp.cloudrunv2.inputs.ServiceTemplateVolumeCloudSqlInstanceArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The app on Cloud Run (v2): one service running as the environment's runtime identity, its secrets referenced
 * from that environment's Secret Manager secrets (Cloud Run reads them as the runtime identity, so the values
 * never pass through Pulumi), startup and liveness probes on the health path, and authenticated access unless
 * config explicitly makes it public. Other components can add secrets they wrote themselves and Cloud SQL
 * instances to connect to (see {@link PreviewDatabase}).
 */
public final class CloudRunApp extends ComponentResource implements AppRuntime {
    public static final String INVOKER_ROLE = "roles/run.invoker";
    public static final String PUBLIC_MEMBER = "allUsers";
    public static final String CONSOLE = "https://console.cloud.google.com";
    public static final String SECRET_VERSION = "latest";
    /** Where Cloud Run mounts the Unix sockets of the service's Cloud SQL instances. */
    public static final String CLOUD_SQL_MOUNT = "/cloudsql";

    static final String CLOUD_SQL_VOLUME = "cloudsql";

    private final Output<String> url;
    private final Output<String> logsUrl;
    private final Output<String> metricsUrl;
    private final Output<String> serviceName;
    private final String requestMetricsService;

    public CloudRunApp(String name, CloudRunAppArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("CloudRunApp"), name, options);
        var child = CustomResourceOptions.builder().parent(this).build();

        Map<String, String> labels = new TreeMap<>(args.labels());
        labels.putAll(args.app().deploymentLabels());
        labels.put("managed-by", "llm-safe");

        var service = new Service(
                name + "-service",
                ServiceArgs.builder()
                        .project(args.project())
                        .location(args.region())
                        .name(args.serviceName())
                        .description("llm-safe " + args.app().environment() + " runtime of "
                                + args.app().serviceName())
                        .ingress("INGRESS_TRAFFIC_ALL")
                        .labels(labels)
                        .template(template(args, labels))
                        .build(),
                child);

        if (args.allowPublicInvoker()) {
            invoker(name + "-public", service, args, Output.of(PUBLIC_MEMBER));
        }
        args.iam().forEachGrant((grant, member) -> invoker(name + "-invoker-" + grant, service, args, member));

        this.serviceName = service.name();
        this.requestMetricsService = args.serviceName();
        this.url = service.uri();
        this.logsUrl = service.name().applyValue(n -> logsUrl(args.project(), args.region(), n));
        this.metricsUrl = service.name().applyValue(n -> metricsUrl(args.project(), args.region(), n));
        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("url", url);
        outputs.put("logsUrl", logsUrl);
        outputs.put("metricsUrl", metricsUrl);
        outputs.put("serviceName", serviceName);
        registerOutputs(outputs);
    }

    private static ServiceTemplateArgs template(CloudRunAppArgs args, Map<String, String> labels) {
        var template = ServiceTemplateArgs.builder()
                .serviceAccount(args.serviceAccountEmail())
                .labels(labels)
                .scaling(ServiceTemplateScalingArgs.builder()
                        .minInstanceCount(args.minInstances())
                        .maxInstanceCount(args.maxInstances())
                        .build())
                .containers(container(args));
        if (!args.cloudSqlInstances().isEmpty()) {
            // The Cloud SQL connector: one volume serving a socket per instance, /cloudsql/<connection name>.
            template.volumes(ServiceTemplateVolumeArgs.builder()
                    .name(CLOUD_SQL_VOLUME)
                    .cloudSqlInstance(ServiceTemplateVolumeCloudSqlInstanceArgs.builder()
                            .instances(args.cloudSqlInstances())
                            .build())
                    .build());
        }
        return template.build();
    }

    private static ServiceTemplateContainerArgs container(CloudRunAppArgs args) {
        List<ServiceTemplateContainerEnvArgs> env = new ArrayList<>();
        args.app()
                .plainVariables()
                .forEach((variable, value) -> env.add(ServiceTemplateContainerEnvArgs.builder()
                        .name(variable)
                        .value(value)
                        .build()));
        new TreeMap<>(args.app().secrets())
                .forEach((variable, secretId) -> env.add(ServiceTemplateContainerEnvArgs.builder()
                        .name(variable)
                        .valueSource(ServiceTemplateContainerEnvValueSourceArgs.builder()
                                .secretKeyRef(ServiceTemplateContainerEnvValueSourceSecretKeyRefArgs.builder()
                                        .secret(secretId)
                                        .version(SECRET_VERSION)
                                        .build())
                                .build())
                        .build()));
        args.secretReferences()
                .forEach((variable, ref) -> env.add(ServiceTemplateContainerEnvArgs.builder()
                        .name(variable)
                        .valueSource(ServiceTemplateContainerEnvValueSourceArgs.builder()
                                .secretKeyRef(ServiceTemplateContainerEnvValueSourceSecretKeyRefArgs.builder()
                                        .secret(ref.secretId())
                                        .version(ref.version())
                                        .build())
                                .build())
                        .build()));
        var container = ServiceTemplateContainerArgs.builder();
        if (!args.cloudSqlInstances().isEmpty()) {
            container.volumeMounts(ServiceTemplateContainerVolumeMountArgs.builder()
                    .name(CLOUD_SQL_VOLUME)
                    .mountPath(CLOUD_SQL_MOUNT)
                    .build());
        }
        return container
                .image(args.image())
                .ports(ServiceTemplateContainerPortArgs.builder()
                        .containerPort(args.containerPort())
                        .build())
                .envs(env)
                .resources(ServiceTemplateContainerResourcesArgs.builder()
                        .limits(Map.of("cpu", args.cpu(), "memory", args.memory()))
                        .cpuIdle(true) // CPU only while serving requests: what scale-to-zero pricing assumes
                        .build())
                // Up to a minute to start (12 x 5 s), then restarted after three failed checks in a row.
                .startupProbe(ServiceTemplateContainerStartupProbeArgs.builder()
                        .httpGet(ServiceTemplateContainerStartupProbeHttpGetArgs.builder()
                                .path(args.healthPath())
                                .port(args.containerPort())
                                .build())
                        .periodSeconds(5)
                        .timeoutSeconds(3)
                        .failureThreshold(12)
                        .build())
                .livenessProbe(ServiceTemplateContainerLivenessProbeArgs.builder()
                        .httpGet(ServiceTemplateContainerLivenessProbeHttpGetArgs.builder()
                                .path(args.healthPath())
                                .port(args.containerPort())
                                .build())
                        .periodSeconds(30)
                        .timeoutSeconds(5)
                        .failureThreshold(3)
                        .build())
                .build();
    }

    private void invoker(String resourceName, Service service, CloudRunAppArgs args, Output<String> member) {
        new ServiceIamMember(
                resourceName,
                ServiceIamMemberArgs.builder()
                        .project(args.project())
                        .location(args.region())
                        .name(service.name())
                        .role(INVOKER_ROLE)
                        .member(member)
                        .build(),
                CustomResourceOptions.builder().parent(this).build());
    }

    /** Cloud Logging, filtered to this service's revisions. */
    public static String logsUrl(String project, String region, String service) {
        String query = "resource.type=\"cloud_run_revision\"\n"
                + "resource.labels.service_name=\"" + service + "\"\n"
                + "resource.labels.location=\"" + region + "\"";
        return CONSOLE + "/logs/query;query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20") + "?project=" + project;
    }

    /** The service's Cloud Monitoring metrics (requests, latency, instances, CPU and memory). */
    public static String metricsUrl(String project, String region, String service) {
        return CONSOLE + "/run/detail/" + region + "/" + service + "/metrics?project=" + project;
    }

    @Override
    public Output<String> url() {
        return url;
    }

    @Override
    public Output<String> logsUrl() {
        return logsUrl;
    }

    @Override
    public Output<String> metricsUrl() {
        return metricsUrl;
    }

    @Override
    public RuntimeTarget target() {
        return RuntimeTarget.CLOUD_RUN;
    }

    public Output<String> serviceName() {
        return serviceName;
    }

    @Override
    public Map<String, Output<String>> identifiers() {
        return Map.of("cloudRunService", serviceName);
    }

    @Override
    public Optional<String> requestMetricsService() {
        return Optional.of(requestMetricsService);
    }
}
