package dev.llmsafe.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/policies.md lists every registered rule, in order, with its current description and default level. */
class PoliciesDocTest {
    private static final Pattern SECTION =
            Pattern.compile("(?m)^### `([a-z-]+)`\\n\\n\\*\\*Default level:\\*\\* ([a-z]+)\\. (.+)$");
    private static final Pattern TABLE_ROW =
            Pattern.compile("(?m)^\\| `([a-z-]+)` \\| ([a-z]+) \\| ([a-z, ]+) \\| ([^|]+) \\|$");

    private static String doc() throws Exception {
        Path project = Path.of(System.getProperty("llmsafe.projectDir", "."));
        return Files.readString(project.resolve("docs/policies.md"));
    }

    @Test
    void everyRuleHasASectionWithItsDescriptionAndLevel() throws Exception {
        Matcher m = SECTION.matcher(doc());
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            Rule rule = RuleRegistry.all().stream()
                    .filter(r -> r.id().equals(m.group(1)))
                    .findFirst()
                    .orElseThrow(() ->
                            new AssertionError("docs/policies.md documents " + m.group(1) + ", which is no rule"));
            assertThat(m.group(2)).as(rule.id()).isEqualTo(rule.defaultLevel().value());
            assertThat(m.group(3)).as(rule.id()).isEqualTo(rule.description());
            ids.add(m.group(1));
        }
        assertThat(ids).containsExactlyElementsOf(RuleRegistry.ids());
    }

    @Test
    void theJsonStatusesAreTheVerdictsStatuses() throws Exception {
        Matcher m = Pattern.compile("`status` is one of ([^;]+);").matcher(doc());
        assertThat(m.find()).as("docs/policies.md lists the JSON statuses").isTrue();
        assertThat(quoted(m.group(1)))
                .containsExactlyElementsOf(Arrays.stream(Verdict.Status.values())
                        .map(Verdict.Status::value)
                        .toList());
    }

    @Test
    void theBuiltInAiAgentsAreListed() throws Exception {
        Matcher m = Pattern.compile("(?m)^\\| `aiAgents` \\| the built-in agents: ([^|]+) \\|")
                .matcher(doc());
        assertThat(m.find()).as("docs/policies.md has an aiAgents row").isTrue();
        assertThat(List.of(m.group(1).strip().split(", ")))
                .containsExactlyElementsOf(dev.llmsafe.identity.ActorClassifier.DEFAULT_AI_AGENTS);
    }

    @Test
    void theDefaultProtectedPathsAreTheEnginesList() throws Exception {
        Matcher row =
                Pattern.compile("(?m)^\\| `protectedPaths` \\| ([^|]+) \\|").matcher(doc());
        assertThat(row.find()).as("docs/policies.md has a protectedPaths row").isTrue();
        List<String> documented = Pattern.compile("`([^`]+)`")
                .matcher(row.group(1))
                .results()
                .map(m -> m.group(1))
                .toList();
        assertThat(documented).containsExactlyElementsOf(PolicyFile.DEFAULT_PROTECTED_PATHS);
    }

    private static List<String> quoted(String text) {
        return Pattern.compile("`([^`]+)`")
                .matcher(text)
                .results()
                .map(m -> m.group(1))
                .toList();
    }

    @Test
    void theSecretReadingRolesAndPrivateAclsAreTheRulesLists() throws Exception {
        String doc = doc();
        Matcher reading =
                Pattern.compile("(?m)^\\| (`roles/owner`[^|]+) \\| they hold").matcher(doc);
        assertThat(reading.find())
                .as("docs/policies.md has the secret-reading roles row")
                .isTrue();
        assertThat(quoted(reading.group(1)))
                .containsExactlyElementsOf(dev.llmsafe.policy.rules.PreviewBoundaryRule.SECRET_READING_ROLES);
        Matcher other = Pattern.compile("(?m)^\\| every other `roles/secretmanager\\.\\*` role except ([^|]+) \\|")
                .matcher(doc);
        assertThat(other.find())
                .as("docs/policies.md has the non-reading Secret Manager roles")
                .isTrue();
        assertThat(quoted(other.group(1)))
                .containsExactlyElementsOf(dev.llmsafe.policy.rules.PreviewBoundaryRule.NON_READING_SECRET_ROLES);
        Matcher acls =
                Pattern.compile("anything but the private ACLs:\\s+([^.]+)\\.").matcher(doc);
        assertThat(acls.find()).as("docs/policies.md lists the private ACLs").isTrue();
        assertThat(quoted(acls.group(1)))
                .containsExactlyElementsOf(dev.llmsafe.policy.rules.PublicAccessRule.PRIVATE_ACLS);
    }

    @Test
    void theSummaryTableMatchesTheRules() throws Exception {
        Matcher m = TABLE_ROW.matcher(doc());
        List<String> rows = new ArrayList<>();
        while (m.find()) {
            rows.add(m.group(1) + " " + m.group(2) + " judges " + m.group(4));
        }
        assertThat(rows)
                .as("rule, level and what it judges (none of it: not applicable)")
                .containsExactlyElementsOf(RuleRegistry.all().stream()
                        .map(r -> r.id() + " " + r.defaultLevel().value() + " judges " + r.judges())
                        .toList());
        for (Rule r : RuleRegistry.all()) {
            assertThat(r.category().name().toLowerCase(Locale.ROOT)).isIn("plan", "change", "gate", "policy");
        }
    }

    @Test
    void theOldIdsTableIsTheRegistrysAliases() throws Exception {
        Matcher m = Pattern.compile("(?m)^\\| `([a-z-]+)` \\| ((?:`[a-z-]+`(?:, )?)+) \\|$")
                .matcher(doc());
        Map<String, List<String>> documented = new LinkedHashMap<>();
        while (m.find()) {
            documented.put(m.group(1), quoted(m.group(2)));
        }
        assertThat(documented).as("docs/policies.md's table of old ids").isEqualTo(RuleRegistry.aliases());
    }
}
