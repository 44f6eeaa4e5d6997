package dev.llmsafe.plan;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Parts of a Pulumi URN: {@code urn:pulumi:<stack>::<project>::<parent types $ ... $ type>::<name>}. The
 * type part lists the types of every ancestor, so a resource's components can be read from its URN alone.
 */
public final class Urns {
    private static final String PREFIX = "urn:pulumi:";

    private Urns() {
    }

    public record Parts(String stack, String project, List<String> typeChain, String name) {
        /** The resource's own type: the last of the chain. */
        public String type() {
            return typeChain.get(typeChain.size() - 1);
        }
    }

    public static Optional<Parts> parse(String urn) {
        if (urn == null || !urn.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = urn.substring(PREFIX.length());
        String[] parts = rest.split("::", 4);
        if (parts.length < 4 || parts[2].isEmpty()) {
            return Optional.empty();
        }
        List<String> chain = Arrays.asList(parts[2].split("\\$", -1));
        if (chain.stream().anyMatch(String::isEmpty)) {
            return Optional.empty();
        }
        return Optional.of(new Parts(parts[0], parts[1], List.copyOf(chain), parts[3]));
    }

    /** Whether any ancestor in the URN's type chain (not the resource itself) has this type. */
    public static boolean hasAncestorType(String urn, String type) {
        return parse(urn).map(p -> p.typeChain().subList(0, p.typeChain().size() - 1).contains(type)).orElse(false);
    }
}
