package dev.llmsafe.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmsafe.policy.PlanView;
import dev.llmsafe.policy.PolicyEngine;
import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.policy.PolicyReport;
import dev.llmsafe.policy.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PreviewJsonReaderTest {
    /** The shape `pulumi preview --json` prints (pkg/display/json.go), with the ops a change can have. */
    private static final String PREVIEW = """
            {
              "config": {"llm-safe:kind": "staging", "llm-safe:token": "[secret]", "llm-safe:repositoryId": "712345678",
                         "other:ownerId": "1", "llm-safe:allowPublicInvoker": "true", "other:allowPublicInvoker": "false"},
              "steps": [
                {"op": "same", "urn": "urn:pulumi:staging::llm-safe::pulumi:pulumi:Stack::llm-safe-staging",
                 "newState": {"urn": "urn:pulumi:staging::llm-safe::pulumi:pulumi:Stack::llm-safe-staging", "custom": false, "type": "pulumi:pulumi:Stack"}},
                {"op": "create", "urn": "urn:pulumi:staging::llm-safe::gcp:storage/bucket:Bucket::assets",
                 "provider": "urn:pulumi:staging::llm-safe::pulumi:providers:gcp::default_7_0_0::04da6b54-80e4-46f7-96ec-b56ff0331ba9",
                 "newState": {"urn": "urn:pulumi:staging::llm-safe::gcp:storage/bucket:Bucket::assets", "custom": true,
                   "type": "gcp:storage/bucket:Bucket", "parent": "urn:pulumi:staging::llm-safe::pulumi:pulumi:Stack::llm-safe-staging",
                   "inputs": {"__defaults": ["name"], "location": "EU", "name": "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
                     "labels": {"a": "b"}, "retentionPolicy": {"retentionPeriod": 86400}, "token": {"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "ciphertext": "x"}}},
                 "detailedDiff": null},
                {"op": "update", "urn": "urn:pulumi:staging::llm-safe::gcp:serviceaccount/account:Account::run",
                 "oldState": {"type": "gcp:serviceaccount/account:Account", "inputs": {"displayName": "old"}},
                 "newState": {"type": "gcp:serviceaccount/account:Account", "custom": true, "protect": true, "inputs": {"displayName": "new"}}},
                {"op": "delete", "urn": "urn:pulumi:staging::llm-safe::gcp:serviceaccount/key:Key::old-key",
                 "oldState": {"type": "gcp:serviceaccount/key:Key", "custom": true, "inputs": {"serviceAccountId": "x"}}}
              ],
              "diagnostics": [{"message": "a warning", "severity": "warning"}],
              "duration": 5, "changeSummary": {"create": 1, "update": 1, "delete": 1, "same": 1}
            }
            """;

    @Test
    void stepsBecomeTheSameModelAsTheOfflinePlan() throws Exception {
        PlanReader.Result read = PlanReader.read(PREVIEW, "preview.json");
        PlanDocument plan = read.plan();
        assertThat(read.previewErrors()).isEmpty();
        assertThat(plan.source()).isEqualTo("pulumi-preview");
        assertThat(plan.stack()).isEqualTo("staging");
        assertThat(plan.project()).isEqualTo("llm-safe");
        assertThat(plan.kind()).isEqualTo("staging");
        assertThat(plan.config()).isEqualTo(Map.of("repositoryId", "712345678", "allowPublicInvoker", "true"));
        assertThat(plan.resources()).extracting(PlannedResource::op).containsExactly("create", "update", "delete");
        PlannedResource bucket = plan.resources().get(0);
        assertThat(bucket.type()).isEqualTo("gcp:storage/bucket:Bucket");
        assertThat(bucket.name()).isEqualTo("assets");
        assertThat(bucket.provider()).startsWith("urn:pulumi:staging::llm-safe::pulumi:providers:gcp::");
        assertThat(bucket.parent()).endsWith("pulumi:pulumi:Stack::llm-safe-staging");
        assertThat(bucket.inputs())
                .doesNotContainKey("__defaults")
                .containsEntry("name", PlannedResource.UNKNOWN)
                .containsEntry("token", PlannedResource.SECRET)
                .containsEntry("labels", Map.of("a", "b"))
                .containsEntry("retentionPolicy", Map.of("retentionPeriod", 86400L));
        assertThat(plan.resources().get(1).inputs()).containsEntry("displayName", "new");
        assertThat(plan.resources().get(1).protect()).isTrue();
        PlannedResource deleted = plan.resources().get(2);
        assertThat(deleted.isDeletion()).isTrue();
        assertThat(deleted.inputs()).containsEntry("serviceAccountId", "x");
    }

    @Test
    void deletionsAreJudgedAsDeletions() throws Exception {
        PlanView view = PlanView.of(PlanReader.read(PREVIEW, "preview.json").plan());
        PolicyReport report = PolicyEngine.withAllRules()
                .evaluate(PolicyInput.builder(PolicyFile.defaults()).plan(view).build());
        assertThat(view.deletions()).hasSize(1);
        assertThat(report.verdicts())
                .filteredOn(v -> v.rule().id().equals("no-service-account-keys"))
                .singleElement()
                .extracting(Verdict::status)
                .isEqualTo(Verdict.Status.PASS);
    }

    @Test
    void theKindFollowsTheStackNameWhenConfigDoesNotSayAndErrorsAreKept() throws Exception {
        String json = """
                {"steps": [{"op": "create", "urn": "urn:pulumi:pr-12::llm-safe::railway:index/project:Project::p",
                  "newState": {"type": "railway:index/project:Project", "inputs": {"name": "p"}}}],
                 "diagnostics": [{"severity": "error", "message": "error: boom\\n"}]}
                """;
        PlanReader.Result read = PlanReader.read(json, "p.json");
        assertThat(read.plan().kind()).isEqualTo("review");
        assertThat(read.previewErrors()).containsExactly("error: boom");
    }

    @Test
    void malformedStepsAreInputErrorsThatSayWhere() {
        assertThatThrownBy(() -> PlanReader.read("{\"steps\": {}}", "p.json"))
                .isInstanceOf(PlanReadException.class)
                .hasMessage("p.json: 'steps' must be a list of preview steps");
        assertThatThrownBy(() -> PlanReader.read("{\"steps\": [{\"op\": \"create\", \"urn\": \"bucket\"}]}", "p.json"))
                .hasMessageContaining("steps[0].urn 'bucket' is not a Pulumi URN");
        assertThatThrownBy(() -> PlanReader.read(
                        "{\"steps\": [{\"op\": \"create\", \"urn\": \"urn:pulumi:s::p::t::n\"}]}", "p.json"))
                .hasMessageContaining("steps[0] (create urn:pulumi:s::p::t::n) has neither newState nor oldState");
        assertThatThrownBy(() -> PlanReader.read("{\"steps\": [{\"op\": 3, \"urn\": \"u\"}]}", "p.json"))
                .hasMessageContaining("steps[0].op must be a string");
    }

    /**
     * Every preview the real engine printed in our engine tests (kept under src/test/resources/plan/, compared with
     * the engine's output of today by StackHistoryEngineIT and BadConfigEngineIT) reads into the model.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "engine-governance-preview.json",
                "engine-governance-update-preview.json",
                "engine-bad-config-preview.json"
            })
    void previewsTheRealEnginePrintedAreRead(String name) throws Exception {
        String json;
        try (var in = PreviewJsonReaderTest.class.getResourceAsStream("/plan/" + name)) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        PlanReader.Result read = PlanReader.read(json, name);
        assertThat(read.plan().resources()).allSatisfy(r -> assertThat(r.type()).isNotEqualTo("pulumi:pulumi:Stack"));
        PlanView view = PlanView.of(read.plan());
        PolicyReport report = PolicyEngine.withAllRules()
                .evaluate(PolicyInput.builder(PolicyFile.defaults())
                        .plan(view)
                        .kind(view.kind().orElseThrow())
                        .build());
        assertThat(report.hasError()).as(name).isFalse();
        switch (name) {
            case "engine-governance-update-preview.json" ->
                assertThat(read.plan().resources())
                        .isNotEmpty()
                        .extracting(PlannedResource::op)
                        .containsOnly("update");
            case "engine-bad-config-preview.json" -> {
                assertThat(read.plan().resources()).isEmpty();
                assertThat(read.previewErrors())
                        .first()
                        .asString()
                        .contains("llm-safe:maxInstances = \"many\"")
                        .contains("must be a whole number from 1 to 1000");
            }
            default ->
                assertThat(read.plan().resources())
                        .extracting(PlannedResource::op)
                        .containsOnly("create");
        }
    }
}
