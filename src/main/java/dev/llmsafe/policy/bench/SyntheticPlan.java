package dev.llmsafe.policy.bench;

import dev.llmsafe.components.ComponentTypes;
import dev.llmsafe.plan.PlanDocument;
import dev.llmsafe.plan.PlannedResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A plan of any size shaped like a real review stack of this project: components with buckets, service
 * accounts, IAM members, Secret Manager secrets, Cloud Run services with secret references, GitHub
 * environments and Railway services, with nested inputs. Deterministic for a seed.
 */
public final class SyntheticPlan {
    private static final String PROJECT = "llm-safe";
    private static final String STACK = "pr-42";

    private SyntheticPlan() {}

    public static PlanDocument generate(int resources, long seed) {
        Random random = new Random(seed);
        List<PlannedResource> out = new ArrayList<>(resources);
        String stackUrn = urn(List.of("pulumi:pulumi:Stack"), PROJECT + "-" + STACK);
        for (int i = 0; out.size() < resources; i++) {
            String component = ComponentTypes.of(i % 7 == 0 ? "StateBackend" : i % 7 == 1 ? "AuditTrail" : "Preview");
            String name = "c" + i;
            String componentUrn = urn(List.of(component), name);
            out.add(PlannedResource.builder("create", component, name, componentUrn)
                    .parent(stackUrn)
                    .build());
            for (int k = 0; k < 9 && out.size() < resources; k++) {
                out.add(child(component, componentUrn, name + "-" + k, k, random));
            }
        }
        return PlanDocument.builder()
                .source("offline")
                .project(PROJECT)
                .stack(STACK)
                .kind("review")
                .resources(out)
                .outputs(Map.of("url", "https://pr-42.example"))
                .build();
    }

    private static PlannedResource child(String component, String parent, String name, int k, Random random) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("project", "acme-shop-prod");
        in.put("labels", Map.of("managed-by", "llm-safe", "pr", "42", "app", "shop", "stack", STACK));
        String type;
        switch (k) {
            case 0:
                type = "gcp:storage/bucket:Bucket";
                in.put("name", name + "-" + random.nextInt(1_000_000));
                in.put("location", "EU");
                in.put("uniformBucketLevelAccess", true);
                in.put("publicAccessPrevention", "enforced");
                in.put("versioning", Map.of("enabled", true));
                in.put("retentionPolicy", Map.of("retentionPeriod", 31_536_000.0, "isLocked", false));
                in.put(
                        "lifecycleRules",
                        List.of(Map.of(
                                "action",
                                Map.of("type", "Delete"),
                                "condition",
                                Map.of("daysSinceNoncurrentTime", 30.0, "withState", "ARCHIVED"))));
                break;
            case 1:
                type = "gcp:serviceaccount/account:Account";
                in.put("accountId", "shop-run-" + random.nextInt(10_000));
                in.put("displayName", "llm-safe runtime (review)");
                break;
            case 2:
                type = "gcp:projects/iAMMember:IAMMember";
                in.put("role", "roles/logging.logWriter");
                in.put(
                        "member",
                        "serviceAccount:shop-run-" + random.nextInt(10_000)
                                + "@acme-shop-prod.iam.gserviceaccount.com");
                break;
            case 3:
                type = "gcp:secretmanager/secret:Secret";
                in.put("secretId", "review-secret-" + random.nextInt(10_000));
                in.put("replication", Map.of("auto", Map.of()));
                break;
            case 4:
                type = "gcp:secretmanager/secretIamMember:SecretIamMember";
                in.put("secretId", "review-database-url");
                in.put("role", "roles/secretmanager.secretAccessor");
                in.put("member", "serviceAccount:shop-run-review@acme-shop-prod.iam.gserviceaccount.com");
                break;
            case 5:
                type = "gcp:cloudrunv2/service:Service";
                in.put("location", "europe-west4");
                in.put("ingress", "INGRESS_TRAFFIC_ALL");
                in.put(
                        "template",
                        Map.of(
                                "scaling",
                                Map.of("minInstanceCount", 0.0, "maxInstanceCount", 2.0),
                                "serviceAccount",
                                "shop-run-review@acme-shop-prod.iam.gserviceaccount.com",
                                "containers",
                                List.of(Map.of(
                                        "image",
                                        "europe-docker.pkg.dev/acme/shop/app@sha256:" + "ab".repeat(32),
                                        "envs",
                                        List.of(
                                                Map.of(
                                                        "name",
                                                        "DATABASE_URL",
                                                        "valueSource",
                                                        Map.of(
                                                                "secretKeyRef",
                                                                Map.of(
                                                                        "secret",
                                                                        "review-database-url",
                                                                        "version",
                                                                        "latest"))),
                                                Map.of("name", "PR", "value", "42"))))));
                break;
            case 6:
                type = "gcp:cloudrunv2/serviceIamMember:ServiceIamMember";
                in.put("role", "roles/run.invoker");
                in.put("member", "group:reviewers@acme.example");
                break;
            case 7:
                type = "railway:index/service:Service";
                in.put("name", "app-" + random.nextInt(100_000));
                in.put("sourceRepo", "acme/shop");
                in.put("sourceRepoBranch", "feature/" + random.nextInt(1000));
                in.put("regions", List.of(Map.of("region", "europe-west4-drams3a", "numReplicas", 1.0)));
                break;
            default:
                type = "railway:index/variable:Variable";
                in.put("name", "DATABASE_URL");
                in.put("value", PlannedResource.SECRET);
                in.put("environmentId", PlannedResource.UNKNOWN);
                in.put("serviceId", PlannedResource.UNKNOWN);
        }
        String urn = urn(List.of(component, type), name);
        String provider = "urn:pulumi:" + STACK + "::" + PROJECT + "::pulumi:providers:"
                + type.substring(0, type.indexOf(':')) + "::default::" + PlannedResource.UNKNOWN;
        return PlannedResource.builder("create", type, name, urn)
                .parent(parent)
                .provider(provider)
                .custom(true)
                .inputs(in)
                .build();
    }

    private static String urn(List<String> types, String name) {
        return "urn:pulumi:" + STACK + "::" + PROJECT + "::" + String.join("$", types) + "::" + name;
    }
}
