package dev.llmsafe.policy.rules;

import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.policy.change.ChangeSet;
import dev.llmsafe.policy.change.ChangedFile;
import dev.llmsafe.policy.change.CommitInfo;
import dev.llmsafe.policy.change.FileStatus;
import java.util.List;
import java.util.Set;

/**
 * The policy and changed files the tests of {@link AiAllowedPathsRule} judge, and the rule run on them: shared by
 * {@link AiAllowedPathsRuleTest}, {@link AiAllowedPathsAttackTest} and {@link LinkTargetProperties}.
 */
final class AiAllowedPathsFixtures {
    /** One AI identity, and a protected folder, a file and a file of that name in any folder. */
    static final PolicyFile POLICY =
            Fixtures.policy("aiIdentities: [code-agent]\nprotectedPaths: [.github/**, policy.yaml, \"**/pom.xml\"]\n");

    private AiAllowedPathsFixtures() {}

    static ChangedFile modified(String path) {
        return ChangedFile.builder(FileStatus.MODIFIED, path)
                .oldPath(path)
                .oldMode("100644")
                .newMode("100644")
                .content("x")
                .build();
    }

    static ChangedFile retarget(String link, String target) {
        return ChangedFile.builder(FileStatus.MODIFIED, link)
                .oldPath(link)
                .oldMode(ChangedFile.SYMLINK_MODE)
                .newMode(ChangedFile.SYMLINK_MODE)
                .content(target)
                .build();
    }

    /** The rule's messages on the change {@code a..b} of {@code files} under {@link #POLICY}. */
    static List<String> check(List<ChangedFile> files, List<CommitInfo> commits, Set<String> labels) {
        return Fixtures.messages(
                new AiAllowedPathsRule(), Fixtures.change(POLICY, new ChangeSet("a..b", files, commits, labels)));
    }
}
