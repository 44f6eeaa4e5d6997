package dev.llmsafe.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Look-ups into a plan for tests. */
public final class Plans {
    private Plans() {}

    public static List<PlannedResource> ofType(PlanDocument plan, String type) {
        return plan.resources().stream().filter(r -> r.type().equals(type)).toList();
    }

    public static PlannedResource only(PlanDocument plan, String type) {
        var matches = ofType(plan, type);
        assertThat(matches).as("exactly one %s", type).hasSize(1);
        return matches.get(0);
    }

    public static PlannedResource named(PlanDocument plan, String name) {
        var matches =
                plan.resources().stream().filter(r -> r.name().equals(name)).toList();
        assertThat(matches).as("exactly one resource named %s", name).hasSize(1);
        return matches.get(0);
    }
}
