package dev.llmsafe.policy.change;

/** What a change did to a file, as git reports it ({@code git diff --raw} letters). */
public enum FileStatus {
    ADDED,
    MODIFIED,
    DELETED,
    RENAMED,
    COPIED,
    TYPE_CHANGED,
    UNMERGED,
    UNKNOWN,
    /** Present in the tree: judging a whole working tree rather than a change. */
    PRESENT;

    public static FileStatus fromGitLetter(char letter) {
        switch (letter) {
            case 'A':
                return ADDED;
            case 'M':
                return MODIFIED;
            case 'D':
                return DELETED;
            case 'R':
                return RENAMED;
            case 'C':
                return COPIED;
            case 'T':
                return TYPE_CHANGED;
            case 'U':
                return UNMERGED;
            default:
                return UNKNOWN;
        }
    }
}
