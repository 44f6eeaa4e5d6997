package dev.llmsafe.policy;

import dev.llmsafe.plan.PlanDocument;
import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.policy.change.ChangeSet;
import dev.llmsafe.policy.workflow.Workflow;
import dev.llmsafe.policy.workflow.WorkflowReader;
import dev.llmsafe.policy.workflow.WorkflowSet;
import dev.llmsafe.stack.StackKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds plans, changes and workflows for rule tests: resources as a provider would receive them. */
public final class Fixtures {
    public static final String STACK = "pr-7";
    public static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    /**
     * The shape of a Google service-account key file, with a truncated, meaningless key (the PEM marker is
     * assembled so that no scanner mistakes this source for a leaked key).
     */
    public static final String SERVICE_ACCOUNT_KEY_FILE =
            "{\"type\":\"service_account\",\"project_id\":\"acme-shop-prod\","
                    + "\"private_key_id\":\"0123456789abcdef\",\"private_key\":\"-----BEGIN "
                    + "PRIVATE KEY-----\\nMIIEvQIBADANBg"
                    + "\\n-----END "
                    + "PRIVATE KEY-----\\n\",\"client_email\":\"ci@acme-shop-prod.iam.gserviceaccount.com\"}";

    private Fixtures() {}

    public static String urn(String stack, List<String> typeChain, String name) {
        return "urn:pulumi:" + stack + "::llm-safe::" + String.join("$", typeChain) + "::" + name;
    }

    /** A resource created at the top of the stack. */
    public static PlannedResource resource(String type, String name, Map<String, Object> inputs) {
        return PlannedResource.builder("create", type, name, urn(STACK, List.of(type), name))
                .custom(true)
                .inputs(inputs)
                .build();
    }

    /** A resource created as a child of a component. */
    public static PlannedResource child(
            String componentType, String componentName, String type, String name, Map<String, Object> inputs) {
        String parent = urn(STACK, List.of(componentType), componentName);
        return PlannedResource.builder("create", type, name, urn(STACK, List.of(componentType, type), name))
                .parent(parent)
                .custom(true)
                .inputs(inputs)
                .build();
    }

    public static PlannedResource withOp(PlannedResource r, String op) {
        return r.toBuilder().op(op).build();
    }

    public static PlanDocument plan(StackKind kind, PlannedResource... resources) {
        return PlanDocument.builder()
                .source("offline")
                .project("llm-safe")
                .stack(kind == StackKind.REVIEW ? STACK : kind.configValue())
                .kind(kind.configValue())
                .resources(List.of(resources))
                .build();
    }

    public static PolicyInput input(StackKind kind, PlannedResource... resources) {
        return input(PolicyFile.defaults(), kind, resources);
    }

    public static PolicyInput input(PolicyFile policy, StackKind kind, PlannedResource... resources) {
        return PolicyInput.builder(policy)
                .plan(PlanView.of(plan(kind, resources)))
                .today(TODAY)
                .build();
    }

    public static PolicyInput change(PolicyFile policy, ChangeSet change) {
        return PolicyInput.builder(policy).change(change).today(TODAY).build();
    }

    public static PolicyInput workflows(PolicyFile policy, Workflow... workflows) {
        return PolicyInput.builder(policy)
                .workflows(new WorkflowSet(".github/workflows", List.of(workflows)))
                .today(TODAY)
                .build();
    }

    public static Workflow workflow(String name, String yaml) {
        try {
            return WorkflowReader.parse(yaml, ".github/workflows/" + name);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static PolicyFile policy(String yaml) {
        try {
            return PolicyFile.parse(yaml, "policy.yaml");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A map from alternating keys and values; nulls allowed (unlike Map.of). */
    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    public static List<Object> list(Object... items) {
        return new ArrayList<>(List.of(items));
    }

    /** The engine's verdict of one rule on the input, for assertions on its status, note and count. */
    public static Verdict verdict(Rule rule, PolicyInput input) {
        return new PolicyEngine(List.of(rule)).evaluate(input).verdicts().get(0);
    }

    /** The messages of a rule's findings, for assertions. */
    public static List<String> messages(Rule rule, PolicyInput input) {
        return rule.check(input).stream().map(Finding::message).toList();
    }
}
