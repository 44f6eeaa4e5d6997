package dev.llmsafe.policy.change;

import dev.llmsafe.identity.Trailer;
import dev.llmsafe.policy.input.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The trailers of a commit message, read by git itself ({@code git interpret-trailers --parse}), so a space
 * before the colon, a value folded onto the next lines and everything else git accepts mean what they mean
 * to git. {@code --no-divider} reads the message as {@code git log}'s {@code %(trailers)} does, and the
 * separator is pinned to {@code :} so that no local configuration changes the reading.
 */
public final class CommitTrailers {
    private static final List<String> PARSE =
            List.of("-c", "trailer.separators=:", "interpret-trailers", "--parse", "--no-divider");

    private CommitTrailers() {}

    /**
     * The trailers of a message on its own, where no repository is at hand (an audit record's commit): git reads
     * trailers without one, in the temporary folder.
     */
    public static List<Trailer> parse(String message) throws InputException {
        return read(new GitRunner(Path.of(System.getProperty("java.io.tmpdir"))), message);
    }

    static List<Trailer> read(GitRunner git, String message) throws InputException {
        String out = new String(git.bytes(message.getBytes(StandardCharsets.UTF_8), PARSE), StandardCharsets.UTF_8);
        List<Trailer> trailers = new ArrayList<>();
        for (String line : out.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) { // git prints "key: value", the key being letters, digits and '-'
                trailers.add(new Trailer(
                        line.substring(0, colon), line.substring(colon + 1).strip()));
            }
        }
        return trailers;
    }
}
