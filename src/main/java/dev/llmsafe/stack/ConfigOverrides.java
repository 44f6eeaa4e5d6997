package dev.llmsafe.stack;

import dev.llmsafe.files.CliFiles;
import dev.llmsafe.policy.input.InputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --set KEY=VALUE} options as given on the command line, checked before any config is read. */
public final class ConfigOverrides {
    private static final String EXAMPLE = "write --set KEY=VALUE, e.g. --set branch=release/1.4";

    private ConfigOverrides() {}

    /** The overrides in order; a value without '=', an empty key or a key given twice is refused. */
    public static Map<String, String> parse(List<String> options) throws InputException {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String option : options) {
            int eq = option.indexOf('=');
            String shown = "--set '" + CliFiles.shown(option) + "'";
            if (eq < 0) {
                throw new InputException(shown, "has no '='; " + EXAMPLE);
            }
            String key = option.substring(0, eq).strip();
            String bare = key.startsWith(StackSettings.NAMESPACE + ":")
                    ? key.substring(StackSettings.NAMESPACE.length() + 1)
                    : key;
            if (bare.isEmpty()) {
                throw new InputException(shown, "names no key before '='; " + EXAMPLE);
            }
            if (overrides.containsKey(bare)) {
                throw new InputException("--set " + CliFiles.shown(bare), "given twice; give each key once");
            }
            overrides.put(bare, option.substring(eq + 1));
        }
        return overrides;
    }
}
