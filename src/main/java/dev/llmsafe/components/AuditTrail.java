package dev.llmsafe.components;

import com.pulumi.core.Output;
import com.pulumi.gcp.logging.ProjectBucketConfig;
import com.pulumi.gcp.logging.ProjectBucketConfigArgs;
import com.pulumi.gcp.logging.ProjectSink;
import com.pulumi.gcp.logging.ProjectSinkArgs;
import com.pulumi.gcp.projects.IAMAuditConfig;
import com.pulumi.gcp.projects.IAMAuditConfigArgs;
import com.pulumi.gcp.projects.inputs.IAMAuditConfigAuditLogConfigArgs;
import com.pulumi.gcp.storage.Bucket;
import com.pulumi.gcp.storage.BucketArgs;
import com.pulumi.gcp.storage.BucketIAMMember;
import com.pulumi.gcp.storage.BucketIAMMemberArgs;
import com.pulumi.gcp.storage.inputs.BucketRetentionPolicyArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.llmsafe.plan.PlaceholderOutputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where the audit log lives, write-once: a dedicated bucket (apart from the state bucket) whose retention
 * policy keeps every record unchangeable for N days, locked where configured; CI writers that can create and
 * read records but never delete or overwrite them; an auditors group that reads. A second bucket, alike in
 * every way, holds the published checkpoints: a writer could rewrite a log it holds elsewhere with every hash
 * recomputed, but never a checkpoint published here. Also keeps Google's own
 * Cloud Audit Logs of Secret Manager, Storage and IAM (admin activity and data access) in a Logging bucket
 * with its own retention, and turns data-access logging on for those services.
 */
public final class AuditTrail extends ComponentResource {
    /**
     * Create objects only. Overwriting an existing object also needs {@code storage.objects.delete}, which this
     * role lacks, so a writer can add records but never replace one; the retention policy additionally forbids
     * deleting or replacing any record until it has aged out, whoever asks.
     */
    public static final String CREATOR_ROLE = "roles/storage.objectCreator";
    /** Read and list objects: appenders read the head to chain the next record; auditors read everything. */
    public static final String READER_ROLE = "roles/storage.objectViewer";
    /** Lets auditors read the bucket's own metadata, so they can check the retention policy and its lock. */
    public static final String BUCKET_METADATA_ROLE = "roles/storage.legacyBucketReader";
    /** Services whose data-access audit logs are turned on (admin activity is always on). */
    public static final List<String> DATA_ACCESS_SERVICES = List.of(
            "secretmanager.googleapis.com",
            "storage.googleapis.com",
            "iam.googleapis.com",
            "iamcredentials.googleapis.com",
            "sts.googleapis.com");
    /** Services whose audit logs the sink keeps; project IAM policy changes are logged by Resource Manager. */
    public static final List<String> SINK_SERVICES = List.of(
            "secretmanager.googleapis.com",
            "storage.googleapis.com",
            "iam.googleapis.com",
            "iamcredentials.googleapis.com",
            "sts.googleapis.com",
            "cloudresourcemanager.googleapis.com");

    static final String LOG_BUCKET_TYPE = "gcp:logging/projectBucketConfig:ProjectBucketConfig";

    static {
        // The bucket config's resource name, as the provider computes it, for the offline plan.
        PlaceholderOutputs.register(
                LOG_BUCKET_TYPE,
                in -> Map.of(
                        "name",
                        "projects/" + in.get("project") + "/locations/" + in.get("location") + "/buckets/"
                                + in.get("bucketId")));
    }

    private final Output<String> bucketName;
    private final Output<String> checkpointBucketName;
    private final Output<String> logBucketName;
    private final Output<String> sinkWriterIdentity;

    public AuditTrail(String name, AuditTrailArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("AuditTrail"), name, options);
        var child = CustomResourceOptions.builder().parent(this).build();

        var bucket = writeOnceBucket(name, "", args.bucketName(), args, child);
        var checkpoints = writeOnceBucket(name, "checkpoint-", args.checkpointBucketName(), args, child);

        var logBucket = new ProjectBucketConfig(
                name + "-log-bucket",
                ProjectBucketConfigArgs.builder()
                        .project(args.project())
                        .location(args.logLocation())
                        .bucketId(args.logBucketId())
                        .retentionDays(args.logRetentionDays())
                        .locked(args.lockRetention())
                        .description("Cloud Audit Logs of Secret Manager, Storage and IAM (llm-safe)")
                        .build(),
                child);

        var sink = new ProjectSink(
                name + "-sink",
                ProjectSinkArgs.builder()
                        .project(args.project())
                        .name(args.logBucketId() + "-sink")
                        .destination(logBucket.name().applyValue(n -> "logging.googleapis.com/" + n))
                        .filter(sinkFilter())
                        .uniqueWriterIdentity(true)
                        .description("Admin-activity and data-access audit logs into " + args.logBucketId())
                        .build(),
                child);

        List<IAMAuditConfigAuditLogConfigArgs> allTypes = new ArrayList<>();
        for (String type : List.of("ADMIN_READ", "DATA_READ", "DATA_WRITE")) {
            allTypes.add(
                    IAMAuditConfigAuditLogConfigArgs.builder().logType(type).build());
        }
        for (String service : DATA_ACCESS_SERVICES) {
            new IAMAuditConfig(
                    name + "-data-access-" + service.substring(0, service.indexOf('.')),
                    IAMAuditConfigArgs.builder()
                            .project(args.project())
                            .service(service)
                            .auditLogConfigs(allTypes)
                            .build(),
                    child);
        }

        this.bucketName = bucket.name();
        this.checkpointBucketName = checkpoints.name();
        this.logBucketName = logBucket.name();
        this.sinkWriterIdentity = sink.writerIdentity();
        registerOutputs(Map.of(
                "bucketName",
                bucketName,
                "checkpointBucketName",
                checkpointBucketName,
                "logBucketName",
                logBucketName,
                "sinkWriterIdentity",
                sinkWriterIdentity));
    }

    /**
     * A bucket whose objects no one can delete or replace while the retention holds: uniform access, public
     * access prevention, protected; writers create and read, auditors read. Resources are named
     * {@code <name>-<role>bucket}, {@code <name>-<role>writer-<w>-create}, ...
     */
    private Bucket writeOnceBucket(
            String name, String role, String bucketName, AuditTrailArgs args, CustomResourceOptions child) {
        var bucket = new Bucket(
                name + "-" + role + "bucket",
                BucketArgs.builder()
                        .project(args.project())
                        .name(bucketName)
                        .location(args.location())
                        .storageClass("STANDARD")
                        .uniformBucketLevelAccess(true)
                        .publicAccessPrevention("enforced")
                        .retentionPolicy(BucketRetentionPolicyArgs.builder()
                                .retentionPeriod(args.retentionDays() * 86_400)
                                .isLocked(args.lockRetention())
                                .build())
                        .forceDestroy(false)
                        .labels(args.labels())
                        .build(),
                CustomResourceOptions.builder().parent(this).protect(true).build());
        String prefix = name + "-" + role;
        // Sorted by key, so grants are declared in the same order however the caller listed them.
        Map<String, Output<String>> writers = new TreeMap<>();
        args.iam().forEachGrant(writers::put);
        writers.forEach((writer, member) -> {
            grant(prefix + "writer-" + writer + "-create", bucket, CREATOR_ROLE, member, child);
            grant(prefix + "writer-" + writer + "-read", bucket, READER_ROLE, member, child);
        });
        args.auditors().ifPresent(group -> {
            grant(prefix + "auditors-read", bucket, READER_ROLE, Output.of(group), child);
            grant(prefix + "auditors-bucket", bucket, BUCKET_METADATA_ROLE, Output.of(group), child);
        });
        return bucket;
    }

    private void grant(
            String resourceName, Bucket bucket, String role, Output<String> member, CustomResourceOptions options) {
        new BucketIAMMember(
                resourceName,
                BucketIAMMemberArgs.builder()
                        .bucket(bucket.name())
                        .role(role)
                        .member(member)
                        .build(),
                options);
    }

    /** Admin-activity and data-access audit logs of the kept services. */
    public static String sinkFilter() {
        String services = SINK_SERVICES.stream()
                .map(s -> "protoPayload.serviceName=\"" + s + "\"")
                .collect(Collectors.joining(" OR "));
        return "(logName:\"cloudaudit.googleapis.com%2Factivity\" OR logName:\"cloudaudit.googleapis.com%2Fdata_access\")"
                + " AND (" + services + ")";
    }

    public Output<String> bucketName() {
        return bucketName;
    }

    /** Where CI publishes checkpoints ({@code llmsafe audit checkpoint --publish gs://...}). */
    public Output<String> checkpointBucketName() {
        return checkpointBucketName;
    }

    /** The Logging bucket's resource name: {@code projects/P/locations/L/buckets/ID}. */
    public Output<String> logBucketName() {
        return logBucketName;
    }

    public Output<String> sinkWriterIdentity() {
        return sinkWriterIdentity;
    }
}
