package dev.llmsafe.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanReaderTest {
    @Test
    void anOfflinePlanReadsBackAsWritten() throws Exception {
        PlanDocument plan = PlanDocument.builder()
                .source("offline")
                .project("llm-safe")
                .stack("pr-3")
                .kind("review")
                .resources(List.of(PlannedResource.builder(
                                "create",
                                "gcp:storage/bucket:Bucket",
                                "b",
                                "urn:pulumi:pr-3::llm-safe::gcp:storage/bucket:Bucket::b")
                        .parent("urn:pulumi:pr-3::llm-safe::pulumi:pulumi:Stack::llm-safe-pr-3")
                        .custom(true)
                        .inputs(Map.of("name", "b", "versioning", Map.of("enabled", true)))
                        .build()))
                .outputs(Map.of("url", "https://x"))
                .config(Map.of("repositoryId", "1", "ownerId", "2"))
                .build();
        PlanReader.Result read = PlanReader.read(PlanJson.write(plan), "plan.json");
        assertThat(read.plan()).isEqualTo(plan);
        assertThat(read.previewErrors()).isEmpty();
    }

    @Test
    void theRealOfflinePlanOfThePlatformStackReadsBack() throws Exception {
        var settings = OfflinePlanner.settings(
                java.nio.file.Path.of(System.getProperty("llmsafe.projectDir", ".")),
                "platform",
                Optional.empty(),
                Map.of());
        PlanDocument plan = OfflinePlanner.plan(settings);
        PlanDocument read =
                PlanReader.read(PlanJson.write(plan), "platform.json").plan();
        assertThat(read.resources()).hasSize(plan.resources().size());
        assertThat(read.config())
                .isEqualTo(Map.of(
                        "repositoryId",
                        String.valueOf(settings.github().repositoryId()),
                        "ownerId",
                        String.valueOf(settings.github().ownerId())));
    }

    @Test
    void anOfflinePlanCarriesThePublicInvokerChoiceOnlyWhereTheConfigMakesIt() throws Exception {
        java.nio.file.Path project = java.nio.file.Path.of(System.getProperty("llmsafe.projectDir", "."));
        PlanDocument production =
                OfflinePlanner.plan(OfflinePlanner.settings(project, "production", Optional.empty(), Map.of()));
        assertThat(production.config()).containsEntry(PlanDocument.ALLOW_PUBLIC_INVOKER, "true");
        PlanDocument staging =
                OfflinePlanner.plan(OfflinePlanner.settings(project, "staging", Optional.empty(), Map.of()));
        assertThat(staging.config()).doesNotContainKey(PlanDocument.ALLOW_PUBLIC_INVOKER);
        PlanDocument privateProduction = OfflinePlanner.plan(OfflinePlanner.settings(
                project, "production", Optional.empty(), Map.of("allowPublicInvoker", "false")));
        assertThat(privateProduction.config()).doesNotContainKey(PlanDocument.ALLOW_PUBLIC_INVOKER);
    }

    @Test
    void anythingElseIsAnInputErrorNamingTheProblem() {
        assertThatThrownBy(() -> PlanReader.read("", "p.json"))
                .isInstanceOf(PlanReadException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> PlanReader.read("[1]", "p.json"))
                .hasMessage("p.json: a plan is a JSON object; this is array");
        assertThatThrownBy(() -> PlanReader.read("{\"a\":", "p.json")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> PlanReader.read("{\"x\": 1}", "p.json"))
                .hasMessageContaining("neither an offline plan");
        assertThatThrownBy(() -> PlanReader.read("{\"formatVersion\": 9, \"resources\": []}", "p.json"))
                .hasMessageContaining("formatVersion 9 is not supported");
        assertThatThrownBy(() -> PlanReader.read("{\"formatVersion\": 1, \"resources\": [null]}", "p.json"))
                .hasMessage("p.json: resources[0] is null");
        assertThatThrownBy(() -> PlanReader.read(
                        "{\"formatVersion\": 1, \"resources\": [{\"op\": \"create\", \"urn\": \"u\"}]}", "p.json"))
                .hasMessage("p.json: resources[0].type is missing");
        assertThatThrownBy(() -> PlanReader.read("{\"formatVersion\": 1, \"resources\": 5}", "p.json"))
                .hasMessageContaining("not an offline plan");
    }
}
