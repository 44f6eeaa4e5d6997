package dev.llmsafe.stack;

/** A stack kind whose program is not built yet. */
public final class UnsupportedKindException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnsupportedKindException(StackKind kind) {
        super("stack kind '" + kind.configValue() + "' has no program yet: only the platform kind is built so far "
                + "(the preview and app runtimes come with the runtime work)");
    }
}
