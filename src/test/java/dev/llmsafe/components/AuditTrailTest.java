package dev.llmsafe.components;

import static dev.llmsafe.plan.Plans.named;
import static dev.llmsafe.plan.Plans.ofType;
import static dev.llmsafe.plan.Plans.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import dev.llmsafe.plan.MockRun;
import dev.llmsafe.plan.PlanDocument;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditTrailTest {
    private static PlanDocument plan(AuditTrailArgs args) {
        return MockRun.run("llm-safe", "platform", "platform", ctx -> new AuditTrail("audit", args, null), List.of());
    }

    private static AuditTrailArgs args(boolean lock) {
        return AuditTrailArgs.builder("acme-shop", "acme-audit", "EU")
                .checkpointBucketName("acme-audit-checkpoints")
                .retentionDays(30)
                .lockRetention(lock)
                .iam(IamMembers.of(Map.of(
                        "staging",
                        Output.of("serviceAccount:deploy-staging@acme-shop.iam.gserviceaccount.com"),
                        "review",
                        Output.of("serviceAccount:deploy-review@acme-shop.iam.gserviceaccount.com"))))
                .auditors(Optional.of("group:auditors@acme.com"))
                .logBucketId("audit-logs")
                .logLocation("global")
                .logRetentionDays(90)
                .labels(Map.of("team", "platform"))
                .build();
    }

    @Test
    void bucketIsDedicatedPrivateUniformWithAnUnlockedRetentionByDefault() {
        assertThat(ofType(plan(args(false)), "gcp:storage/bucket:Bucket")).hasSize(2);
        var bucket = named(plan(args(false)), "audit-bucket");
        assertThat(bucket.inputs())
                .containsEntry("name", "acme-audit")
                .containsEntry("uniformBucketLevelAccess", true)
                .containsEntry("publicAccessPrevention", "enforced")
                .containsEntry("forceDestroy", false)
                .containsEntry("retentionPolicy", Map.of("retentionPeriod", 30.0 * 86_400, "isLocked", false))
                .containsEntry("labels", Map.of("team", "platform"))
                .doesNotContainKey("versioning");
        assertThat(bucket.protect()).isTrue();
        assertThat(bucket.parent()).endsWith("llmsafe:components:AuditTrail::audit");
    }

    @Test
    void lockingIsOnlyWhereConfiguredAndAppliesToBothBuckets() {
        var plan = plan(args(true));
        assertThat(ofType(plan, "gcp:storage/bucket:Bucket"))
                .hasSize(2)
                .allSatisfy(b -> assertThat(b.inputs().get("retentionPolicy"))
                        .isEqualTo(Map.of("retentionPeriod", 30.0 * 86_400, "isLocked", true)));
        assertThat(only(plan, "gcp:logging/projectBucketConfig:ProjectBucketConfig")
                        .inputs())
                .containsEntry("locked", true);
        assertThat(only(plan(args(false)), "gcp:logging/projectBucketConfig:ProjectBucketConfig")
                        .inputs())
                .containsEntry("locked", false);
    }

    @Test
    void writersMayCreateAndReadButNeverDeleteOrOverwriteAndAuditorsRead() {
        var grants = ofType(plan(args(false)), "gcp:storage/bucketIAMMember:BucketIAMMember").stream()
                .filter(g -> "acme-audit".equals(g.inputs().get("bucket")))
                .toList();
        assertThat(grants)
                .extracting(r -> r.name() + " " + r.inputs().get("role") + " "
                        + r.inputs().get("member"))
                .containsExactlyInAnyOrder(
                        "audit-writer-review-create roles/storage.objectCreator serviceAccount:deploy-review@acme-shop.iam.gserviceaccount.com",
                        "audit-writer-review-read roles/storage.objectViewer serviceAccount:deploy-review@acme-shop.iam.gserviceaccount.com",
                        "audit-writer-staging-create roles/storage.objectCreator serviceAccount:deploy-staging@acme-shop.iam.gserviceaccount.com",
                        "audit-writer-staging-read roles/storage.objectViewer serviceAccount:deploy-staging@acme-shop.iam.gserviceaccount.com",
                        "audit-auditors-read roles/storage.objectViewer group:auditors@acme.com",
                        "audit-auditors-bucket roles/storage.legacyBucketReader group:auditors@acme.com");
        assertThat(grants).allSatisfy(g -> assertThat(g.inputs()).containsEntry("bucket", "acme-audit"));
        assertThat(grants)
                .extracting(g -> (String) g.inputs().get("role"))
                .as("no role that can delete or overwrite objects")
                .doesNotContain(
                        "roles/storage.objectAdmin",
                        "roles/storage.objectUser",
                        "roles/storage.admin",
                        "roles/storage.legacyBucketWriter",
                        "roles/storage.legacyBucketOwner");
    }

    @Test
    void checkpointsGoToASecondWriteOnceBucketTheWritersCannotDeleteFrom() {
        var plan = plan(args(true));
        var checkpoints = named(plan, "audit-checkpoint-bucket");
        assertThat(checkpoints.inputs())
                .containsEntry("name", "acme-audit-checkpoints")
                .containsEntry("uniformBucketLevelAccess", true)
                .containsEntry("publicAccessPrevention", "enforced")
                .containsEntry("forceDestroy", false)
                .containsEntry("retentionPolicy", Map.of("retentionPeriod", 30.0 * 86_400, "isLocked", true))
                .doesNotContainKey("versioning");
        assertThat(checkpoints.protect()).isTrue();
        assertThat(checkpoints.parent()).endsWith("llmsafe:components:AuditTrail::audit");
        var grants = ofType(plan, "gcp:storage/bucketIAMMember:BucketIAMMember").stream()
                .filter(g -> "acme-audit-checkpoints".equals(g.inputs().get("bucket")))
                .toList();
        assertThat(grants)
                .extracting(r -> r.name() + " " + r.inputs().get("role") + " "
                        + r.inputs().get("member"))
                .containsExactlyInAnyOrder(
                        "audit-checkpoint-writer-review-create roles/storage.objectCreator serviceAccount:deploy-review@acme-shop.iam.gserviceaccount.com",
                        "audit-checkpoint-writer-review-read roles/storage.objectViewer serviceAccount:deploy-review@acme-shop.iam.gserviceaccount.com",
                        "audit-checkpoint-writer-staging-create roles/storage.objectCreator serviceAccount:deploy-staging@acme-shop.iam.gserviceaccount.com",
                        "audit-checkpoint-writer-staging-read roles/storage.objectViewer serviceAccount:deploy-staging@acme-shop.iam.gserviceaccount.com",
                        "audit-checkpoint-auditors-read roles/storage.objectViewer group:auditors@acme.com",
                        "audit-checkpoint-auditors-bucket roles/storage.legacyBucketReader group:auditors@acme.com");
        assertThatThrownBy(() -> AuditTrailArgs.builder("p", "b", "EU")
                        .checkpointBucketName("b")
                        .retentionDays(30)
                        .logRetentionDays(30)
                        .build())
                .hasMessageContaining("must differ");
        var policy = dev.llmsafe.policy.PolicyInput.builder(dev.llmsafe.policy.PolicyFile.defaults())
                .plan(dev.llmsafe.policy.PlanView.of(plan(args(false))))
                .build();
        assertThat(new dev.llmsafe.policy.rules.BucketHardeningRule().check(policy))
                .as("the hardening rule judges the checkpoint bucket as an audit bucket")
                .anySatisfy(f -> assertThat(f.message())
                        .contains("audit-checkpoint-bucket")
                        .contains("unlocked"));
    }

    @Test
    void auditLogsOfSecretsStorageAndIamGoToALoggingBucketWithItsRetention() {
        var plan = plan(args(false));
        assertThat(only(plan, "gcp:logging/projectBucketConfig:ProjectBucketConfig")
                        .inputs())
                .containsEntry("bucketId", "audit-logs")
                .containsEntry("location", "global")
                .containsEntry("retentionDays", 90.0)
                .containsEntry("project", "acme-shop");
        var sink = only(plan, "gcp:logging/projectSink:ProjectSink");
        assertThat(sink.inputs())
                .containsEntry(
                        "destination", "logging.googleapis.com/projects/acme-shop/locations/global/buckets/audit-logs");
        String filter = (String) sink.inputs().get("filter");
        assertThat(filter)
                .contains(
                        "cloudaudit.googleapis.com%2Factivity",
                        "cloudaudit.googleapis.com%2Fdata_access",
                        "\"secretmanager.googleapis.com\"",
                        "\"storage.googleapis.com\"",
                        "\"iam.googleapis.com\"");
        var configs = ofType(plan, "gcp:projects/iAMAuditConfig:IAMAuditConfig");
        assertThat(configs)
                .extracting(c -> c.inputs().get("service"))
                .contains("secretmanager.googleapis.com", "storage.googleapis.com", "iam.googleapis.com");
        assertThat(configs)
                .allSatisfy(c -> assertThat(c.inputs().get("auditLogConfigs"))
                        .isEqualTo(List.of(
                                Map.of("logType", "ADMIN_READ"),
                                Map.of("logType", "DATA_READ"),
                                Map.of("logType", "DATA_WRITE"))));
    }

    @Test
    void withoutAuditorsOrWritersNoGrantIsMade() {
        var plan = plan(AuditTrailArgs.builder("acme-shop", "acme-audit", "EU").build());
        assertThat(ofType(plan, "gcp:storage/bucketIAMMember:BucketIAMMember")).isEmpty();
        assertThat(named(plan, "audit-bucket").inputs().get("retentionPolicy"))
                .isEqualTo(Map.of("retentionPeriod", 400.0 * 86_400, "isLocked", false));
        assertThat(named(plan, "audit-checkpoint-bucket").inputs()).containsEntry("name", "acme-audit-checkpoints");
    }

    @Test
    void rejectsBadValuesWithTheValue() {
        assertThatThrownBy(() -> AuditTrailArgs.builder("p", "b", "EU")
                        .retentionDays(0)
                        .logRetentionDays(30)
                        .build())
                .hasMessageContaining("retentionDays")
                .hasMessageContaining("0");
        assertThatThrownBy(() -> AuditTrailArgs.builder("p", "b", "EU")
                        .retentionDays(30)
                        .auditors(Optional.of("user:ada@acme.com"))
                        .logRetentionDays(30)
                        .build())
                .hasMessageContaining("user:ada@acme.com");
        assertThatThrownBy(() -> AuditTrailArgs.builder("p", "b", "EU")
                        .retentionDays(30)
                        .logRetentionDays(4000)
                        .build())
                .hasMessageContaining("4000");
    }
}
