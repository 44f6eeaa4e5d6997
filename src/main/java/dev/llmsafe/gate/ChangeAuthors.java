package dev.llmsafe.gate;

import java.util.List;
import java.util.Optional;

/**
 * Who wrote the change a run deploys: every author and committer of the deployed commit and of the commits of
 * the pull request that merged it, and that pull request's author. None of them may approve its deployment.
 *
 * @param sha        the deployed commit (the run's {@code head_sha})
 * @param unreadable why part of the change's history could not be read (e.g. a pull request with more commits
 *                   than GitHub lists); any entry fails the gate, since an author it hides could be an approver
 */
public record ChangeAuthors(String sha, List<Contribution> contributions, List<String> unreadable) {
    public ChangeAuthors {
        contributions = List.copyOf(contributions);
        unreadable = List.copyOf(unreadable);
    }

    /** The first part this account had in the change, if any. */
    public Optional<Contribution> of(GithubUser user) {
        return contributions.stream()
                .filter(c -> c.account() != null && c.account().id() == user.id())
                .findFirst();
    }
}
