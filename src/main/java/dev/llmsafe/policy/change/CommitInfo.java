package dev.llmsafe.policy.change;

import dev.llmsafe.identity.Trailer;

import java.util.List;

/**
 * A commit of the change: who wrote and committed it, its full message, and the trailers git reads in it
 * ({@link CommitTrailers}).
 */
public record CommitInfo(String sha, String authorName, String authorEmail, String committerName,
                         String committerEmail, String message, List<Trailer> trailers) {
    public CommitInfo {
        trailers = List.copyOf(trailers);
    }

    public CommitInfo withTrailers(List<Trailer> read) {
        return new CommitInfo(sha, authorName, authorEmail, committerName, committerEmail, message, read);
    }
}
