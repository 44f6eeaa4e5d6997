package dev.llmsafe.components;

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

class StateBackendTest {

    private static PlanDocument plan(StateBackendArgs args) {
        return MockRun.run("llm-safe", "platform", "platform", ctx -> new StateBackend("state", args, null), List.of());
    }

    @Test
    void bucketIsPrivateUniformVersionedAndPrunesOldStateVersions() {
        var plan = plan(StateBackendArgs.builder("acme-shop", "acme-state", "EUROPE-WEST4")
                .build());
        var bucket = only(plan, "gcp:storage/bucket:Bucket");

        assertThat(bucket.inputs())
                .containsEntry("name", "acme-state")
                .containsEntry("location", "EUROPE-WEST4")
                .containsEntry("uniformBucketLevelAccess", true)
                .containsEntry("publicAccessPrevention", "enforced")
                .containsEntry("forceDestroy", false)
                .containsEntry("versioning", Map.of("enabled", true));
        assertThat(bucket.inputs().get("lifecycleRules"))
                .asList()
                .containsExactlyInAnyOrder(
                        Map.of(
                                "action",
                                Map.of("type", "Delete"),
                                "condition",
                                Map.of("daysSinceNoncurrentTime", 30.0, "withState", "ARCHIVED")),
                        Map.of(
                                "action",
                                Map.of("type", "Delete"),
                                "condition",
                                Map.of("numNewerVersions", 20.0, "withState", "ARCHIVED")));
        assertThat(bucket.inputs()).doesNotContainKey("encryption");
        assertThat(bucket.op()).as("an existing bucket is adopted by default").isEqualTo("import");
        assertThat(bucket.protect()).isTrue();
        assertThat(bucket.parent()).endsWith("llmsafe:components:StateBackend::state");
    }

    @Test
    void customRetentionCmekAndLabelsAreApplied() {
        var args = StateBackendArgs.builder("acme-shop", "acme-state", "EU")
                .noncurrentVersionDays(7)
                .maxNoncurrentVersions(3)
                .kmsKeyName(Optional.of("projects/acme-shop/locations/eu/keyRings/state/cryptoKeys/state"))
                .adoptExisting(false)
                .protect(true)
                .labels(Map.of("team", "platform"))
                .build();
        var bucket = only(plan(args), "gcp:storage/bucket:Bucket");

        assertThat(bucket.inputs().get("encryption"))
                .isEqualTo(
                        Map.of("defaultKmsKeyName", "projects/acme-shop/locations/eu/keyRings/state/cryptoKeys/state"));
        assertThat(bucket.inputs().get("labels")).isEqualTo(Map.of("team", "platform"));
        assertThat(bucket.inputs().get("lifecycleRules").toString())
                .contains("daysSinceNoncurrentTime=7.0")
                .contains("numNewerVersions=3.0");
        assertThat(bucket.op()).as("adoptExisting=false creates the bucket").isEqualTo("create");
    }

    @Test
    void writersGetObjectAccessOnTheBucketOnly() {
        var args = StateBackendArgs.builder("acme-shop", "acme-state", "EU")
                .iam(IamMembers.of("review", Output.of("serviceAccount:a@acme-shop.iam.gserviceaccount.com")))
                .build();
        var member = only(plan(args), "gcp:storage/bucketIAMMember:BucketIAMMember");

        assertThat(member.name()).isEqualTo("state-writer-review");
        assertThat(member.inputs())
                .containsEntry("bucket", "acme-state")
                .containsEntry("role", "roles/storage.objectUser")
                .containsEntry("member", "serviceAccount:a@acme-shop.iam.gserviceaccount.com");
    }

    @Test
    void rejectsNonsenseRetentionWithTheValue() {
        assertThatThrownBy(() -> StateBackendArgs.builder("p", "b", "EU")
                        .noncurrentVersionDays(0)
                        .build())
                .hasMessageContaining("noncurrentVersionDays")
                .hasMessageContaining("0");
    }
}
