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
public record Subject(String repository, Integer pr, String commit, String stack, String run, String aiTrailer,
                      String serverUrl) {
    public static final Subject NONE = new Subject(null, null, null, null, null, null, null);

    public Subject withStack(String s) {
        return new Subject(repository, pr, commit, s, run, aiTrailer, serverUrl);
    }

    public Subject withPr(Integer p) {
        return new Subject(repository, p, commit, stack, run, aiTrailer, serverUrl);
    }

    public Subject withCommit(String c) {
        return new Subject(repository, pr, c, stack, run, aiTrailer, serverUrl);
    }

    public Subject withRepository(String r) {
        return new Subject(r, pr, commit, stack, run, aiTrailer, serverUrl);
    }

    public Subject withRun(String r) {
        return new Subject(repository, pr, commit, stack, r, aiTrailer, serverUrl);
    }

    public Subject withAiTrailer(String t) {
        return new Subject(repository, pr, commit, stack, run, t, serverUrl);
    }

    /** Fields set here win; unset ones come from {@code fallback}. */
    public Subject over(Subject fallback) {
        return new Subject(repository != null ? repository : fallback.repository,
                pr != null ? pr : fallback.pr,
                commit != null ? commit : fallback.commit,
                stack != null ? stack : fallback.stack,
                run != null ? run : fallback.run,
                aiTrailer != null ? aiTrailer : fallback.aiTrailer,
                serverUrl != null ? serverUrl : fallback.serverUrl);
    }
}
