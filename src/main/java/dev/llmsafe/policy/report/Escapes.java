package dev.llmsafe.policy.report;

/**
 * Makes text from inputs (paths, resource names, YAML values, commit data) safe to print: no control or
 * invisible characters in terminals, and no Markdown, HTML or @mentions in PR comments.
 */
public final class Escapes {
    private Escapes() {}

    /** Control, format and separator characters as {@code \\uXXXX}. */
    public static String plain(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.CONTROL
                    || type == Character.FORMAT
                    || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** Text for a Markdown line or table cell: every character with Markdown or HTML meaning is neutralised. */
    public static String markdown(String text) {
        String plain = plain(text);
        StringBuilder out = new StringBuilder(plain.length() + 16);
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            switch (c) {
                case '&':
                    out.append("&amp;");
                    break;
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '@':
                    out.append("&#64;");
                    break;
                case '|':
                    out.append("&#124;");
                    break;
                case '\\':
                case '`':
                case '*':
                case '_':
                case '[':
                case ']':
                case '#':
                case '!':
                case '~':
                case '(':
                case ')':
                case '{':
                case '}':
                case ':':
                    out.append('\\').append(c);
                    break;
                default:
                    out.append(c);
            }
        }
        return out.toString();
    }
}
