package dev.llmsafe.plan;

import java.util.List;
import java.util.Optional;

/**
 * Parts of a Pulumi URN: {@code urn:pulumi:<stack>::<project>::<parent types $ ... $ type>::<name>}. The
 * type part lists the types of every ancestor, so a resource's components can be read from its URN alone.
 */
public final class Urns {
    private static final String PREFIX = "urn:pulumi:";

    private Urns() {}

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
        int stackEnd = urn.indexOf("::", PREFIX.length());
        int projectEnd = stackEnd < 0 ? -1 : urn.indexOf("::", stackEnd + 2);
        int typeEnd = projectEnd < 0 ? -1 : urn.indexOf("::", projectEnd + 2);
        if (typeEnd < 0 || typeEnd == projectEnd + 2) {
            return Optional.empty();
        }
        List<String> chain = List.of(urn.substring(projectEnd + 2, typeEnd).split("\\$", -1));
        if (chain.stream().anyMatch(String::isEmpty)) {
            return Optional.empty();
        }
        return Optional.of(new Parts(
                urn.substring(PREFIX.length(), stackEnd),
                urn.substring(stackEnd + 2, projectEnd),
                chain,
                urn.substring(typeEnd + 2)));
    }

    /** Whether any ancestor in the URN's type chain (not the resource itself) has this type. */
    public static boolean hasAncestorType(String urn, String type) {
        if (urn == null || !urn.startsWith(PREFIX)) {
            return false;
        }
        int stackEnd = urn.indexOf("::", PREFIX.length());
        int projectEnd = stackEnd < 0 ? -1 : urn.indexOf("::", stackEnd + 2);
        int typeEnd = projectEnd < 0 ? -1 : urn.indexOf("::", projectEnd + 2);
        if (typeEnd < 0) {
            return false;
        }
        // Ancestors are the chain's segments before the last '$'; each is followed by '$'.
        int from = projectEnd + 2;
        while (from < typeEnd) {
            int dollar = urn.indexOf('$', from);
            if (dollar < 0 || dollar > typeEnd) {
                return false;
            }
            if (dollar - from == type.length() && urn.startsWith(type, from)) {
                return true;
            }
            from = dollar + 1;
        }
        return false;
    }
}
