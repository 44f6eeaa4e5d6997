package dev.llmsafe.policy.change;

import java.util.Objects;

/**
 * One file of a change. {@code path} is where the file is after the change (for a deletion: where it was);
 * {@code oldPath} is where it was before a rename or copy, else the same as {@code path} or null when added.
 * Modes are git's octal modes ({@code 120000} is a symbolic link). {@code content} is the new text of the
 * file when it was read (text files up to a size limit), else null.
 */
public record ChangedFile(FileStatus status, String oldPath, String path, String oldMode, String newMode,
                          String content) {
    public static final String SYMLINK_MODE = "120000";

    public ChangedFile {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(path, "path");
    }

    public static ChangedFile present(String path, String mode, String content) {
        return new ChangedFile(FileStatus.PRESENT, path, path, mode, mode, content);
    }

    public boolean isDeleted() {
        return status == FileStatus.DELETED;
    }

    /** A symbolic link that did not exist as one before this change. */
    public boolean isNewSymlink() {
        return !isDeleted() && SYMLINK_MODE.equals(newMode)
                && (status == FileStatus.ADDED || status == FileStatus.COPIED || !SYMLINK_MODE.equals(oldMode));
    }

    /** Every path the change touches: the new path and, for renames and copies, the old one. */
    public java.util.List<String> paths() {
        if (oldPath != null && !oldPath.equals(path)) {
            return java.util.List.of(oldPath, path);
        }
        return java.util.List.of(path);
    }

    /** The last path segment: how build files ({@code pom.xml}) are recognised anywhere in the tree. */
    public String fileName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
