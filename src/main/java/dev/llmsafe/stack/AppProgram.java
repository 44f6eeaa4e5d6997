package dev.llmsafe.stack;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.llmsafe.components.AppEnvironment;
import dev.llmsafe.components.AppRuntime;
import dev.llmsafe.components.CloudRunApp;
import dev.llmsafe.components.CloudRunAppArgs;
import dev.llmsafe.components.Observability;
import dev.llmsafe.components.ObservabilityArgs;
import dev.llmsafe.components.PreviewDatabase;
import dev.llmsafe.components.PreviewDatabaseArgs;
import dev.llmsafe.components.RailwayApp;
import dev.llmsafe.components.RailwayAppArgs;
import dev.llmsafe.naming.RuntimeNames;
import dev.llmsafe.naming.ServiceAccounts;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The {@code review}, {@code staging} and {@code production} kinds: the app on the runtime the toggle chose and, for
 * a preview with {@code previewDatabaseInstance} set, its own database. It uses the platform stack's
 * per-environment runtime identity and secrets by name and creates no identities of its own, so a preview can only
 * ever reach its own environment's secrets.
 */
final class AppProgram {
    private AppProgram() {}

    static void define(Context ctx, StackSettings s) {
        RuntimeSettings rt = s.runtime()
                .orElseThrow(() -> new IllegalStateException(
                        "stack kind " + s.kind().configValue() + " was read without runtime settings"));
        String env = s.environments().of(s.kind());
        Optional<ReviewTarget> review = s.review();
        String subject = review.map(r -> RuntimeNames.pullRequest(r.prNumber())).orElse(env);
        Optional<String> commit = review.map(ReviewTarget::commitSha).or(rt::commitSha);

        Map<String, String> secretIds = new TreeMap<>();
        rt.secrets().forEach((variable, name) -> secretIds.put(variable, RuntimeNames.secretId(env, name)));
        // A preview's own database replaces a DATABASE_URL shared by every preview through appSecrets.
        s.previewDatabase().ifPresent(db -> secretIds.remove(PreviewDatabase.VARIABLE));
        var app = AppEnvironment.builder(env, rt.serviceName())
                .prNumber(review.map(ReviewTarget::prNumber))
                .commitSha(commit)
                .variables(rt.variables())
                .secrets(secretIds)
                .otel(rt.otel())
                .build();
        Optional<PreviewDatabase> database = s.previewDatabase().map(db -> previewDatabase(s, rt, app, db));

        AppRuntime runtime = switch (rt.runsOn()) {
            case RAILWAY -> railway(s, rt, app, subject, database);
            case CLOUD_RUN -> cloudRun(s, rt, app, subject, database);
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
        database.ifPresent(db -> ctx.export("previewDatabase", db.databaseName()));
        runtime.identifiers().forEach(ctx::export);
        s.monitoring().ifPresent(alerts -> {
            var observability = new Observability(
                    s.appName(),
                    ObservabilityArgs.builder(
                                    s.gcpProject(),
                                    env,
                                    runtime.url().applyValue(u -> URI.create(u).getHost()))
                            .healthPath(rt.healthPath())
                            .cloudRunService(runtime.requestMetricsService())
                            .alerts(alerts)
                            .labels(s.baseLabels())
                            .build(),
                    null);
            ctx.export("dashboardUrl", observability.dashboardUrl());
            ctx.export("alertsUrl", observability.alertsUrl());
        });
    }

    /**
     * The pull request's database in the shared instance. The runtime depends on it, so the app starts after its
     * database exists and, on {@code pulumi destroy}, is gone before the database is dropped.
     */
    private static PreviewDatabase previewDatabase(
            StackSettings s, RuntimeSettings rt, AppEnvironment app, PreviewDatabaseSettings db) {
        String passwordId = RuntimeNames.secretId(app.environment(), db.passwordSecret());
        return new PreviewDatabase(
                "preview-db",
                PreviewDatabaseArgs.builder(app, s.appName(), db.instance())
                        .target(rt.runsOn())
                        .secretProject(s.gcpProject())
                        .passwordSecretId(passwordId)
                        .passwordValue(Optional.ofNullable(s.secrets().values().get(passwordId)))
                        .runtimeAccountEmail(runtimeAccountEmail(s, app.environment()))
                        .replicaLocations(s.secrets().replicaLocations())
                        .labels(s.baseLabels())
                        .build(),
                null);
    }

    private static ComponentResourceOptions after(Optional<PreviewDatabase> database) {
        return database.map(
                        db -> ComponentResourceOptions.builder().dependsOn(db).build())
                .orElse(null);
    }

    private static String runtimeAccountEmail(StackSettings s, String env) {
        return ServiceAccounts.email(ServiceAccounts.runtimeId(s.appName(), env), s.gcpProject());
    }

    private static AppRuntime railway(
            StackSettings s,
            RuntimeSettings rt,
            AppEnvironment app,
            String subject,
            Optional<PreviewDatabase> database) {
        Optional<ReviewTarget> review = s.review();
        Optional<String> commit = app.commitSha();
        RuntimeSettings.Railway railway = rt.railway();
        Optional<RailwayAppArgs.RegistryLogin> login = railway.registry()
                .map(r -> new RailwayAppArgs.RegistryLogin(
                        r.username(), RuntimeNames.secretId(app.environment(), r.secretName())));
        RailwayAppArgs.Source source = railway.source() == RuntimeSettings.RailwaySource.IMAGE
                ? new RailwayAppArgs.Source(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        rt.image().reference(commit),
                        login)
                : RailwayAppArgs.Source.repository(
                        s.github().fullName(),
                        review.map(ReviewTarget::branch).orElse(railway.branch()),
                        railway.rootDirectory());
        Map<String, SecretText> values = new LinkedHashMap<>();
        Stream.concat(app.secrets().values().stream(), login.map(RailwayAppArgs.RegistryLogin::secretId).stream())
                .forEach(id -> {
                    SecretText value = s.secrets().values().get(id);
                    if (value != null) {
                        values.put(id, value);
                    }
                });
        return new RailwayApp(
                "app",
                RailwayAppArgs.builder(app, RuntimeNames.railwayProject(s.appName(), subject))
                        .workspaceId(railway.workspaceId())
                        .serviceName(rt.serviceName())
                        .source(source)
                        .subdomain(RuntimeNames.railwaySubdomain(s.appName(), subject))
                        .gcpProject(s.gcpProject())
                        .secretValues(values)
                        .token(railway.token().map(t -> Output.ofSecret(t.reveal())))
                        .secretVariables(database.map(db -> Map.of(PreviewDatabase.VARIABLE, db.url()))
                                .orElse(Map.of()))
                        .build(),
                after(database));
    }

    private static AppRuntime cloudRun(
            StackSettings s,
            RuntimeSettings rt,
            AppEnvironment app,
            String subject,
            Optional<PreviewDatabase> database) {
        Optional<ReviewTarget> review = s.review();
        Optional<String> commit = app.commitSha();
        Map<String, String> labels = new TreeMap<>(s.baseLabels());
        review.ifPresent(r -> labels.put("branch", RuntimeNames.labelValue(r.branch())));
        Map<String, CloudRunAppArgs.SecretReference> secrets = new TreeMap<>();
        database.flatMap(PreviewDatabase::secretReference).ifPresent(ref -> secrets.put(PreviewDatabase.VARIABLE, ref));
        List<String> instances = database.map(db -> List.of(db.instance())).orElse(List.of());
        return new CloudRunApp(
                "app",
                CloudRunAppArgs.builder(app, s.gcpProject(), s.gcpRegion())
                        .serviceName(RuntimeNames.cloudRunService(s.appName(), subject))
                        .image(rt.image().reference(commit).orElseThrow())
                        .serviceAccountEmail(runtimeAccountEmail(s, app.environment()))
                        .preview(review.isPresent())
                        .settings(rt.cloudRun())
                        .healthPath(rt.healthPath())
                        .labels(labels)
                        .secretReferences(secrets)
                        .cloudSqlInstances(instances)
                        .build(),
                after(database));
    }
}
