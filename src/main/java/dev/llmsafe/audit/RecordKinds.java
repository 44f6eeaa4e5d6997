package dev.llmsafe.audit;

import java.util.List;
import java.util.regex.Pattern;

/** The kinds of audit record. Other dotted lowercase kinds are accepted, so new events need no release. */
public final class RecordKinds {
    public static final String AI_ACTIVITY = "ai.activity";
    public static final String CHANGE_CLASSIFIED = "change.classified";
    public static final String POLICY_RESULT = "policy.result";
    public static final String PREVIEW_DEPLOYED = "preview.deployed";
    public static final String PREVIEW_DESTROYED = "preview.destroyed";
    public static final String APPROVAL = "approval";
    public static final String PROMOTION = "promotion";
    public static final String CHECKPOINT = "checkpoint";
    /** One entry of {@code pulumi stack history --json}, recorded by {@code llmsafe audit import-history}. */
    public static final String STACK_HISTORY = "stack.history";

    public static final List<String> KNOWN = List.of(
            AI_ACTIVITY,
            CHANGE_CLASSIFIED,
            POLICY_RESULT,
            PREVIEW_DEPLOYED,
            PREVIEW_DESTROYED,
            APPROVAL,
            PROMOTION,
            CHECKPOINT,
            STACK_HISTORY);

    public static final Pattern FORM = Pattern.compile("[a-z][a-z0-9-]{0,30}(\\.[a-z][a-z0-9-]{0,30}){0,3}");

    private RecordKinds() {}

    public static boolean isValid(String kind) {
        return kind != null && FORM.matcher(kind).matches();
    }
}
