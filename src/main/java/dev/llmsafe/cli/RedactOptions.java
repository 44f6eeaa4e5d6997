package dev.llmsafe.cli;

import dev.llmsafe.audit.PayloadRedactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --redact-env}: values that must never enter an audit record, named by their environment variables. */
final class RedactOptions {
    @Option(
            names = "--redact-env",
            paramLabel = "NAME",
            description = "Redact the value of this environment variable wherever it appears (repeatable).")
    List<String> redactEnv = new ArrayList<>();

    /** The redactor for these variables; a variable that is not set is an error, never silently skipped. */
    PayloadRedactor redactor(Map<String, String> env) {
        List<String> values = new ArrayList<>();
        for (String name : redactEnv) {
            String value = env.get(name);
            if (value == null) {
                throw new BadInputException("--redact-env " + name + ": no such environment variable; "
                        + "its value could not be redacted");
            }
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        return new PayloadRedactor(values);
    }
}
