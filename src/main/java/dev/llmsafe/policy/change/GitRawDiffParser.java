package dev.llmsafe.policy.change;

import dev.llmsafe.policy.input.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code git diff --raw -z} output: {@code :oldmode newmode oldsha newsha status\0path\0[newpath\0]}.
 * Paths are taken byte-exact between NULs (no quoting), so hostile names reach the rules unchanged. Output
 * that does not follow the format is an {@link InputException}.
 */
public final class GitRawDiffParser {
    private static final Pattern HEADER =
            Pattern.compile(":([0-7]{6}) ([0-7]{6}) ([0-9a-f]{40,64}) ([0-9a-f]{40,64}) ([A-Z])([0-9]{0,3})");

    private GitRawDiffParser() {}

    /** One entry; {@code newSha} names the blob to read for the new content. */
    public record Entry(FileStatus status, String oldPath, String path, String oldMode, String newMode, String newSha) {
        /** An entry whose modes and new blob are groups 1, 2 and 4 of its {@link #HEADER} match. */
        static Entry of(FileStatus status, String oldPath, String path, Matcher header) {
            return new Entry(status, oldPath, path, header.group(1), header.group(2), header.group(4));
        }
    }

    public static List<Entry> parse(String raw) throws InputException {
        List<Entry> out = new ArrayList<>();
        String[] fields = raw.split("\0", -1);
        int i = 0;
        while (i < fields.length) {
            String header = fields[i];
            if (header.isEmpty() && i == fields.length - 1) {
                break;
            }
            Matcher m = HEADER.matcher(header);
            if (!m.matches()) {
                throw new InputException("git diff --raw", "unexpected entry '" + clip(header) + "'");
            }
            FileStatus status = FileStatus.fromGitLetter(m.group(5).charAt(0));
            boolean twoPaths = status == FileStatus.RENAMED || status == FileStatus.COPIED;
            int needed = twoPaths ? 2 : 1;
            if (i + needed >= fields.length) {
                throw new InputException("git diff --raw", "entry '" + clip(header) + "' has no path");
            }
            String first = fields[i + 1];
            String second = twoPaths ? fields[i + 2] : first;
            if (first.isEmpty() || second.isEmpty()) {
                throw new InputException("git diff --raw", "entry '" + clip(header) + "' has an empty path");
            }
            String oldPath = status == FileStatus.ADDED ? null : first;
            out.add(Entry.of(status, oldPath, second, m));
            i += 1 + needed;
        }
        return out;
    }

    private static String clip(String s) {
        String shown = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return dev.llmsafe.policy.PathNormalizer.printable(shown);
    }
}
