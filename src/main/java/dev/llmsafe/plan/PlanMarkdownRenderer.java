package dev.llmsafe.plan;

import java.util.Map;
import java.util.TreeMap;

/** The plan for a PR comment or job summary: counts by type, the resource table, then outputs. */
public final class PlanMarkdownRenderer {
    private PlanMarkdownRenderer() {}

    public static String render(PlanDocument plan) {
        StringBuilder out = new StringBuilder();
        out.append("### Plan for `")
                .append(plan.stack())
                .append("` (")
                .append(plan.kind())
                .append(")\n\n");
        Map<String, Integer> byType = new TreeMap<>();
        plan.resources().forEach(r -> byType.merge(r.type(), 1, Integer::sum));
        out.append("| type | count |\n|---|---|\n");
        byType.forEach(
                (t, n) -> out.append("| `").append(t).append("` | ").append(n).append(" |\n"));
        out.append("\n<details><summary>").append(plan.resources().size()).append(" resources</summary>\n\n");
        out.append("| op | type | name |\n|---|---|---|\n");
        plan.resources()
                .forEach(r -> out.append("| ")
                        .append(r.op())
                        .append(" | `")
                        .append(r.type())
                        .append("` | `")
                        .append(cell(r.name()))
                        .append("` |\n"));
        out.append("\n</details>\n\n**Outputs**\n\n| output | value |\n|---|---|\n");
        plan.outputs()
                .forEach((k, v) -> out.append("| `")
                        .append(k)
                        .append("` | `")
                        .append(cell(PlanTextRenderer.inline(v)))
                        .append("` |\n"));
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("`", "'").replace("\n", " ");
    }
}
