package dev.llmsafe.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random JSON values drawn from the words plans use, for property tests of the readers. */
final class RandomJson {
    static final String[] KEYS = {
        "steps",
        "op",
        "urn",
        "newState",
        "oldState",
        "type",
        "inputs",
        "parent",
        "provider",
        "custom",
        "protect",
        "resources",
        "formatVersion",
        "source",
        "project",
        "stack",
        "kind",
        "outputs",
        "name",
        "config",
        "diagnostics",
        "severity",
        "message",
        "__defaults",
        "4dabf18193072939515e22adb298388d",
        "member",
        "members",
        "role",
        "attributeCondition",
        "template",
        "secretKeyRef",
        "secret",
        "labels",
        "reviewers",
        "users",
        "environment",
        "retentionPolicy",
        "retentionPeriod",
        "isLocked",
        "regions",
        "numReplicas",
        "bypassActors"
    };
    static final String[] STRINGS = {
        "create",
        "same",
        "delete",
        "update",
        "replace",
        "read",
        "discard",
        "",
        "urn:pulumi:pr-1::llm-safe::gcp:storage/bucket:Bucket::b",
        "urn:pulumi:s::p::llmsafe:components:AuditTrail$gcp:storage/bucket:Bucket::a",
        "urn:pulumi:",
        "urn:pulumi:a::b::::c",
        "gcp:storage/bucket:Bucket",
        "aws:s3/bucket:Bucket",
        "review",
        "staging",
        "production",
        "allUsers",
        "*",
        "[secret]",
        "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
        "projects/p/secrets/production-x",
        "github:index/repositoryEnvironment:RepositoryEnvironment",
        "gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider",
        "gcp:cloudrunv2/service:Service",
        "railway:index/service:Service",
        "a/b",
        ":",
        "$",
        "::",
        "\u0000",
        "é\u202E"
    };

    private RandomJson() {}

    static JsonNode value(Random r, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        int pick = depth > 5 ? r.nextInt(6) : r.nextInt(9);
        switch (pick) {
            case 0:
                return f.nullNode();
            case 1:
                return f.booleanNode(r.nextBoolean());
            case 2:
                return r.nextBoolean() ? f.numberNode(r.nextInt(5) - 1) : f.numberNode(r.nextDouble() * 1e9);
            case 3:
            case 4:
                return f.textNode(STRINGS[r.nextInt(STRINGS.length)]);
            case 5:
                return f.textNode(Long.toString(r.nextLong(), 36));
            case 6:
            case 7: {
                ObjectNode o = f.objectNode();
                int n = r.nextInt(6);
                for (int i = 0; i < n; i++) {
                    o.set(KEYS[r.nextInt(KEYS.length)], value(r, depth + 1));
                }
                return o;
            }
            default: {
                ArrayNode a = f.arrayNode();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    a.add(value(r, depth + 1));
                }
                return a;
            }
        }
    }

    /** Replaces, removes or adds one value somewhere inside a document. */
    static void mutate(JsonNode root, Random r) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(r.nextInt(containers.size()));
        if (target instanceof ObjectNode) {
            ObjectNode o = (ObjectNode) target;
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            if (!names.isEmpty() && r.nextInt(3) == 0) {
                o.remove(names.get(r.nextInt(names.size())));
            } else {
                String key = !names.isEmpty() && r.nextBoolean()
                        ? names.get(r.nextInt(names.size()))
                        : KEYS[r.nextInt(KEYS.length)];
                o.set(key, value(r, 3));
            }
        } else if (target instanceof ArrayNode) {
            ArrayNode a = (ArrayNode) target;
            if (a.size() > 0 && r.nextBoolean()) {
                a.set(r.nextInt(a.size()), value(r, 3));
            } else {
                a.add(value(r, 3));
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            node.forEach(child -> collect(child, out));
        }
    }
}
