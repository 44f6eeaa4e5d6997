package dev.llmsafe.policy.change;

import dev.llmsafe.identity.Trailer;
import java.util.List;

/**
 * A commit of the change: who wrote and committed it, its full message, and the trailers git reads in it
 * ({@link CommitTrailers}).
 */
public record CommitInfo(
        String sha,
        String authorName,
        String authorEmail,
        String committerName,
        String committerEmail,
        String message,
        List<Trailer> trailers) {
    public CommitInfo {
        trailers = List.copyOf(trailers);
    }

    public CommitInfo withTrailers(List<Trailer> read) {
        return new CommitInfo(sha, authorName, authorEmail, committerName, committerEmail, message, read);
    }

    /** A commit with no author, committer, message or trailers until they are set. */
    public static Builder builder(String sha) {
        return new Builder(sha);
    }

    public static final class Builder {
        private final String sha;
        private String authorName;
        private String authorEmail;
        private String committerName;
        private String committerEmail;
        private String message;
        private List<Trailer> trailers = List.of();

        private Builder(String sha) {
            this.sha = sha;
        }

        public Builder author(String name, String email) {
            this.authorName = name;
            this.authorEmail = email;
            return this;
        }

        public Builder committer(String name, String email) {
            this.committerName = name;
            this.committerEmail = email;
            return this;
        }

        public Builder message(String message) {
            this.message = message;
            return this;
        }

        public Builder trailers(List<Trailer> trailers) {
            this.trailers = trailers;
            return this;
        }

        public CommitInfo build() {
            return new CommitInfo(sha, authorName, authorEmail, committerName, committerEmail, message, trailers);
        }
    }
}
