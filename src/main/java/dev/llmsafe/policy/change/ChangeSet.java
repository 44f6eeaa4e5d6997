package dev.llmsafe.policy.change;

import java.util.List;
import java.util.Set;

/**
 * What a change is: its files, its commits and the pull request's labels (passed in by CI). Either read from
 * git between two revisions, or a whole working tree ({@code --all-files}), where every file is
 * {@link FileStatus#PRESENT}, there are no commits, and {@code wholeTree} is true.
 *
 * @param description {@code base..head} or {@code working tree DIR}, for reports
 */
public record ChangeSet(
        String description, List<ChangedFile> files, List<CommitInfo> commits, Set<String> labels, boolean wholeTree) {
    public ChangeSet {
        files = List.copyOf(files);
        commits = List.copyOf(commits);
        labels = Set.copyOf(labels);
    }

    /** A change between two revisions. */
    public ChangeSet(String description, List<ChangedFile> files, List<CommitInfo> commits, Set<String> labels) {
        this(description, files, commits, labels, false);
    }

    public ChangeSet withLabels(Set<String> newLabels) {
        return new ChangeSet(description, files, commits, newLabels, wholeTree);
    }
}
