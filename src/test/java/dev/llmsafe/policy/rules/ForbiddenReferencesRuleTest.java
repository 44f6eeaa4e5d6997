package dev.llmsafe.policy.rules;

import static dev.llmsafe.policy.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.policy.PolicyEngine;
import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.policy.Verdict;
import dev.llmsafe.policy.change.ChangeSet;
import dev.llmsafe.policy.change.ChangedFile;
import dev.llmsafe.policy.change.FileStatus;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ForbiddenReferencesRuleTest {
    private final ForbiddenReferencesRule rule = new ForbiddenReferencesRule();

    private static ChangeSet change(String path, String content) {
        return new ChangeSet(
                "a..b",
                List.of(ChangedFile.builder(FileStatus.ADDED, path)
                        .newMode("100644")
                        .content(content)
                        .build()),
                List.of(),
                Set.of());
    }

    private List<Finding> check(String content) {
        return rule.check(Fixtures.change(PolicyFile.defaults(), change("src/App.java", content)));
    }

    @Test
    void gcpCodeAndProseMentioningTheCloudsPass() {
        assertThat(check("// runs on GCP, not AWS; no HashiCorp Vault either\nvar bucket = new Bucket(\"x\");\n"
                        + "String vault = \"review-vault-name\";\n"))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "export AWS_SECRET_ACCESS_KEY=x",
                "key = \"AKIAIOSFODNN7EXAMPLE\"",
                "import boto3",
                "<groupId>software.amazon.awssdk</groupId>",
                "https://s3.eu-west-1.amazonaws.com/bucket",
                "uses: aws-actions/configure-aws-credentials@v4",
                "new aws.s3.Bucket() // aws:s3/bucket:Bucket",
                "arn:aws:iam::123456789012:role/x",
                "VAULT_TOKEN: ${{ secrets.V }}",
                "uses: hashicorp/vault-action@v3",
                "token = \"hvs.CAESIJlU9JMYEhOPYv4igdhm9PnZDrabYPobQ4ymnlxn\"",
                "implementation 'org.springframework.vault:spring-vault-core'",
                "\"@pulumi/vault\": \"6.0.0\"",
                "type: vault:generic/secret:Secret"
            })
    void eachKindOfReferenceFailsWithItsLine(String line) {
        List<Finding> found = check("package x;\n\n" + line + "\n");
        assertThat(found).isNotEmpty().allSatisfy(f -> {
            assertThat(f.location().path()).isEqualTo("src/App.java");
            assertThat(f.location().line()).isEqualTo(3);
        });
    }

    @Test
    void workflowsGivenOnTheirOwnAreScannedToo() {
        var workflow = Fixtures.workflow("deploy.yml", "on: push\njobs:\n  x:\n    env:\n      AWS_PROFILE: prod\n");
        assertThat(rule.check(Fixtures.workflows(PolicyFile.defaults(), workflow)))
                .singleElement()
                .satisfies(f -> assertThat(f.location().display()).isEqualTo(".github/workflows/deploy.yml:5"));
    }

    @Test
    void anAllowlistedFileIsExceptedWithItsReasonAndOthersAreNot() {
        PolicyFile policy = Fixtures.policy("allowlist:\n  - rule: forbidden-references\n    path: docs/migration/**\n"
                + "    reason: explains how the old deployment was moved off that cloud\n");
        ChangeSet change = new ChangeSet(
                "a..b",
                List.of(
                        ChangedFile.builder(FileStatus.ADDED, "docs/migration/from-aws.md")
                                .newMode("100644")
                                .content("AWS_REGION was eu-west-1")
                                .build(),
                        ChangedFile.builder(FileStatus.ADDED, "docs/other.md")
                                .newMode("100644")
                                .content("AWS_REGION")
                                .build()),
                List.of(),
                Set.of());
        Verdict verdict = PolicyEngine.withAllRules().evaluate(Fixtures.change(policy, change)).verdicts().stream()
                .filter(v -> v.rule().id().equals(rule.id()))
                .findFirst()
                .orElseThrow();
        assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(verdict.findings())
                .singleElement()
                .satisfies(f -> assertThat(f.location().path()).isEqualTo("docs/other.md"));
        assertThat(verdict.excepted()).singleElement().satisfies(e -> {
            assertThat(e.how()).isEqualTo("allowlisted");
            assertThat(e.reason()).startsWith("explains how");
        });
    }

    @Test
    void aFileFullOfReferencesIsCappedWithANote() {
        List<Finding> found = check("AWS_PROFILE\n".repeat(50));
        assertThat(found).hasSize(21);
        assertThat(found.get(20).message()).contains("more than 20 AWS or Vault references");
    }

    @Test
    void aChangeOfOnlyDeletionsIsNotApplicableAndACleanFilePasses() {
        ChangeSet deletion = new ChangeSet(
                "a..b",
                List.of(ChangedFile.builder(FileStatus.DELETED, "aws.tf")
                        .oldPath("aws.tf")
                        .oldMode("100644")
                        .build()),
                List.of(),
                Set.of());
        Verdict none = verdict(rule, Fixtures.change(PolicyFile.defaults(), deletion));
        assertThat(none.status()).isEqualTo(Verdict.Status.NOT_APPLICABLE);
        assertThat(none.note()).isEqualTo("no files or workflows to judge");
        Verdict clean = verdict(rule, Fixtures.change(PolicyFile.defaults(), change("src/App.java", "class App {}\n")));
        assertThat(clean.status()).isEqualTo(Verdict.Status.PASS);
        assertThat(clean.judged()).isEqualTo(1);
    }
}
