package dev.llmsafe.components;

import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.gcp.secretmanager.Secret;
import com.pulumi.gcp.secretmanager.SecretArgs;
import com.pulumi.gcp.secretmanager.SecretIamMember;
import com.pulumi.gcp.secretmanager.SecretIamMemberArgs;
import com.pulumi.gcp.secretmanager.SecretVersion;
import com.pulumi.gcp.secretmanager.SecretVersionArgs;
import com.pulumi.gcp.sql.Database;
import com.pulumi.gcp.sql.DatabaseArgs;
import com.pulumi.gcp.sql.SqlFunctions;
import com.pulumi.gcp.sql.User;
import com.pulumi.gcp.sql.UserArgs;
import com.pulumi.gcp.sql.inputs.GetDatabaseInstanceArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.llmsafe.naming.ServiceAccounts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A pull request's own PostgreSQL database and user inside an existing, shared Cloud SQL instance, and its
 * connection string ({@value #VARIABLE}) for the preview's runtime. An instance per pull request would take
 * minutes to create and bill for a whole machine per preview; a database takes seconds and costs nothing extra.
 * Destroying the preview stack drops both.
 *
 * <p>The users' password is not generated here (a new one on every {@code pulumi up} would churn the user and the
 * app's config): it is the environment's secret {@code <env>-database-password}, read at deploy time. Cloud Run
 * takes secrets only as Secret Manager references, so for Cloud Run the URL is written to the preview's own secret
 * {@code <env>-pr-<N>-database-url}, readable by the environment's runtime account alone; Railway gets the value.
 */
public final class PreviewDatabase extends ComponentResource {
    public static final String VARIABLE = "DATABASE_URL";
    public static final int POSTGRES_PORT = 5432;

    private final String instance;
    private final Output<String> databaseName;
    private final Output<String> url;
    private final Optional<CloudRunAppArgs.SecretReference> secretReference;

    public PreviewDatabase(String name, PreviewDatabaseArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("PreviewDatabase"), name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        this.instance = args.instance();

        Output<String> password =
                SecretManagerValue.of(this, args.secretProject(), args.passwordSecretId(), args.passwordValue());
        var user = new User(
                name + "-user",
                UserArgs.builder()
                        .project(args.instanceProject())
                        .instance(args.instanceName())
                        .name(args.userName())
                        .password(password)
                        .build(),
                child);
        // Created after the user and so dropped before it: PostgreSQL will not drop a role that still owns the
        // tables the app created, and those go with the database.
        var database = new Database(
                name + "-database",
                DatabaseArgs.builder()
                        .project(args.instanceProject())
                        .instance(args.instanceName())
                        .name(args.databaseName())
                        .build(),
                CustomResourceOptions.builder().parent(this).dependsOn(user).build());

        Output<String> address = args.target() == RuntimeTarget.CLOUD_RUN
                ? Output.of(CloudRunApp.CLOUD_SQL_MOUNT + "/" + args.instance())
                : publicAddress(args);
        this.url = Output.tuple(user.name(), password, database.name(), address)
                .applyValue(t -> args.target() == RuntimeTarget.CLOUD_RUN
                        ? socketUrl(t.t1, t.t2, t.t3, t.t4)
                        : tcpUrl(t.t1, t.t2, t.t3, t.t4))
                .asSecret();
        this.databaseName = database.name();
        this.secretReference =
                args.target() == RuntimeTarget.CLOUD_RUN ? Optional.of(urlSecret(name, args, child)) : Optional.empty();

        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("databaseName", databaseName);
        outputs.put("url", url);
        registerOutputs(outputs);
    }

    /** The instance's public IP, read at deploy time; Railway runs outside Google Cloud and connects over TLS. */
    private Output<String> publicAddress(PreviewDatabaseArgs args) {
        return SqlFunctions.getDatabaseInstance(
                        GetDatabaseInstanceArgs.builder()
                                .project(args.instanceProject())
                                .name(args.instanceName())
                                .build(),
                        new InvokeOptions(this, null, null))
                .applyValue(instance -> {
                    String ip = instance.publicIpAddress();
                    if (ip == null || ip.isBlank()) {
                        throw new IllegalStateException("Cloud SQL instance " + args.instance() + " has no public "
                                + "IP address; Railway previews connect to it over TLS on its public IP (enable "
                                + "public IP and authorize Railway's egress addresses), or run them on Cloud Run");
                    }
                    return ip;
                });
    }

    /** The URL in the preview's own secret, readable by the environment's runtime account and nobody else. */
    private CloudRunAppArgs.SecretReference urlSecret(
            String name, PreviewDatabaseArgs args, CustomResourceOptions child) {
        Map<String, String> labels = new TreeMap<>(args.labels());
        labels.putAll(args.app().deploymentLabels());
        labels.put("managed-by", "llm-safe");
        var secret = new Secret(
                name + "-url",
                SecretArgs.builder()
                        .project(args.secretProject())
                        .secretId(args.urlSecretId())
                        .labels(labels)
                        .replication(SecretStore.replication(args.replicaLocations()))
                        .build(),
                child);
        var version = new SecretVersion(
                name + "-url-version",
                SecretVersionArgs.builder().secret(secret.id()).secretData(url).build(),
                child);
        var reader = new SecretIamMember(
                name + "-url-reader",
                SecretIamMemberArgs.builder()
                        .project(args.secretProject())
                        .secretId(secret.secretId())
                        .role(SecretStore.ACCESSOR_ROLE)
                        .member(ServiceAccounts.member(args.runtimeAccountEmail()))
                        .build(),
                child);
        // Resolves once the version exists and the runtime may read it, so no revision starts before either.
        Output<String> readable = Output.tuple(version.version(), reader.id()).applyValue(t -> t.t1);
        return new CloudRunAppArgs.SecretReference(args.urlSecretId(), readable);
    }

    /** Through the Cloud SQL connector's Unix socket, which Cloud Run mounts under {@code /cloudsql}. */
    public static String socketUrl(String user, String password, String database, String socketDirectory) {
        return "postgresql://" + encode(user) + ":" + encode(password) + "@localhost/" + encode(database) + "?host="
                + socketDirectory;
    }

    /** Over TCP with TLS required. */
    public static String tcpUrl(String user, String password, String database, String host) {
        return "postgresql://" + encode(user) + ":" + encode(password) + "@" + host + ":" + POSTGRES_PORT + "/"
                + encode(database) + "?sslmode=require";
    }

    /** Percent-encodes everything but unreserved characters, so any password survives in the URL. */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A");
    }

    /** The shared instance's connection name, {@code project:region:instance}. */
    public String instance() {
        return instance;
    }

    public Output<String> databaseName() {
        return databaseName;
    }

    /** The connection string, a Pulumi secret. */
    public Output<String> url() {
        return url;
    }

    /** For Cloud Run: the preview's URL secret and the version to read; empty on Railway. */
    public Optional<CloudRunAppArgs.SecretReference> secretReference() {
        return secretReference;
    }
}
