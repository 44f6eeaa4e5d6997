package dev.llmsafe.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a record is about: any of repository ({@code owner/name}), pull request number, commit SHA, Pulumi
 * stack and GitHub Actions workflow run id; {@code aiTrailer} is the commit's AI trailer when it has one
 * ({@code Assisted-by: ...}), as recognised by {@link dev.llmsafe.identity.ActorClassifier#aiTrailer};
 * {@code serverUrl} is the GitHub server the run is on ({@code GITHUB_SERVER_URL}), so a report can link to the
 * run.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Subject(
        String repository, Integer pr, String commit, String stack, String run, String aiTrailer, String serverUrl) {
    public static final Subject NONE = new Subject(null, null, null, null, null, null, null);

    /** Every field unset until named. */
    public static Builder builder() {
        return new Builder();
    }

    /** Fields set here win; unset ones come from {@code fallback}. */
    public Subject over(Subject fallback) {
        return new Subject(
                repository != null ? repository : fallback.repository,
                pr != null ? pr : fallback.pr,
                commit != null ? commit : fallback.commit,
                stack != null ? stack : fallback.stack,
                run != null ? run : fallback.run,
                aiTrailer != null ? aiTrailer : fallback.aiTrailer,
                serverUrl != null ? serverUrl : fallback.serverUrl);
    }

    public static final class Builder {
        private String repository;
        private Integer pr;
        private String commit;
        private String stack;
        private String run;
        private String aiTrailer;
        private String serverUrl;

        private Builder() {}

        public Builder repository(String repository) {
            this.repository = repository;
            return this;
        }

        public Builder pr(Integer pr) {
            this.pr = pr;
            return this;
        }

        public Builder commit(String commit) {
            this.commit = commit;
            return this;
        }

        public Builder stack(String stack) {
            this.stack = stack;
            return this;
        }

        public Builder run(String run) {
            this.run = run;
            return this;
        }

        public Builder aiTrailer(String aiTrailer) {
            this.aiTrailer = aiTrailer;
            return this;
        }

        public Builder serverUrl(String serverUrl) {
            this.serverUrl = serverUrl;
            return this;
        }

        public Subject build() {
            return new Subject(repository, pr, commit, stack, run, aiTrailer, serverUrl);
        }
    }
}
