package dev.llmsafe.policy.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.policy.PolicyEngine;
import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.policy.PolicyReport;
import dev.llmsafe.policy.Verdict;
import dev.llmsafe.policy.input.InputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Workflows of any shape end in a verdict or an input error naming the file, never another exception. */
class HostileWorkflowProperties {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String[] KEYS = {
        "on",
        "jobs",
        "steps",
        "run",
        "uses",
        "with",
        "permissions",
        "environment",
        "needs",
        "env",
        "strategy",
        "matrix",
        "container",
        "services",
        "image",
        "name",
        "id-token",
        "contents",
        "pull_request_target",
        "workflow_dispatch",
        "inputs",
        "options",
        "command",
        "stack-name",
        "script",
        "credentials_json"
    };
    private static final String[] VALUES = {
        "pulumi up --stack production",
        "pulumi up -s ${{ matrix.stack }}",
        "pulumi stack select staging && pulumi up",
        "write",
        "read",
        "write-all",
        "staging",
        "production",
        "google-github-actions/auth@v2",
        "pulumi/actions@v5",
        "docker://x",
        "./local",
        "${{ github.event.issue.title }}",
        "${{ secrets.KEY_JSON }}",
        "up",
        "$STACK",
        "${{ inputs.stack }}",
        "",
        "AWS_PROFILE",
        "\u0000",
        "'",
        "\"",
        "a@b"
    };

    @Property(tries = 1000)
    void anyWorkflowEndsInAVerdictOrAnInputError(@ForAll("workflows") String yaml) {
        Workflow workflow;
        try {
            workflow = WorkflowReader.parse(yaml, ".github/workflows/x.yml");
        } catch (InputException e) {
            assertThat(e.getMessage()).startsWith(".github/workflows/x.yml: ");
            return;
        }
        PolicyReport report = PolicyEngine.withAllRules().evaluate(Fixtures.workflows(PolicyFile.defaults(), workflow));
        assertThat(report.verdicts()).noneMatch(v -> v.status() == Verdict.Status.ERROR);
    }

    @Provide
    static Arbitrary<String> workflows() {
        return Arbitraries.longs().map(seed -> {
            Random r = new Random(seed);
            try {
                String text = YAML.writeValueAsString(node(r, 0));
                return r.nextInt(10) == 0 ? text.substring(0, r.nextInt(text.length() + 1)) : text;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    private static Object node(Random r, int depth) {
        int pick = depth > 6 ? 0 : r.nextInt(depth < 2 ? 3 : 4);
        if (pick == 0 || pick == 3 && r.nextBoolean()) {
            return r.nextInt(8) == 0 ? null : VALUES[r.nextInt(VALUES.length)];
        }
        if (pick == 2) {
            List<Object> list = new ArrayList<>();
            for (int i = 0, n = r.nextInt(4); i < n; i++) {
                list.add(node(r, depth + 1));
            }
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0, n = 1 + r.nextInt(5); i < n; i++) {
            map.put(KEYS[r.nextInt(KEYS.length)], node(r, depth + 1));
        }
        return map;
    }
}
