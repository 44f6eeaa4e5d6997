package dev.llmsafe.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.llmsafe.policy.input.InputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Reads and writes the files named on the command line, for every command. Whatever goes wrong (a missing file,
 * a folder, binary bytes, JSON that is cut short) ends in one {@link InputException} whose message names the
 * option and the file and says what was expected; never a library's exception text.
 */
public final class CliFiles {
    private CliFiles() {}

    /** How messages name a file: the option it was given with, then the path as given. */
    public static String label(String option, Path file) {
        return option + " " + file;
    }

    public static byte[] readBytes(Path file, String label) throws InputException {
        if (Files.isDirectory(file)) {
            throw new InputException(label, "a folder, not a file");
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(
                    label, "no such file (paths are relative to " + Path.of("").toAbsolutePath() + ")");
        } catch (IOException e) {
            throw new InputException(label, "cannot be read: " + reason(e));
        }
    }

    /** UTF-8 text without NUL bytes: anything else is a binary file given where text was expected. */
    public static String readText(Path file, String label) throws InputException {
        return text(readBytes(file, label), label);
    }

    static String text(byte[] bytes, String label) throws InputException {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InputException(label, "not UTF-8 text (a binary file?)");
        }
        if (text.indexOf('\0') >= 0) {
            throw new InputException(label, "holds NUL bytes: a binary file, not text");
        }
        return text;
    }

    /** One JSON document; {@code expected} says what the file should hold, for the message when it does not. */
    public static JsonNode readJson(Path file, String label, String expected) throws InputException {
        return StrictJson.parse(readText(file, label), label, expected);
    }

    /**
     * A JSON array whose items are objects passing {@code item} (the fields a command relies on); anything else is
     * refused naming the first item that is not.
     */
    public static ArrayNode readJsonArray(Path file, String label, String expected, Predicate<JsonNode> item)
            throws InputException {
        return array(readJson(file, label, expected), label, expected, item);
    }

    public static ArrayNode array(JsonNode root, String label, String expected, Predicate<JsonNode> item)
            throws InputException {
        if (!root.isArray()) {
            throw new InputException(
                    label,
                    "holds a JSON " + root.getNodeType().toString().toLowerCase(Locale.ROOT) + "; expected "
                            + expected);
        }
        int n = 0;
        for (JsonNode e : root) {
            n++;
            if (!e.isObject() || !item.test(e)) {
                throw new InputException(label, "item " + n + " is " + shown(e.toString()) + "; expected " + expected);
            }
        }
        return (ArrayNode) root;
    }

    /** JSON documents one after another, as {@code gh api --paginate} writes pages of an array. */
    public static List<JsonNode> readJsonValues(Path file, String label, String expected) throws InputException {
        return StrictJson.parseAll(readText(file, label), label, expected);
    }

    /** JSON text that did not come from a file (stdin, an option's value), with the same messages. */
    public static JsonNode parseJson(String text, String label, String expected) throws InputException {
        return StrictJson.parse(text, label, expected);
    }

    /** Writes {@code text} as UTF-8, replacing the file; a folder, a missing folder or no permission is one sentence. */
    public static void write(Path file, String label, String text) throws InputException {
        writable(file, label);
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(label, "cannot be written: " + reason(e));
        }
    }

    /** Appends {@code text} as UTF-8, creating the file; fails like {@link #write}. */
    public static void append(Path file, String label, String text) throws InputException {
        writable(file, label);
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new InputException(label, "cannot be written: " + reason(e));
        }
    }

    private static void writable(Path file, String label) throws InputException {
        if (Files.isDirectory(file)) {
            throw new InputException(label, "a folder; name a file to write");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new InputException(
                    label,
                    "cannot be written: "
                            + (Files.exists(parent)
                                    ? parent + " is a file, not a folder"
                                    : "the folder " + parent + " does not exist"));
        }
    }

    /** Text from an input as a message shows it: at most 80 characters, control characters as escapes. */
    public static String shown(String text) {
        String cut = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        StringBuilder out = new StringBuilder();
        cut.codePoints()
                .forEach(c -> out.append(
                        c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)
                                ? String.format("\\u%04x", c)
                                : new String(Character.toChars(c))));
        return out.toString();
    }

    /** What the operating system said, without the exception's class name or the path repeated. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason().toLowerCase(Locale.ROOT);
        }
        if (e instanceof JsonProcessingException || e.getMessage() == null) {
            return "input/output error";
        }
        return e.getMessage().lines().findFirst().orElse("input/output error");
    }
}
