package dev.llmsafe.policy.change;

import dev.llmsafe.policy.input.InputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code git log -z --format=%H%x1f%an%x1f%ae%x1f%cn%x1f%ce%x1f%B}: commits separated by NUL, fields
 * by the unit separator, the message last (it may hold anything but NUL). Trailers are read apart, by git
 * ({@link CommitTrailers}): a value may hold the separators too.
 */
public final class GitLogParser {
    public static final String FORMAT = "--format=%H%x1f%an%x1f%ae%x1f%cn%x1f%ce%x1f%B";

    private GitLogParser() {}

    public static List<CommitInfo> parse(String raw) throws InputException {
        List<CommitInfo> out = new ArrayList<>();
        for (String record : raw.split("\0")) {
            String r = record.startsWith("\n") ? record.substring(1) : record;
            if (r.isBlank()) {
                continue;
            }
            String[] f = r.split("\u001f", 6);
            if (f.length < 6 || !f[0].matches("[0-9a-f]{40,64}")) {
                throw new InputException(
                        "git log",
                        "unexpected record '"
                                + dev.llmsafe.policy.PathNormalizer.printable(r.length() > 80 ? r.substring(0, 80) : r)
                                + "'");
            }
            out.add(CommitInfo.builder(f[0])
                    .author(f[1], f[2])
                    .committer(f[3], f[4])
                    .message(f[5])
                    .build());
        }
        return out;
    }
}
