package dev.llmsafe.components;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.llmsafe.providers.railway.Project;
import dev.llmsafe.providers.railway.ProjectArgs;
import dev.llmsafe.providers.railway.ProjectDefaultEnvironmentArgs;
import dev.llmsafe.providers.railway.Provider;
import dev.llmsafe.providers.railway.Service;
import dev.llmsafe.providers.railway.ServiceArgs;
import dev.llmsafe.providers.railway.ServiceDomain;
import dev.llmsafe.providers.railway.ServiceDomainArgs;
import dev.llmsafe.providers.railway.Variable;
import dev.llmsafe.providers.railway.VariableArgs;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The app on Railway: a project, a service from a repository branch or an image, its variables (plain config,
 * OpenTelemetry settings, and secrets held as Pulumi secrets, including those other components compose, such as a
 * preview database's URL) and a Railway service domain. The provider works on
 * a project's default environment only, so a preview is a project of its own and deleting the stack deletes it.
 */
public final class RailwayApp extends ComponentResource implements AppRuntime {
    public static final String DASHBOARD = "https://railway.com";
    public static final String SECRET_VERSION = SecretManagerValue.LATEST;

    private final Output<String> url;
    private final Output<String> logsUrl;
    private final Output<String> metricsUrl;
    private final Output<String> projectId;

    public RailwayApp(String name, RailwayAppArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("RailwayApp"), name, options);
        var childOptions = CustomResourceOptions.builder().parent(this);
        args.token()
                .ifPresent(token -> childOptions.provider(new Provider(
                        name + "-provider",
                        Provider.withToken(token),
                        CustomResourceOptions.builder().parent(this).build())));
        var child = childOptions.build();

        var project = new Project(
                name + "-project",
                ProjectArgs.builder()
                        .name(args.projectName())
                        .description("llm-safe " + args.app().environment() + " environment of "
                                + args.app().serviceName())
                        .isPrivate(true)
                        .hasPrDeploys(
                                false) // previews are whole projects managed by llm-safe, not Railway PR environments
                        .workspaceId(args.workspaceId().orElse(null))
                        .defaultEnvironment(
                                ProjectDefaultEnvironmentArgs.named(args.app().environment()))
                        .build(),
                child);
        Output<String> environmentId = project.defaultEnvironmentId();

        var source = args.source();
        var serviceArgs = ServiceArgs.builder().name(args.serviceName()).projectId(project.id());
        source.image().ifPresent(serviceArgs::sourceImage);
        source.registry()
                .ifPresent(login -> serviceArgs.sourceImageRegistry(
                        login.username(),
                        SecretManagerValue.of(
                                this,
                                args.gcpProject(),
                                login.secretId(),
                                Optional.ofNullable(args.secretValues().get(login.secretId())))));
        source.repository()
                .ifPresent(repo -> serviceArgs.sourceRepo(repo, source.branch().orElseThrow()));
        source.rootDirectory().ifPresent(serviceArgs::rootDirectory);
        var service = new Service(name + "-service", serviceArgs.build(), child);

        args.app()
                .plainVariables()
                .forEach((variable, value) -> new Variable(
                        name + "-env-" + variable,
                        VariableArgs.of(environmentId, service.id(), variable, Output.of(value)),
                        child));
        args.app()
                .secrets()
                .forEach((variable, secretId) -> new Variable(
                        name + "-env-" + variable,
                        VariableArgs.of(
                                environmentId,
                                service.id(),
                                variable,
                                SecretManagerValue.of(
                                        this,
                                        args.gcpProject(),
                                        secretId,
                                        Optional.ofNullable(args.secretValues().get(secretId)))),
                        child));
        args.secretVariables()
                .forEach((variable, value) -> new Variable(
                        name + "-env-" + variable,
                        VariableArgs.of(environmentId, service.id(), variable, value.asSecret()),
                        child));

        var domain = new ServiceDomain(
                name + "-domain", ServiceDomainArgs.of(environmentId, service.id(), args.subdomain()), child);

        this.projectId = project.id();
        this.url = domain.domain().applyValue(d -> "https://" + d);
        var ids = Output.tuple(project.id(), service.id(), environmentId);
        this.logsUrl = ids.applyValue(t -> logsUrl(t.t1, t.t2, t.t3));
        this.metricsUrl = ids.applyValue(t -> metricsUrl(t.t1, t.t2, t.t3));
        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("url", url);
        outputs.put("logsUrl", logsUrl);
        outputs.put("metricsUrl", metricsUrl);
        outputs.put("projectId", projectId);
        registerOutputs(outputs);
    }

    /** The project's Log Explorer, filtered to this service and environment. */
    public static String logsUrl(String projectId, String serviceId, String environmentId) {
        return DASHBOARD + "/project/" + projectId + "/logs?environmentId=" + environmentId + "&filter=%40service%3A"
                + serviceId;
    }

    /** The service's metrics tab in this environment. */
    public static String metricsUrl(String projectId, String serviceId, String environmentId) {
        return DASHBOARD + "/project/" + projectId + "/service/" + serviceId + "/metrics?environmentId="
                + environmentId;
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
        return RuntimeTarget.RAILWAY;
    }

    public Output<String> projectId() {
        return projectId;
    }

    @Override
    public Map<String, Output<String>> identifiers() {
        return Map.of("railwayProjectId", projectId);
    }

    /** Railway runs outside Google Cloud: Cloud Monitoring sees only the uptime check. */
    @Override
    public Optional<String> requestMetricsService() {
        return Optional.empty();
    }
}
