package dev.llmsafe.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmsafe.identity.ActorKind;
import dev.llmsafe.policy.change.CommitTrailers;
import dev.llmsafe.policy.input.InputException;
import dev.llmsafe.policy.rules.PreviewCostRule;
import dev.llmsafe.policy.rules.ProviderTargetsRule;
import dev.llmsafe.stack.StackKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFileTest {
    private static final String FULL = String.join(
            "\n",
            "version: 1",
            "rules:",
            "  preview-cost: mandatory",
            "  provider-targets:",
            "    level: advisory",
            "    kinds:",
            "      production: mandatory",
            "      review: disabled",
            "environments: {review: preview, staging: stage, production: prod}",
            "mainBranch: trunk",
            "protectedPaths: [infra/**]",
            "aiIdentities: [code-agent]",
            "aiTrailerPatterns: [\"(?i)robo\"]",
            "aiAgents: [Acme Autopilot]",
            "githubAccounts:",
            "  \"42\": alice",
            "auditRetentionDays: 400",
            "allowPublicReviewInvoker: true",
            "publicInvokerStacks: [production, eu-production]",
            "allowlist:",
            "  - {rule: forbidden-references, path: docs/x.md, reason: history}",
            "suppressions:",
            "  - {rule: preview-cost, target: \"urn:**\", reason: demo, expires: 2030-01-31}",
            "");

    @Test
    void everyKeyIsRead() throws Exception {
        PolicyFile p = PolicyFile.parse(FULL, "policy.yaml");
        assertThat(p.levelFor(new PreviewCostRule(), Optional.empty())).isEqualTo(EnforcementLevel.MANDATORY);
        ProviderTargetsRule targets = new ProviderTargetsRule();
        assertThat(p.levelFor(targets, Optional.of(StackKind.PRODUCTION))).isEqualTo(EnforcementLevel.MANDATORY);
        assertThat(p.levelFor(targets, Optional.of(StackKind.REVIEW))).isEqualTo(EnforcementLevel.DISABLED);
        assertThat(p.levelFor(targets, Optional.of(StackKind.STAGING))).isEqualTo(EnforcementLevel.ADVISORY);
        assertThat(p.levelFor(targets, Optional.empty())).isEqualTo(EnforcementLevel.ADVISORY);
        assertThat(p.environments().all()).containsExactly("preview", "stage", "prod");
        assertThat(p.mainBranch()).isEqualTo("trunk");
        assertThat(p.protectedPaths())
                .as("the file adds to the defaults")
                .containsAll(PolicyFile.DEFAULT_PROTECTED_PATHS)
                .contains("infra/**")
                .hasSize(PolicyFile.DEFAULT_PROTECTED_PATHS.size() + 1);
        assertThat(p.login(42)).isEqualTo("alice");
        assertThat(p.login(43)).isEqualTo("43");
        assertThat(p.auditRetentionDays()).isEqualTo(400);
        assertThat(p.allowPublicReviewInvoker()).isTrue();
        assertThat(p.publicInvokerStacks()).containsExactly("production", "eu-production");
        assertThat(p.allowlist())
                .singleElement()
                .satisfies(a -> assertThat(a.reason()).isEqualTo("history"));
        assertThat(p.suppressions())
                .singleElement()
                .satisfies(s -> assertThat(s.expires()).isEqualTo(LocalDate.of(2030, 1, 31)));
    }

    @Test
    void theClassifierUsesTheFilesIdentitiesAndTrailerPatterns() throws Exception {
        var classifier = PolicyFile.parse(FULL, "policy.yaml").classifier();
        assertThat(classifier.classify("Code-Agent")).isEqualTo(ActorKind.AI);
        assertThat(classifier.classify("alice")).isEqualTo(ActorKind.HUMAN);
        assertThat(classifier.aiTrailer(CommitTrailers.parse("x\n\nCo-authored-by: RoboCoder <r@x.io>")))
                .isPresent();
        assertThat(classifier.aiTrailer(CommitTrailers.parse("x\n\nCo-authored-by: ops[bot] <b@x.io>")))
                .as("configured patterns replace the default patterns")
                .isEmpty();
        assertThat(classifier.aiTrailer(CommitTrailers.parse("x\n\nCo-authored-by: Claude <noreply@anthropic.com>")))
                .as("the built-in agents stay")
                .isPresent();
        assertThat(classifier.isAgent("ACME autopilot <a@x.io>"))
                .as("aiAgents add to them")
                .isTrue();
        assertThat(PolicyFile.defaults().classifier().isAgent("ACME autopilot")).isFalse();
        assertThat(PolicyFile.defaults()
                        .classifier()
                        .aiTrailer(CommitTrailers.parse("x\n\nCo-authored-by: Claude <c@x>")))
                .isPresent();
    }

    @Test
    void anEmptyFileMeansDefaults() throws Exception {
        PolicyFile p = PolicyFile.parse("# nothing yet\n", "policy.yaml");
        assertThat(p.protectedPaths()).isEqualTo(PolicyFile.DEFAULT_PROTECTED_PATHS);
        assertThat(p.source()).isEqualTo("policy.yaml");
    }

    /** Whatever a policy file lists, the built-in protected paths stay: a file adds to them, never removes. */
    @Property(tries = 1000)
    void aPolicyFileNeverRemovesADefaultProtectedPath(
            @ForAll @Size(max = 6)
                    List<
                                    @StringLength(min = 1, max = 30) @AlphaChars @NumericChars
                                    @Chars({'*', '/', '.', '-', '_', ' ', '?', '\\', 'Ｐ', 'ı'}) String>
                            listed)
            throws Exception {
        String yaml = "protectedPaths: " + new ObjectMapper().writeValueAsString(listed) + "\n";
        try {
            PolicyFile p = PolicyFile.parse(yaml, "policy.yaml");
            assertThat(p.protectedPaths()).containsAll(PolicyFile.DEFAULT_PROTECTED_PATHS);
        } catch (InputException e) {
            assertThat(e).hasMessageContaining("protectedPaths: entries must be non-empty strings");
        }
    }

    @Test
    void everyProblemIsListedWithItsLineAndFix() {
        String bad = String.join(
                "\n",
                "version: 2",
                "rules:",
                "  no-such-rule: mandatory",
                "  preview-cost: sometimes",
                "  provider-targets: {kinds: {sandbox: advisory}}",
                "protectedPaths: pom.xml",
                "aiTrailerPatterns: [\"(unclosed\"]",
                "githubAccounts: {alice: \"42\"}",
                "auditRetentionDays: -1",
                "suppressions:",
                "  - rule: preview-cost",
                "    target: x",
                "    expires: 2025-13-01",
                "colour: blue",
                "publicInvokerStacks: [\"prod uction\"]",
                "");
        assertThatThrownBy(() -> PolicyFile.parse(bad, "policy.yaml"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("line 14: colour: unknown key")
                .hasMessageContaining("line 1: version: is '2'; only version 1 exists")
                .hasMessageContaining("line 3: rules.no-such-rule: no such rule")
                .hasMessageContaining(
                        "line 4: rules.preview-cost: is 'sometimes'; use one of mandatory, advisory, disabled")
                .hasMessageContaining("line 5: rules.provider-targets.kinds.sandbox: no such stack kind")
                .hasMessageContaining("line 6: protectedPaths: must be a list of strings")
                .hasMessageContaining("aiTrailerPatterns: '(unclosed' is not a regular expression")
                .hasMessageContaining("githubAccounts.alice: keys are numeric user ids")
                .hasMessageContaining("line 9: auditRetentionDays: is '-1'")
                .hasMessageContaining("suppressions.reason: required: why the finding is accepted for now")
                .hasMessageContaining("line 13: suppressions.expires: is '2025-13-01'; use YYYY-MM-DD")
                .hasMessageContaining("line 15: publicInvokerStacks: 'prod uction' is not a Pulumi stack name");
    }

    @Test
    void expiredSuppressionsCannotThemselvesBeExcepted() {
        assertThatThrownBy(() -> PolicyFile.parse(
                        "allowlist:\n  - {rule: suppression-expiry, path: policy.yaml, reason: x}\n", "policy.yaml"))
                .hasMessageContaining("line 2: allowlist.rule: suppression-expiry cannot be excepted");
    }

    @Test
    void malformedYamlAndDuplicateKeysAreInputErrors() {
        assertThatThrownBy(() -> PolicyFile.parse("rules: [\n", "policy.yaml"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("policy.yaml: ")
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> PolicyFile.parse("mainBranch: main\nmainBranch: dev\n", "policy.yaml"))
                .hasMessageContaining("line 2: duplicate key 'mainBranch' (first at line 1)");
        assertThatThrownBy(() -> PolicyFile.parse("- a\n- b\n", "policy.yaml"))
                .hasMessageContaining("must be a YAML mapping");
    }

    @Test
    void loadingAMissingFileSaysHowToFixIt(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> PolicyFile.load(dir.resolve("policy.yaml")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("no such policy file");
        Files.writeString(dir.resolve("policy.yaml"), "aiIdentities: [bot-7]\n");
        assertThat(PolicyFile.load(dir.resolve("policy.yaml")).aiIdentities()).containsExactly("bot-7");
    }
}
