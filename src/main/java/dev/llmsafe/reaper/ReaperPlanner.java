package dev.llmsafe.reaper;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmsafe.naming.StackNames;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Decides which preview stacks to destroy: those whose pull request is no longer open, and those not deployed
 * for longer than the TTL unless their PR carries the {@value #KEEP_LABEL} label.
 *
 * <p>Inputs are what the CLIs print: {@code pulumi stack ls --json} (name, lastUpdate) and
 * {@code gh pr list --state open --json number,labels}.
 */
public final class ReaperPlanner {
    public static final String KEEP_LABEL = "keep-preview";

    private ReaperPlanner() {}

    public static List<ReapDecision> plan(JsonNode stacks, JsonNode openPullRequests, int ttlDays, Instant now) {
        if (!stacks.isArray() || !openPullRequests.isArray()) {
            throw new IllegalArgumentException("expected JSON arrays: `pulumi stack ls --json` and "
                    + "`gh pr list --state open --json number,labels`");
        }
        Map<Integer, Set<String>> open = new HashMap<>();
        for (JsonNode pr : openPullRequests) {
            Set<String> labels = new HashSet<>();
            pr.path("labels").forEach(l -> labels.add(l.path("name").asText()));
            open.put(pr.path("number").asInt(), labels);
        }
        List<ReapDecision> decisions = new ArrayList<>();
        for (JsonNode stack : stacks) {
            String name = stack.path("name").asText();
            // Pulumi Cloud lists stacks as org/project/name, DIY backends by name alone.
            OptionalInt named = StackNames.pullRequest(name.substring(name.lastIndexOf('/') + 1));
            if (named.isEmpty()) {
                continue; // platform, staging, production: never the reaper's business
            }
            int pr = named.getAsInt();
            Preview preview =
                    new Preview(name, pr, open.get(pr), stack.path("lastUpdate").asText(""));
            decisions.add(decide(preview, ttlDays, now));
        }
        return decisions;
    }

    /** A preview stack as the CLIs list it: its pull request's labels are null once the pull request closed. */
    private record Preview(String stack, int pr, Set<String> labels, String lastUpdate) {}

    private static ReapDecision decide(Preview preview, int ttlDays, Instant now) {
        String stack = preview.stack();
        int pr = preview.pr();
        Set<String> labels = preview.labels();
        String lastUpdate = preview.lastUpdate();
        if (labels == null) {
            return new ReapDecision(stack, true, "pull request #" + pr + " is closed");
        }
        if (labels.contains(KEEP_LABEL)) {
            return new ReapDecision(stack, false, "kept: #" + pr + " has the " + KEEP_LABEL + " label");
        }
        if (lastUpdate.isEmpty()) {
            return new ReapDecision(stack, false, "kept: never deployed yet");
        }
        Instant updated;
        try {
            updated = Instant.parse(lastUpdate);
        } catch (DateTimeParseException e) {
            return new ReapDecision(stack, false, "kept: unreadable lastUpdate '" + lastUpdate + "'");
        }
        long idleDays = Duration.between(updated, now).toDays();
        if (idleDays >= ttlDays) {
            return new ReapDecision(
                    stack, true, "no deploy for " + days(idleDays) + " (previewTtlDays is " + ttlDays + ")");
        }
        return new ReapDecision(
                stack, false, "kept: deployed " + (idleDays == 0 ? "less than a day" : days(idleDays)) + " ago");
    }

    static String days(long n) {
        return n + (n == 1 ? " day" : " days");
    }
}
