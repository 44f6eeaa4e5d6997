package dev.llmsafe.policy.change;

import dev.llmsafe.policy.input.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The revision a change is judged against: BASE of {@code --diff BASE..HEAD}, and the files in its tree. The
 * judge (the policy file) is read from here, never from the change, so a change cannot relax its own rules.
 *
 * @param revision the revision as given on the command line
 * @param commit   the commit it names (for {@code BASE...HEAD} too: BASE itself, not the merge base, is the
 *                 target branch's current policy)
 */
public record BaseRevision(Path repository, String revision, String commit) {
    /** Resolves BASE of a range to its commit. */
    public static BaseRevision of(Path repository, GitChangeReader.Range range) throws InputException {
        return new BaseRevision(repository, range.base(), resolveCommit(new GitRunner(repository), range.base()));
    }

    static String resolveCommit(GitRunner git, String revision) throws InputException {
        try {
            return git.text("rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}")
                    .strip();
        } catch (InputException e) {
            throw new InputException(
                    "--diff",
                    "'" + revision + "' is not a commit in this repository (fetch it first, "
                            + "e.g. git fetch origin main)");
        }
    }

    /**
     * The bytes of a file in this revision's tree, or empty when the tree has no such file. {@code path} is
     * relative to the repository folder this was made for (a subfolder of the work tree is fine).
     */
    public Optional<byte[]> file(String path) throws InputException {
        if (path.isEmpty() || path.contains("\n") || path.contains("\0")) {
            throw new InputException(path, "is no file name git can look up");
        }
        GitRunner git = new GitRunner(repository);
        String prefix = git.text("rev-parse", "--show-prefix").strip();
        String object = commit + ":" + prefix + path + "\n";
        byte[] out = git.bytes(object.getBytes(StandardCharsets.UTF_8), "cat-file", "--batch");
        int nl = 0;
        while (nl < out.length && out[nl] != '\n') {
            nl++;
        }
        String headerText = new String(out, 0, nl, StandardCharsets.UTF_8);
        if (headerText.equals(object.strip() + " missing")) {
            return Optional.empty();
        }
        String[] header = headerText.split(" ");
        if (header.length != 3 || !header[1].equals("blob")) {
            throw new InputException(
                    prefix + path, "is not a file in " + revision + " (" + String.join(" ", header) + ")");
        }
        int size = Integer.parseInt(header[2]);
        if (nl + 1 + size > out.length) {
            throw new InputException("git cat-file", "truncated output for " + prefix + path);
        }
        return Optional.of(Arrays.copyOfRange(out, nl + 1, nl + 1 + size));
    }

    /** The commit's first 12 hex digits, for messages. */
    public String shortCommit() {
        return commit.substring(0, Math.min(12, commit.length()));
    }
}
