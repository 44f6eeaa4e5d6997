package dev.llmsafe.policy.rules;

import static dev.llmsafe.policy.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.policy.Verdict;
import dev.llmsafe.policy.workflow.WorkflowReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalActionsRuleTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private final LocalActionsRule rule = new LocalActionsRule();

    @TempDir
    Path repo;

    private PolicyInput workflow(String steps) throws Exception {
        Path workflows = Files.createDirectories(repo.resolve(".github/workflows"));
        Files.writeString(
                workflows.resolve("ci.yml"),
                "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n" + steps);
        Path action = Files.createDirectories(repo.resolve(".github/actions/setup"));
        Files.writeString(
                action.resolve("action.yml"),
                "name: setup\nruns:\n  using: composite\n  steps:\n" + "    - run: echo set up\n      shell: bash\n");
        return PolicyInput.builder(PolicyFile.defaults())
                .workflows(WorkflowReader.read(workflows, ".github/workflows", repo))
                .today(Fixtures.TODAY)
                .build();
    }

    @Test
    void workflowsCallingNoLocalActionAreNotApplicable() throws Exception {
        Verdict none = verdict(rule, workflow("      - uses: actions/checkout@" + SHA + "\n"));
        assertThat(none.status()).isEqualTo(Verdict.Status.NOT_APPLICABLE);
        assertThat(none.note()).isEqualTo("no local actions or reusable workflows that workflows call to judge");
    }

    @Test
    void aCommittedCompositeActionPasses() throws Exception {
        Verdict composite = verdict(rule, workflow("      - uses: ./.github/actions/setup\n"));
        assertThat(composite.status()).isEqualTo(Verdict.Status.PASS);
        assertThat(composite.judged()).isEqualTo(1);
    }

    @Test
    void anActionThatIsNotInTheRepositoryFails() throws Exception {
        Verdict missing = verdict(rule, workflow("      - uses: ./.github/actions/absent\n"));
        assertThat(missing.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(missing.findings()).singleElement().asString().contains("cannot be judged");
    }
}
