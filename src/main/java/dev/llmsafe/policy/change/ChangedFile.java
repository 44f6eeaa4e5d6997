package dev.llmsafe.policy.change;

import java.util.List;
import java.util.Objects;

/**
 * One file of a change. {@code path} is where the file is after the change (for a deletion: where it was);
 * {@code oldPath} is where it was before a rename or copy, else the same as {@code path} or null when added.
 * Modes are git's octal modes ({@code 120000} is a symbolic link, {@code 160000} a submodule). {@code content}
 * is the new text of the file when it was read (text files up to a size limit), else null, and then
 * {@code unreadable} says why when known.
 */
public record ChangedFile(
        FileStatus status,
        String oldPath,
        String path,
        String oldMode,
        String newMode,
        String content,
        String unreadable) {
    public static final String SYMLINK_MODE = "120000";
    public static final String GITLINK_MODE = "160000";

    public ChangedFile {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(path, "path");
    }

    public static ChangedFile present(String path, String mode, String content) {
        return new ChangedFile(FileStatus.PRESENT, path, path, mode, mode, content, null);
    }

    public static ChangedFile present(String path, String mode, TextContent.Read read) {
        return new ChangedFile(FileStatus.PRESENT, path, path, mode, mode, read.text(), read.unreadable());
    }

    /** A submodule (gitlink) before or after the change: a folder whose files the change does not show. */
    public boolean isGitlink() {
        return GITLINK_MODE.equals(newMode) || GITLINK_MODE.equals(oldMode);
    }

    /** A file that exists after the change whose content could not be read as text, so it cannot be scanned. */
    public boolean isUnreadable() {
        return !isDeleted() && content == null && !SYMLINK_MODE.equals(newMode) && !GITLINK_MODE.equals(newMode);
    }

    /** Why {@link #isUnreadable()} holds, as the reader saw it. */
    public String whyUnreadable() {
        return unreadable != null ? unreadable : "it could not be read as text";
    }

    public boolean isDeleted() {
        return status == FileStatus.DELETED;
    }

    /** A symbolic link that did not exist as one before this change. */
    public boolean isNewSymlink() {
        return !isDeleted()
                && SYMLINK_MODE.equals(newMode)
                && (status == FileStatus.ADDED || status == FileStatus.COPIED || !SYMLINK_MODE.equals(oldMode));
    }

    /** A symbolic link that was one before and still is: its target may have changed. */
    public boolean isRetargetedSymlink() {
        return !isDeleted()
                && SYMLINK_MODE.equals(newMode)
                && SYMLINK_MODE.equals(oldMode)
                && status != FileStatus.ADDED
                && status != FileStatus.COPIED
                && status != FileStatus.PRESENT;
    }

    /** Every path the change touches: the new path and, for renames and copies, the old one. */
    public List<String> paths() {
        if (oldPath != null && !oldPath.equals(path)) {
            return List.of(oldPath, path);
        }
        return List.of(path);
    }

    /** The last path segment: how build files ({@code pom.xml}) are recognised anywhere in the tree. */
    public String fileName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** A file with no old path, no modes and no content until they are set. */
    public static Builder builder(FileStatus status, String path) {
        return new Builder(status, path);
    }

    public static final class Builder {
        private final FileStatus status;
        private final String path;
        private String oldPath;
        private String oldMode;
        private String newMode;
        private String content;
        private String unreadable;

        private Builder(FileStatus status, String path) {
            this.status = status;
            this.path = path;
        }

        public Builder oldPath(String oldPath) {
            this.oldPath = oldPath;
            return this;
        }

        public Builder oldMode(String oldMode) {
            this.oldMode = oldMode;
            return this;
        }

        public Builder newMode(String newMode) {
            this.newMode = newMode;
            return this;
        }

        public Builder content(String content) {
            this.content = content;
            return this;
        }

        public Builder unreadable(String unreadable) {
            this.unreadable = unreadable;
            return this;
        }

        /** The new content as read, or nothing when it was not read (null). */
        public Builder read(TextContent.Read read) {
            this.content = read == null ? null : read.text();
            this.unreadable = read == null ? null : read.unreadable();
            return this;
        }

        public ChangedFile build() {
            return new ChangedFile(status, oldPath, path, oldMode, newMode, content, unreadable);
        }
    }
}
