package dev.llmsafe.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PreviewDatabaseSettingsReaderTest {
    private static Map<String, String> review() {
        var c = ValidConfig.review(42);
        c.put("secretNames", "database-url");
        c.put("deployerSecretNames", "database-password");
        c.put("previewDatabaseInstance", "acme-previews:europe-west4:shop-previews");
        return c;
    }

    private static ConfigProblem onlyProblem(String stack, Map<String, String> config) {
        var e = catchThrowableOfType(InvalidConfigException.class, () -> ValidConfig.read(stack, config));
        assertThat(e).as("expected the config to be rejected").isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    @Test
    void reviewStacksGetTheInstanceAndThePasswordSecretName() {
        assertThat(ValidConfig.read("pr-42", review()).previewDatabase())
                .contains(new PreviewDatabaseSettings("acme-previews:europe-west4:shop-previews", "database-password"));

        var custom = review();
        custom.put("deployerSecretNames", "pg-password");
        custom.put("previewDatabasePasswordSecret", "pg-password");
        assertThat(ValidConfig.read("pr-42", custom).previewDatabase())
                .hasValueSatisfying(db -> assertThat(db.passwordSecret()).isEqualTo("pg-password"));
    }

    @Test
    void offUnlessTheInstanceIsSet() {
        var c = review();
        c.remove("previewDatabaseInstance");
        assertThat(ValidConfig.read("pr-42", c).previewDatabase()).isEmpty();
    }

    @Test
    void theInstanceIsAConnectionNameWithinCloudSqlsLength() {
        for (String bad : new String[] {
            "shop-previews",
            "acme-previews:europe-west4-a:shop-previews",
            "acme-previews:europe-west4:Shop_Previews",
            "acme-previews/europe-west4/shop-previews"
        }) {
            var c = review();
            c.put("previewDatabaseInstance", bad);
            var p = onlyProblem("pr-42", c);
            assertThat(p.key()).isEqualTo("previewDatabaseInstance");
            assertThat(p.describe()).contains("\"" + bad + "\"", "project:region:instance");
        }
        var c = review();
        String tooLong = "acme-previews:europe-west4:s" + "x".repeat(84);
        c.put("previewDatabaseInstance", tooLong);
        assertThat(onlyProblem("pr-42", c).describe()).contains(tooLong, "98");
    }

    @Test
    void thePasswordSecretMustBeDeclared() {
        var c = review();
        c.remove("deployerSecretNames");
        var p = onlyProblem("pr-42", c);
        assertThat(p.key()).isEqualTo("previewDatabasePasswordSecret");
        assertThat(p.describe())
                .contains(
                        "\"database-password\"",
                        "review-database-password",
                        "deployerSecretNames",
                        "gcloud secrets versions add");
    }

    /** Every preview's user has this password: a preview app that could read it could log in as any other. */
    @Test
    void thePasswordSecretIsTheDeployersAloneNeverAnApps() {
        var c = review();
        c.remove("deployerSecretNames");
        c.put("secretNames", "database-url,database-password");
        var p = onlyProblem("pr-42", c);
        assertThat(p.key()).isEqualTo("previewDatabasePasswordSecret");
        assertThat(p.describe()).contains("deployerSecretNames", "remove it from secretNames");
    }

    @Test
    void aPlainDatabaseUrlWouldHaveTwoSources() {
        var c = review();
        c.put("appEnv", "{\"DATABASE_URL\": \"postgresql://localhost/shop\"}");
        var p = onlyProblem("pr-42", c);
        assertThat(p.key()).isEqualTo("appEnv");
        assertThat(p.describe()).contains("DATABASE_URL", "remove it from appEnv");
    }

    @Test
    void onlyReviewStacksTakeThem() {
        for (String kind : new String[] {"platform", "staging", "production"}) {
            var c = ValidConfig.platform();
            c.put("kind", kind);
            c.put("previewDatabaseInstance", "acme-previews:europe-west4:shop-previews");
            var p = onlyProblem(kind, c);
            assertThat(p.key()).isEqualTo("previewDatabaseInstance");
            assertThat(p.describe()).contains("only pull-request (review) stacks");
        }
    }
}
