package dev.llmsafe.policy;

/** What a rule reads, which decides whether it can run on the inputs given. */
public enum RuleCategory {
    /** The resources a stack would create, keep, change or delete. */
    PLAN,
    /** The files a change adds, modifies, renames or deletes, and its commits. */
    CHANGE,
    /** The GitHub Actions workflows that deploy. */
    GATE,
    /** The policy file itself. */
    POLICY
}
