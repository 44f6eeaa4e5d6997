package dev.llmsafe.policy.change;

import java.util.List;
import java.util.Set;

/**
 * What a change is: its files, its commits and the pull request's labels (passed in by CI). Either read from
 * git between two revisions, or a whole working tree ({@code --all-files}), where every file is
 * {@link FileStatus#PRESENT} and there are no commits.
 *
 * @param description {@code base..head} or {@code working tree DIR}, for reports
 */
public record ChangeSet(String description, List<ChangedFile> files, List<CommitInfo> commits, Set<String> labels) {
    public ChangeSet {
        files = List.copyOf(files);
        commits = List.copyOf(commits);
        labels = Set.copyOf(labels);
    }

    public boolean isWholeTree() {
        return commits.isEmpty() && files.stream().allMatch(f -> f.status() == FileStatus.PRESENT);
    }
}
