package dev.llmsafe.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmsafe.components.AuditTrailArgs;
import dev.llmsafe.plan.OfflinePlanner;
import dev.llmsafe.plan.PlanDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditSettingsReaderTest {
    private static final Path PROJECT = Path.of(System.getProperty("llmsafe.projectDir", "."));

    private static StackSettings platform(Map<String, String> overrides) throws IOException {
        return OfflinePlanner.settings(PROJECT, "platform", Optional.empty(), overrides);
    }

    @Test
    void defaultsToADedicatedUnlockedBucketKeptFourHundredDays() throws IOException {
        AuditTrailArgs audit =
                ValidConfig.read("platform", ValidConfig.platform()).audit();
        assertThat(audit.bucketName()).isEqualTo("acme-shop-prod-audit-log");
        assertThat(audit.checkpointBucketName()).isEqualTo("acme-shop-prod-audit-checkpoints");
        assertThat(audit.location()).isEqualTo("EUROPE-WEST4");
        assertThat(audit.retentionDays()).isEqualTo(400);
        assertThat(audit.lockRetention()).isFalse();
        assertThat(audit.auditors()).isEmpty();
        assertThat(audit.logBucketId()).isEqualTo("llm-safe-audit");
        assertThat(audit.logRetentionDays()).isEqualTo(400);
    }

    @Test
    void readsEveryKey() throws IOException {
        AuditTrailArgs audit = platform(Map.of(
                        "auditBucket",
                        "acme-audit",
                        "auditCheckpointBucket",
                        "acme-audit-cp",
                        "auditBucketLocation",
                        "eu",
                        "auditRetentionDays",
                        "2555",
                        "auditLockRetention",
                        "true",
                        "auditorsGroup",
                        "group:audit@acme.com",
                        "auditLogBucket",
                        "audit_logs",
                        "auditLogLocation",
                        "europe-west4",
                        "auditLogRetentionDays",
                        "3650"))
                .audit();
        assertThat(audit)
                .isEqualTo(AuditTrailArgs.builder("acme-shop-prod", "acme-audit", "EU")
                        .checkpointBucketName("acme-audit-cp")
                        .retentionDays(2555)
                        .lockRetention(true)
                        .auditors(Optional.of("group:audit@acme.com"))
                        .logBucketId("audit_logs")
                        .logLocation("europe-west4")
                        .logRetentionDays(3650)
                        .build());
    }

    @Test
    void aBadLockValueSaysLockingIsIrreversible() {
        assertThatThrownBy(() -> platform(Map.of("auditLockRetention", "yes")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("auditLockRetention")
                .hasMessageContaining("yes")
                .hasMessageContaining("irreversible");
    }

    @Test
    void reportsBadValuesWithTheKeyAndTheValue() {
        assertThatThrownBy(() -> platform(Map.of(
                        "auditorsGroup",
                        "ada@acme.com",
                        "auditRetentionDays",
                        "0",
                        "auditBucket",
                        "acme-shop-pulumi-state",
                        "auditLogRetentionDays",
                        "9999")))
                .isInstanceOf(InvalidConfigException.class)
                .satisfies(e -> assertThat(((InvalidConfigException) e).problems())
                        .extracting(ConfigProblem::key)
                        .contains("auditorsGroup", "auditRetentionDays", "auditBucket", "auditLogRetentionDays"))
                .hasMessageContaining("ada@acme.com")
                .hasMessageContaining("must differ from the state bucket");
        assertThatThrownBy(() -> platform(Map.of("auditCheckpointBucket", "acme-shop-prod-audit-log")))
                .hasMessageContaining("auditCheckpointBucket")
                .hasMessageContaining("must differ from the audit and state buckets");
        assertThatThrownBy(() -> platform(Map.of("auditCheckpointBucket", "Not A Bucket")))
                .hasMessageContaining("auditCheckpointBucket")
                .hasMessageContaining("Not A Bucket");
    }

    @Test
    void thePlatformStackGivesEveryDeployerCreateOnlyAccessAndExportsTheBuckets() throws IOException {
        PlanDocument plan = OfflinePlanner.plan(platform(Map.of("auditorsGroup", "group:audit@acme.com")));
        var grants = plan.resources().stream()
                .filter(r -> r.type().equals("gcp:storage/bucketIAMMember:BucketIAMMember")
                        && "acme-shop-prod-audit-log".equals(r.inputs().get("bucket")))
                .toList();
        assertThat(grants)
                .extracting(r -> r.name() + " " + r.inputs().get("member"))
                .contains(
                        "audit-writer-review-create serviceAccount:shop-deploy-review@acme-shop-prod.iam.gserviceaccount.com",
                        "audit-writer-staging-create serviceAccount:shop-deploy-staging@acme-shop-prod.iam.gserviceaccount.com",
                        "audit-writer-production-create serviceAccount:shop-deploy-production@acme-shop-prod.iam.gserviceaccount.com",
                        "audit-auditors-read group:audit@acme.com");
        var checkpointGrants = plan.resources().stream()
                .filter(r -> r.type().equals("gcp:storage/bucketIAMMember:BucketIAMMember")
                        && "acme-shop-prod-audit-checkpoints".equals(r.inputs().get("bucket")))
                .toList();
        assertThat(checkpointGrants)
                .extracting(r -> r.name() + " " + r.inputs().get("role"))
                .contains(
                        "audit-checkpoint-writer-production-create roles/storage.objectCreator",
                        "audit-checkpoint-writer-production-read roles/storage.objectViewer",
                        "audit-checkpoint-auditors-read roles/storage.objectViewer");
        assertThat(plan.outputs())
                .containsEntry("auditBucket", "acme-shop-prod-audit-log")
                .containsEntry("auditCheckpointBucket", "acme-shop-prod-audit-checkpoints")
                .containsEntry("auditLogBucket", "projects/acme-shop-prod/locations/global/buckets/llm-safe-audit");
    }
}
