package dev.llmsafe.policy;

import dev.llmsafe.plan.PlanDocument;
import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.stack.StackKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plan indexed once for every rule: resources that will exist after the change (creates, sames, updates,
 * replacements, imports, reads) by type, and the deletions apart. Rules look up the types they judge
 * instead of scanning the whole plan each.
 */
public final class PlanView {
    private final PlanDocument document;
    private final List<PlannedResource> live;
    private final List<PlannedResource> deletions;
    private final Map<String, List<PlannedResource>> liveByType;
    private final Optional<StackKind> kind;

    private PlanView(PlanDocument document) {
        this.document = document;
        List<PlannedResource> liveList = new ArrayList<>(document.resources().size());
        List<PlannedResource> deleted = new ArrayList<>();
        Map<String, List<PlannedResource>> byType = new HashMap<>();
        for (PlannedResource r : document.resources()) {
            if (r.isDeletion()) {
                deleted.add(r);
            } else {
                liveList.add(r);
                byType.computeIfAbsent(r.type(), t -> new ArrayList<>()).add(r);
            }
        }
        this.live = Collections.unmodifiableList(liveList);
        this.deletions = Collections.unmodifiableList(deleted);
        this.liveByType = byType;
        this.kind = StackKind.parse(document.kind());
    }

    public static PlanView of(PlanDocument document) {
        return new PlanView(document);
    }

    public PlanDocument document() {
        return document;
    }

    /** Resources that exist after the change: everything but deletions. */
    public List<PlannedResource> live() {
        return live;
    }

    public List<PlannedResource> deletions() {
        return deletions;
    }

    public List<PlannedResource> ofType(String type) {
        return liveByType.getOrDefault(type, List.of());
    }

    public List<PlannedResource> ofTypes(Collection<String> types) {
        List<PlannedResource> out = new ArrayList<>();
        for (String t : types) {
            out.addAll(ofType(t));
        }
        return out;
    }

    /** Every live type token, each once. */
    public Collection<String> types() {
        return liveByType.keySet();
    }

    /** The stack kind the plan declares ({@code kind} of the offline plan, {@code <project>:kind} config). */
    public Optional<StackKind> kind() {
        return kind;
    }
}
