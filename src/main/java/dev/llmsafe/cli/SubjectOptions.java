package dev.llmsafe.cli;

import dev.llmsafe.audit.GithubContext;
import dev.llmsafe.audit.Subject;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** What a record is about; unset fields come from the GitHub Actions context. */
public final class SubjectOptions {
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9-]{1,39}/[A-Za-z0-9._-]{1,100}");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,64}");

    @Option(names = "--repository", paramLabel = "OWNER/NAME", description = "Default: $GITHUB_REPOSITORY.")
    String repository;

    @Option(names = "--pr", paramLabel = "N", description = "Pull request number (default: from the event file).")
    Integer pr;

    @Option(names = "--commit", paramLabel = "SHA", description = "Commit (default: the PR head, else $GITHUB_SHA).")
    String commit;

    @Option(names = "--stack", paramLabel = "NAME", description = "Pulumi stack, e.g. pr-42 or production.")
    String stack;

    @Option(names = "--run", paramLabel = "ID", description = "Workflow run id (default: $GITHUB_RUN_ID).")
    String run;

    Subject subject(GithubContext github, String aiTrailer) {
        if (repository != null && !REPOSITORY.matcher(repository).matches()) {
            throw new BadInputException("--repository '" + repository + "' must be OWNER/NAME");
        }
        if (pr != null && pr < 1) {
            throw new BadInputException("--pr " + pr + " must be a pull request number (1 or more)");
        }
        if (commit != null && !COMMIT.matcher(commit).matches()) {
            throw new BadInputException("--commit '" + commit + "' must be a lowercase hex commit id");
        }
        return Subject.builder()
                .repository(repository)
                .pr(pr)
                .commit(commit)
                .stack(stack)
                .run(run)
                .aiTrailer(aiTrailer)
                .build()
                .over(github.subject());
    }
}
