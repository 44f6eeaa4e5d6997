package dev.llmsafe.policy.change;

import dev.llmsafe.policy.input.InputException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a change from git: {@code BASE..HEAD} (what HEAD adds to BASE) or {@code BASE...HEAD} (since their
 * merge base, as a pull request shows it). Files with status, both paths of renames and modes come from
 * {@code git diff --raw -z -M}; commits from {@code git log}; new contents of text files from
 * {@code git cat-file --batch}.
 */
public final class GitChangeReader {
    private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/@{}~^-]{0,254}");
    private static final String NO_BLOB = "0".repeat(40);

    private GitChangeReader() {}

    /** The two ends of a range and whether it is a three-dot (merge-base) range. */
    public record Range(String base, String head, boolean mergeBase) {
        public static Range parse(String text) throws InputException {
            String t = text == null ? "" : text.trim();
            boolean three = t.contains("...");
            String[] parts = three ? t.split("\\.\\.\\.", -1) : t.split("\\.\\.", -1);
            if (parts.length != 2 || !valid(parts[0]) || !valid(parts[1])) {
                throw new InputException(
                        "--diff",
                        "'" + dev.llmsafe.policy.PathNormalizer.printable(t)
                                + "' is not BASE..HEAD or BASE...HEAD (e.g. origin/main...HEAD)");
            }
            return new Range(parts[0], parts[1], three);
        }

        private static boolean valid(String rev) {
            return REVISION.matcher(rev).matches() && !rev.contains("..") && !rev.endsWith(".lock");
        }
    }

    public static ChangeSet read(Path repository, Range range, Set<String> labels) throws InputException {
        GitRunner git = new GitRunner(repository);
        String head = BaseRevision.resolveCommit(git, range.head());
        String base = BaseRevision.resolveCommit(git, range.base());
        if (range.mergeBase()) {
            base = git.text("merge-base", base, head).strip();
        }
        List<GitRawDiffParser.Entry> entries = GitRawDiffParser.parse(git.text(
                List.of("diff", "--raw", "-z", "-M", "--no-abbrev", "--no-ext-diff", "--no-color", base, head, "--")));
        List<CommitInfo> commits = new ArrayList<>();
        for (CommitInfo c : GitLogParser.parse(git.text("log", "-z", GitLogParser.FORMAT, base + ".." + head))) {
            commits.add(c.withTrailers(CommitTrailers.read(git, c.message())));
        }
        Map<String, TextContent.Read> contents = contents(git, entries);
        List<ChangedFile> files = new ArrayList<>();
        for (GitRawDiffParser.Entry e : entries) {
            files.add(ChangedFile.builder(e.status(), e.path())
                    .oldPath(e.oldPath())
                    .oldMode(e.oldMode())
                    .newMode(e.newMode())
                    .read(contents.get(e.newSha()))
                    .build());
        }
        String description = range.base() + (range.mergeBase() ? "..." : "..") + range.head();
        return new ChangeSet(description, files, commits, labels);
    }

    /** Blob sha to its text (or why it is not text), for every new blob. */
    private static Map<String, TextContent.Read> contents(GitRunner git, List<GitRawDiffParser.Entry> entries)
            throws InputException {
        StringBuilder request = new StringBuilder();
        for (GitRawDiffParser.Entry e : entries) {
            if (e.status() != FileStatus.DELETED
                    && !e.newSha().equals(NO_BLOB)
                    && !e.newMode().equals("160000")) {
                request.append(e.newSha()).append('\n');
            }
        }
        Map<String, TextContent.Read> out = new HashMap<>();
        if (request.length() == 0) {
            return out;
        }
        byte[] batch = git.bytes(request.toString().getBytes(StandardCharsets.US_ASCII), "cat-file", "--batch");
        int pos = 0;
        while (pos < batch.length) {
            int nl = indexOf(batch, (byte) '\n', pos);
            if (nl < 0) {
                break;
            }
            String[] header = new String(batch, pos, nl - pos, StandardCharsets.US_ASCII).split(" ");
            pos = nl + 1;
            if (header.length < 3) {
                continue; // "<sha> missing"
            }
            int size = Integer.parseInt(header[2]);
            if (pos + size > batch.length) {
                throw new InputException("git cat-file", "truncated output for " + header[0]);
            }
            ByteArrayOutputStream blob = new ByteArrayOutputStream(Math.min(size, TextContent.MAX_BYTES + 1));
            blob.write(batch, pos, Math.min(size, TextContent.MAX_BYTES + 1));
            out.put(header[0], TextContent.read(size > TextContent.MAX_BYTES ? null : blob.toByteArray(), size));
            pos += size + 1;
        }
        return out;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
