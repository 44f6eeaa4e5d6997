package dev.llmsafe.reaper;

import dev.llmsafe.stack.ConfigReader;

/** {@code previewTtlDays}: how long a preview may live without a new deploy before the reaper removes it. */
public final class PreviewTtl {
    public static final String KEY = "previewTtlDays";
    public static final int DEFAULT_DAYS = 7;

    private PreviewTtl() {}

    public static int read(ConfigReader in) {
        return in.integer(KEY, DEFAULT_DAYS, 1, 365, "days a preview lives without a new deploy");
    }
}
