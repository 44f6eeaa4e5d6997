package dev.llmsafe.components;

import com.pulumi.core.Output;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Who a component grants its role to: the one vocabulary of every component that grants one (the state bucket's
 * writers, the audit trail's writers, a secret's accessors, a stack key's users, a runtime account's deployers, a
 * Cloud Run service's invokers), as cloud-foundation-fabric's {@code iam_bindings_additive} is across its modules.
 * Each member sits under a stable key, an environment name say, that names its grant's resource: grants never
 * shift between members when one is added or removed. The role itself is the component's to choose (its
 * javadoc names it), so no caller can widen what a grant allows. Public members ({@code allUsers},
 * {@code allAuthenticatedUsers}) are never granted this way.
 */
public final class IamMembers {
    /** Keys become parts of resource names. */
    public static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,30}");
    /** A member written as text: a user, group, service account or domain, never the public. */
    public static final Pattern MEMBER = Pattern.compile("(user|group|serviceAccount|domain):[^\\s]+");

    private static final IamMembers NONE = new IamMembers(Map.of());

    private final Map<String, List<Output<String>>> members;

    private IamMembers(Map<String, List<Output<String>>> members) {
        this.members = members;
    }

    public static IamMembers none() {
        return NONE;
    }

    /** One member under one key. */
    public static IamMembers of(String key, Output<String> member) {
        return builder().add(key, member).build();
    }

    /** One member under each key, in the map's order. */
    public static IamMembers of(Map<String, Output<String>> members) {
        Builder builder = builder();
        members.forEach(builder::add);
        return builder.build();
    }

    /** Members given as text, keyed by their position ({@code 0}, {@code 1}, ...), as config lists them. */
    public static IamMembers listed(List<String> members) {
        Builder builder = builder();
        for (int i = 0; i < members.size(); i++) {
            builder.add(Integer.toString(i), members.get(i));
        }
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The keys, in the order they were added. */
    public Set<String> keys() {
        return members.keySet();
    }

    /** The members under {@code key}; none when the key is absent. */
    public List<Output<String>> get(String key) {
        return members.getOrDefault(key, List.of());
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    /**
     * Each member with the name of its grant: the key for the key's first member, {@code <key>-<i>} for the i-th
     * after it.
     */
    public void forEachGrant(BiConsumer<String, Output<String>> grant) {
        members.forEach((key, list) -> {
            for (int i = 0; i < list.size(); i++) {
                grant.accept(i == 0 ? key : key + "-" + i, list.get(i));
            }
        });
    }

    /** Adds members, checking each key and each member given as text. */
    public static final class Builder {
        private final Map<String, List<Output<String>>> members = new LinkedHashMap<>();

        private Builder() {}

        public Builder add(String key, Output<String> member) {
            if (key == null || !KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("IAM member keys become resource names: lowercase letters, "
                        + "digits and '-', at most 31, got '" + key + "'");
            }
            if (member == null) {
                throw new IllegalArgumentException("IAM member under key " + key + " is missing");
            }
            members.computeIfAbsent(key, k -> new ArrayList<>()).add(member);
            return this;
        }

        public Builder add(String key, String member) {
            if (member == null || !MEMBER.matcher(member).matches()) {
                throw new IllegalArgumentException("'" + member + "' is not a user:, group:, serviceAccount: or "
                        + "domain: member; public access is never granted through IAM members (on Cloud Run it is "
                        + "allowPublicInvoker's job alone)");
            }
            return add(key, Output.of(member));
        }

        public IamMembers build() {
            Map<String, List<Output<String>>> copy = new LinkedHashMap<>();
            members.forEach((key, list) -> copy.put(key, List.copyOf(list)));
            return copy.isEmpty() ? NONE : new IamMembers(Collections.unmodifiableMap(copy));
        }
    }
}
