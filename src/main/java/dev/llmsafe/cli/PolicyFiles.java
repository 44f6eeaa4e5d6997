package dev.llmsafe.cli;

import dev.llmsafe.files.CliFiles;
import dev.llmsafe.identity.ActorClassifier;
import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.policy.input.InputException;
import java.nio.file.Path;
import java.util.Collection;

/** The policy file a command's option names, read like every other file the command line names. */
final class PolicyFiles {
    private PolicyFiles() {}

    /** The actor classifier of {@code file} (the defaults when null) plus {@code extraAiIdentities}. */
    static ActorClassifier classifier(Path file, String option, Collection<String> extraAiIdentities)
            throws InputException {
        if (file == null) {
            return PolicyFile.defaults().classifier(extraAiIdentities);
        }
        String label = CliFiles.label(option, file);
        return PolicyFile.read(CliFiles.readBytes(file, label), label).classifier(extraAiIdentities);
    }
}
