package dev.llmsafe.stack;

/** What a review stack previews: set by CI from the pull request. */
public record ReviewTarget(int prNumber, String branch, String commitSha) {}
