package dev.llmsafe.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmsafe.components.RuntimeTarget;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeSettingsReaderTest {
    private static final String SHA = "3f786850e387550fdab836ed7e6dc881de23001b";
    private static final String DIGEST = "sha256:" + "cd".repeat(32);

    private static Map<String, String> base(String kind) {
        Map<String, String> config = new HashMap<>();
        config.put("kind", kind);
        config.put("appName", "shop");
        config.put("gcpProject", "acme-shop-prod");
        config.put("gcpRegion", "europe-west4");
        config.put("githubOwner", "acme");
        config.put("githubRepository", "shop");
        config.put("repositoryId", "712345678");
        config.put("ownerId", "98765432");
        config.put("secretNames", "database-url,session-key");
        if (kind.equals("review")) {
            config.put("prNumber", "42");
            config.put("branch", "feature/login");
            config.put("commitSha", SHA);
        }
        return config;
    }

    private static StackSettings read(String stack, Map<String, String> config) {
        return StackSettingsReader.read(stack, YamlStackConfig.of(config), PolicyFacts.defaults());
    }

    private static RuntimeSettings runtime(String stack, Map<String, String> config) {
        return read(stack, config).runtime().orElseThrow();
    }

    private static List<String> problems(String stack, Map<String, String> config) {
        try {
            read(stack, config);
            return List.of();
        } catch (InvalidConfigException e) {
            return e.problems().stream().map(ConfigProblem::describe).toList();
        }
    }

    @Test
    void previewDefaultsToRailwayScaledToZero() {
        RuntimeSettings rt = runtime("pr-42", base("review"));
        assertThat(rt.target()).isEqualTo(new TargetChoice(RuntimeTarget.RAILWAY, "default"));
        assertThat(rt.cloudRun().minInstances()).isZero();
        assertThat(rt.serviceName()).isEqualTo("shop");
        assertThat(rt.otel().samplerRatio()).isEqualTo(1.0);
        assertThat(rt.railway().source()).isEqualTo(RuntimeSettings.RailwaySource.REPOSITORY);
    }

    @Test
    void branchRulesInTheCompactSetFormPickTheTarget() {
        var config = base("review");
        config.put("branch", "release/1.4");
        config.put("runtimeBranchRules", "spike/**=railway, release/*=cloudrun");
        config.put("image", "europe-west4-docker.pkg.dev/acme-shop-prod/apps/shop");
        RuntimeSettings rt = runtime("pr-42", config);
        assertThat(rt.branchRules()).extracting(BranchRule::pattern).containsExactly("spike/**", "release/*");
        assertThat(rt.target()).isEqualTo(new TargetChoice(RuntimeTarget.CLOUD_RUN, "branch rule release/*"));
    }

    @Test
    void branchRulesFromYamlAndLabelsFromCi() {
        var config = base("review");
        config.put("runtimeBranchRules", "[{\"pattern\":\"feature/*\",\"target\":\"cloudrun\"}]");
        config.put("prLabels", "[\"preview:railway\",\"needs review\"]");
        assertThat(runtime("pr-42", config).target())
                .isEqualTo(new TargetChoice(RuntimeTarget.RAILWAY, "label preview:railway"));
    }

    @Test
    void conflictingLabelsAndBadRulesAreReportedWithTheirValues() {
        var config = base("review");
        config.put("prLabels", "preview:railway,preview:cloudrun");
        config.put("runtimeBranchRules", "[{\"pattern\":\"x/*\",\"target\":\"heroku\"}, {\"glob\":\"y\"}]");
        assertThat(problems("pr-42", config))
                .anyMatch(p -> p.startsWith("llm-safe:prLabels") && p.contains("preview:cloudrun"))
                .anyMatch(p -> p.startsWith("llm-safe:runtimeBranchRules") && p.contains("heroku"))
                .anyMatch(p -> p.startsWith("llm-safe:runtimeBranchRules") && p.contains("glob"));
    }

    @Test
    void previewsCannotKeepWarmInstances() {
        var config = base("review");
        config.put("minInstances", "1");
        assertThat(problems("pr-42", config))
                .anyMatch(p -> p.startsWith("llm-safe:minInstances = \"1\"") && p.contains("scale to zero"));
    }

    @Test
    void cloudRunNeedsAnImageAndOutsidePreviewsADigest() {
        var review = base("review");
        review.put("runtimeTarget", "cloudrun");
        assertThat(problems("pr-42", review)).anyMatch(p -> p.startsWith("llm-safe:image = (not set)"));

        var staging = base("staging");
        staging.put("runtimeTarget", "cloudrun");
        staging.put("image", "europe-west4-docker.pkg.dev/acme-shop-prod/apps/shop");
        staging.put("imageTag", "latest");
        assertThat(problems("staging", staging))
                .anyMatch(p -> p.startsWith("llm-safe:imageDigest = (not set)") && p.contains("digest"))
                .anyMatch(p -> p.startsWith("llm-safe:imageTag = \"latest\""));

        staging.remove("imageTag");
        staging.put("imageDigest", DIGEST);
        staging.put("commitSha", SHA);
        RuntimeSettings rt = runtime("staging", staging);
        assertThat(rt.image().reference(rt.commitSha()))
                .contains("europe-west4-docker.pkg.dev/acme-shop-prod/apps/shop@" + DIGEST);
        assertThat(rt.commitSha()).contains(SHA);
    }

    @Test
    void aRailwayImageServiceNeedsTheRegistrysPasswordFromSecretManager() {
        var staging = base("staging");
        staging.put("railwaySource", "image");
        staging.put("image", "europe-west4-docker.pkg.dev/acme-shop-prod/apps/shop");
        staging.put("imageDigest", DIGEST);
        assertThat(problems("staging", staging))
                .anyMatch(p -> p.startsWith("llm-safe:railwayRegistrySecret = (not set)")
                        && p.contains("railwaySource: repository"));
        staging.put("railwayRegistrySecret", "registry-password");
        assertThat(problems("staging", staging))
                .anyMatch(p -> p.startsWith("llm-safe:railwayRegistrySecret = " + "\"registry-password\"")
                        && p.contains("deployerSecretNames"));

        // The app's runtime reads secretNames: the registry password belongs to the deployer alone.
        staging.put("secretNames", "database-url,registry-password");
        assertThat(problems("staging", staging))
                .anyMatch(p -> p.startsWith("llm-safe:railwayRegistrySecret = " + "\"registry-password\"")
                        && p.contains("deployerSecretNames")
                        && p.contains("move it"));

        staging.put("secretNames", "database-url");
        staging.put("deployerSecretNames", "registry-password");
        assertThat(runtime("staging", staging).railway().registry())
                .contains(new RuntimeSettings.Registry("_json_key", "registry-password"));
        staging.put("railwayRegistryUsername", "robot$shop");
        assertThat(problems("staging", staging)).anyMatch(p -> p.startsWith("llm-safe:railwayRegistryUsername"));

        var repository = base("staging");
        repository.put("railwayRegistrySecret", "database-url");
        assertThat(problems("staging", repository))
                .anyMatch(p -> p.startsWith("llm-safe:railwayRegistrySecret") && p.contains("only an image service"));
    }

    @Test
    void productionDefaultsKeepOneInstanceWarmAndSampleATenth() {
        var production = base("production");
        production.put("image", "europe-west4-docker.pkg.dev/acme-shop-prod/apps/shop");
        production.put("imageDigest", DIGEST);
        production.put("runtimeTarget", "cloudrun");
        RuntimeSettings rt = runtime("production", production);
        assertThat(rt.cloudRun().minInstances()).isEqualTo(1);
        assertThat(rt.otel().samplerRatio()).isEqualTo(0.1);
        assertThat(rt.cloudRun().allowPublicInvoker()).isFalse();
    }

    @Test
    void anAppCannotBeGivenADeployerSecret() {
        var config = base("review");
        config.put("deployerSecretNames", "railway-token");
        config.put("appSecrets", "{\"RAILWAY_TOKEN\":\"railway-token\"}");
        assertThat(problems("pr-42", config))
                .anyMatch(p -> p.startsWith("llm-safe:appSecrets")
                        && p.contains("railway-token")
                        && p.contains("only the deployer reads"));
    }

    @Test
    void secretsMustBeDeclaredAndVariablesNotReserved() {
        var config = base("review");
        config.put("appSecrets", "{\"DATABASE_URL\":\"database-url\",\"API_KEY\":\"api-key\"}");
        config.put("appEnv", "{\"OTEL_SERVICE_NAME\":\"other\",\"1BAD\":\"x\",\"LOG_LEVEL\":\"debug\"}");
        assertThat(problems("pr-42", config))
                .anyMatch(p -> p.startsWith("llm-safe:appSecrets") && p.contains("api-key"))
                .anyMatch(p -> p.startsWith("llm-safe:appEnv = \"OTEL_SERVICE_NAME\""))
                .anyMatch(p -> p.startsWith("llm-safe:appEnv = \"1BAD\""))
                .noneMatch(p -> p.contains("LOG_LEVEL") || p.contains("DATABASE_URL"));
    }

    @Test
    void railwayTokenMustBeASecret() {
        var config = base("review");
        config.put("railwayToken", "plain-token");
        assertThat(problems("pr-42", config))
                .anyMatch(p ->
                        p.startsWith("llm-safe:railwayToken") && p.contains("--secret") && !p.contains("plain-token"));
    }

    @Test
    void reviewOnlyAndRuntimeKeysAreRefusedWhereTheyMeanNothing() {
        var staging = base("staging");
        staging.put("prLabels", "preview:cloudrun");
        assertThat(problems("staging", staging)).anyMatch(p -> p.startsWith("llm-safe:prLabels"));

        var platform = base("platform");
        platform.put("runtimeTarget", "cloudrun");
        assertThat(problems("platform", platform))
                .anyMatch(p -> p.startsWith("llm-safe:runtimeTarget") && p.contains("no app runtime"));
    }

    @Test
    void theEnginePathNeverInventsThePullRequestKeys() {
        var config = base("review");
        config.remove("branch");
        config.remove("commitSha");
        assertThatThrownBy(() -> read("pr-42", config))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("llm-safe:branch = (not set)")
                .hasMessageContaining("llm-safe:commitSha = (not set)");
    }
}
