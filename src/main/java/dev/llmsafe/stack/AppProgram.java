package dev.llmsafe.stack;

import com.pulumi.Context;
import com.pulumi.core.Output;
import dev.llmsafe.components.AppEnvironment;
import dev.llmsafe.components.AppRuntime;
import dev.llmsafe.components.CloudRunApp;
import dev.llmsafe.components.CloudRunAppArgs;
import dev.llmsafe.components.Observability;
import dev.llmsafe.components.ObservabilityArgs;
import dev.llmsafe.components.RailwayApp;
import dev.llmsafe.components.RailwayAppArgs;
import dev.llmsafe.naming.RuntimeNames;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code review}, {@code staging} and {@code production} kinds: the app on the runtime the toggle chose. It
 * uses the platform stack's per-environment runtime identity and secrets by name and creates no identities of its
 * own, so a preview can only ever reach its own environment's secrets.
 */
final class AppProgram {
    private AppProgram() {
    }

    static void define(Context ctx, StackSettings s) {
        RuntimeSettings rt = s.runtime().orElseThrow(() -> new IllegalStateException(
                "stack kind " + s.kind().configValue() + " was read without runtime settings"));
        String env = s.environments().of(s.kind());
        Optional<ReviewTarget> review = s.review();
        String subject = review.map(r -> RuntimeNames.pullRequest(r.prNumber())).orElse(env);
        Optional<String> commit = review.map(ReviewTarget::commitSha).or(rt::commitSha);

        Map<String, String> secretIds = new TreeMap<>();
        rt.secrets().forEach((variable, name) -> secretIds.put(variable, RuntimeNames.secretId(env, name)));
        var app = new AppEnvironment(env, rt.serviceName(), review.map(ReviewTarget::prNumber), commit,
                rt.variables(), secretIds, rt.otel());

        AppRuntime runtime = switch (rt.target().target()) {
            case RAILWAY -> railway(s, rt, app, subject, review, commit);
            case CLOUD_RUN -> cloudRun(s, rt, app, subject, review, commit);
        };

        ctx.export("kind", Output.of(s.kind().configValue()));
        ctx.export("environment", Output.of(env));
        ctx.export("runtimeTarget", Output.of(runtime.target().configValue()));
        ctx.export("runtimeTargetReason", Output.of(rt.target().reason()));
        ctx.export("url", runtime.url());
        ctx.export("logsUrl", runtime.logsUrl());
        ctx.export("metricsUrl", runtime.metricsUrl());
        review.ifPresent(r -> {
            ctx.export("prNumber", Output.of(r.prNumber()));
            ctx.export("branch", Output.of(r.branch()));
        });
        commit.ifPresent(sha -> ctx.export("commitSha", Output.of(sha)));
        Optional<String> cloudRunService = Optional.empty();
        if (runtime instanceof RailwayApp railway) {
            ctx.export("railwayProjectId", railway.projectId());
        } else if (runtime instanceof CloudRunApp cloudRun) {
            ctx.export("cloudRunService", cloudRun.serviceName());
            cloudRunService = Optional.of(RuntimeNames.cloudRunService(s.appName(), subject));
        }
        MonitoringSettings monitoring = s.monitoring().orElseThrow();
        if (monitoring.enabled()) {
            var observability = new Observability(s.appName(), new ObservabilityArgs(s.gcpProject(), env,
                    runtime.url().applyValue(u -> java.net.URI.create(u).getHost()), healthPath(rt),
                    monitoring.notificationChannels(), cloudRunService, monitoring.errorRateThreshold(),
                    s.baseLabels()), null);
            ctx.export("dashboardUrl", observability.dashboardUrl());
            ctx.export("alertsUrl", observability.alertsUrl());
        }
    }

    /** The health contract's path (docs/health-contract.md), the same on both runtimes. */
    private static String healthPath(RuntimeSettings rt) {
        return rt.cloudRun().healthPath();
    }

    private static AppRuntime railway(StackSettings s, RuntimeSettings rt, AppEnvironment app, String subject,
                                      Optional<ReviewTarget> review, Optional<String> commit) {
        RuntimeSettings.Railway railway = rt.railway();
        RailwayAppArgs.Source source = railway.source() == RuntimeSettings.RailwaySource.IMAGE
                ? RailwayAppArgs.Source.image(rt.image().reference(commit).orElseThrow())
                : RailwayAppArgs.Source.repository(s.github().fullName(),
                review.map(ReviewTarget::branch).orElse(railway.branch()), railway.rootDirectory());
        Map<String, SecretText> values = new LinkedHashMap<>();
        app.secrets().values().forEach(id -> {
            SecretText value = s.secrets().values().get(id);
            if (value != null) {
                values.put(id, value);
            }
        });
        return new RailwayApp("app", new RailwayAppArgs(app, RuntimeNames.railwayProject(s.appName(), subject),
                railway.workspaceId(), rt.serviceName(), source, RuntimeNames.railwaySubdomain(s.appName(), subject),
                s.gcpProject(), values, railway.token().map(t -> Output.ofSecret(t.reveal()))), null);
    }

    private static AppRuntime cloudRun(StackSettings s, RuntimeSettings rt, AppEnvironment app, String subject,
                                       Optional<ReviewTarget> review, Optional<String> commit) {
        RuntimeSettings.CloudRun run = rt.cloudRun();
        String runtimeAccount = PlatformProgram.runtimeAccountId(s, app.environment()) + "@" + s.gcpProject()
                + ".iam.gserviceaccount.com";
        Map<String, String> labels = new TreeMap<>(s.baseLabels());
        review.ifPresent(r -> labels.put("branch", RuntimeNames.labelValue(r.branch())));
        return new CloudRunApp("app", new CloudRunAppArgs(app, s.gcpProject(), s.gcpRegion(),
                RuntimeNames.cloudRunService(s.appName(), subject), rt.image().reference(commit).orElseThrow(),
                runtimeAccount, review.isPresent(), run.minInstances(), run.maxInstances(), run.containerPort(),
                run.cpu(), run.memory(), run.healthPath(), run.allowPublicInvoker(), run.invokers(), labels), null);
    }
}
