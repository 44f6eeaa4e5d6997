package dev.llmsafe.policy.change;

/** A commit of the change: who wrote and committed it, and its full message (where trailers live). */
public record CommitInfo(String sha, String authorName, String authorEmail, String committerName,
                         String committerEmail, String message) {
}
