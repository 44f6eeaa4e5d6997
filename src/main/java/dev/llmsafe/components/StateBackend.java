package dev.llmsafe.components;

import com.pulumi.core.Output;
import com.pulumi.gcp.storage.Bucket;
import com.pulumi.gcp.storage.BucketArgs;
import com.pulumi.gcp.storage.BucketIAMMember;
import com.pulumi.gcp.storage.BucketIAMMemberArgs;
import com.pulumi.gcp.storage.inputs.BucketEncryptionArgs;
import com.pulumi.gcp.storage.inputs.BucketLifecycleRuleActionArgs;
import com.pulumi.gcp.storage.inputs.BucketLifecycleRuleArgs;
import com.pulumi.gcp.storage.inputs.BucketLifecycleRuleConditionArgs;
import com.pulumi.gcp.storage.inputs.BucketVersioningArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import java.util.Map;

/**
 * The GCS bucket behind {@code pulumi login gs://...}: private, uniform access, versioned, with old state
 * versions pruned. CI creates the bucket before the first login (state must live somewhere before Pulumi
 * runs), so by default the bucket is adopted with Pulumi's {@code import} option rather than created.
 */
public final class StateBackend extends ComponentResource {
    /** Enough to read and write state objects, nothing on the bucket's own settings or IAM. */
    public static final String WRITER_ROLE = "roles/storage.objectUser";

    private final Output<String> bucketName;
    private final Output<String> url;

    public StateBackend(String name, StateBackendArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("StateBackend"), name, options);
        var bucketArgs = BucketArgs.builder()
                .project(args.project())
                .name(args.bucketName())
                .location(args.location())
                .storageClass("STANDARD")
                .uniformBucketLevelAccess(true)
                .publicAccessPrevention("enforced")
                .versioning(BucketVersioningArgs.builder().enabled(true).build())
                .forceDestroy(false)
                .labels(args.labels())
                .lifecycleRules(lifecycle(args));
        args.kmsKeyName()
                .ifPresent(key -> bucketArgs.encryption(
                        BucketEncryptionArgs.builder().defaultKmsKeyName(key).build()));

        var bucketOptions = CustomResourceOptions.builder().parent(this).protect(args.protect());
        if (args.adoptExisting()) {
            // Pulumi refuses an import whose inputs differ from the bucket. The bucket script creates exactly these
            // settings (.github/scripts/ensure-state-bucket.sh) except the labels, which it cannot know, so labels
            // wait until adoption is switched off after the first update (docs/configuration.md).
            bucketOptions.importId(args.bucketName()).ignoreChanges(List.of("labels"));
        }
        var bucket = new Bucket(name + "-bucket", bucketArgs.build(), bucketOptions.build());

        args.iam()
                .forEachGrant((grant, member) -> new BucketIAMMember(
                        name + "-writer-" + grant,
                        BucketIAMMemberArgs.builder()
                                .bucket(bucket.name())
                                .role(WRITER_ROLE)
                                .member(member)
                                .build(),
                        CustomResourceOptions.builder().parent(this).build()));

        this.bucketName = bucket.name();
        this.url = bucket.name().applyValue(n -> "gs://" + n);
        registerOutputs(Map.of("bucketName", bucketName, "url", url));
    }

    /** Noncurrent (replaced) state versions: deleted after N days, and beyond the newest M. */
    private static List<BucketLifecycleRuleArgs> lifecycle(StateBackendArgs args) {
        var delete = BucketLifecycleRuleActionArgs.builder().type("Delete").build();
        return List.of(
                BucketLifecycleRuleArgs.builder()
                        .action(delete)
                        .condition(BucketLifecycleRuleConditionArgs.builder()
                                .daysSinceNoncurrentTime(args.noncurrentVersionDays())
                                .withState("ARCHIVED")
                                .build())
                        .build(),
                BucketLifecycleRuleArgs.builder()
                        .action(delete)
                        .condition(BucketLifecycleRuleConditionArgs.builder()
                                .numNewerVersions(args.maxNoncurrentVersions())
                                .withState("ARCHIVED")
                                .build())
                        .build());
    }

    public Output<String> bucketName() {
        return bucketName;
    }

    /** What {@code pulumi login} takes: {@code gs://<bucket>}. */
    public Output<String> url() {
        return url;
    }
}
