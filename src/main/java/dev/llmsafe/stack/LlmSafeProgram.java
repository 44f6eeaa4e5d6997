package dev.llmsafe.stack;

import com.pulumi.Context;

/** The one Pulumi program: the stack's kind decides what it builds. */
public final class LlmSafeProgram {
    private LlmSafeProgram() {}

    public static void define(Context ctx, StackSettings settings) {
        // A switch expression must cover every kind, so a new kind fails to compile instead of building nothing.
        Runnable program = switch (settings.kind()) {
            case PLATFORM -> () -> PlatformProgram.define(ctx, settings);
            case REVIEW, STAGING, PRODUCTION -> () -> AppProgram.define(ctx, settings);
        };
        program.run();
    }
}
