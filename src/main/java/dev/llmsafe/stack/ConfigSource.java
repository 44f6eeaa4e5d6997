package dev.llmsafe.stack;

import java.util.Optional;
import java.util.Set;

/**
 * Raw configuration of one stack, keyed without the project namespace. Values are strings as Pulumi
 * hands them to programs: scalars as text, lists and maps as JSON.
 */
public interface ConfigSource {

    Optional<String> get(String key);

    /** Every key set in the project namespace, for reporting misspelled keys. */
    Set<String> keys();

    /** Whether the value was stored encrypted ({@code secure:} / {@code pulumi config set --secret}). */
    boolean isSecret(String key);
}
