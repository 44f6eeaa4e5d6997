package dev.llmsafe.stack;

/** Branch-name rules of {@code git check-ref-format --branch}, without needing git. */
public final class GitRefs {
    private GitRefs() {}

    public static boolean isValidBranch(String name) {
        if (name.isEmpty()
                || name.length() > 255
                || name.startsWith("-")
                || name.startsWith("/")
                || name.endsWith("/")
                || name.endsWith(".")
                || name.endsWith(".lock")
                || name.equals("@")
                || name.contains("..")
                || name.contains("@{")
                || name.contains("//")
                || name.contains("/.")
                || name.startsWith(".")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || " ~^:?*[\\".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }
}
