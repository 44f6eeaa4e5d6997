package dev.llmsafe.cli;

import dev.llmsafe.audit.Actor;
import dev.llmsafe.audit.ActorResolver;
import dev.llmsafe.audit.GithubContext;
import dev.llmsafe.files.CliFiles;
import dev.llmsafe.identity.ActorClassifier;
import dev.llmsafe.identity.ActorKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Who a record says acted, classified by the shared {@link ActorClassifier} with the project's AI identities
 * and trailer patterns (the {@code aiIdentities} and {@code aiTrailerPatterns} of the policy file).
 */
public final class ActorOptions {
    @Option(
            names = "--ai-identities",
            paramLabel = "LOGINS",
            split = ",",
            hideParamSyntax = true,
            description = "Logins of AI agents, comma-separated (added to the policy file's aiIdentities).")
    List<String> aiIdentities = new ArrayList<>();

    @Option(
            names = "--policy",
            paramLabel = "FILE",
            description = "Policy file (YAML) whose aiIdentities and aiTrailerPatterns classify actors.")
    Path policyFile;

    @Option(names = "--actor", paramLabel = "LOGIN", description = "Who acted (default: $GITHUB_ACTOR).")
    String actor;

    @Option(
            names = "--actor-kind",
            paramLabel = "KIND",
            converter = EnumWords.ActorKinds.class,
            completionCandidates = EnumWords.ActorKinds.class,
            description = "Declare the kind: ${COMPLETION-CANDIDATES}. It may add AI involvement the classifier cannot "
                    + "see, never contradict it (an AI or bot login is never recorded as human).")
    ActorKind actorKind;

    @Option(
            names = "--agent",
            paramLabel = "NAME",
            description = "The AI agent, for ai actors (for example claude-code).")
    String agent;

    @Option(names = "--model", paramLabel = "NAME", description = "The model, for ai actors.")
    String model;

    @Option(
            names = "--commit-message-file",
            paramLabel = "FILE",
            description = "The commit message, to recognise AI trailers (default: the push event's head commit).")
    Path commitMessageFile;

    ActorClassifier classifier() throws IOException {
        return PolicyFiles.classifier(policyFile, "--policy", aiIdentities);
    }

    /** The actor: --actor or the GitHub actor, classified; --actor-kind/--agent/--model as checked by the resolver. */
    Actor resolve(ActorResolver resolver, GithubContext github) {
        String login = actor != null ? actor : github.actor();
        String accountType =
                actor != null && !actor.equalsIgnoreCase(String.valueOf(github.actor())) ? null : github.accountType();
        return resolver.resolve(login, accountType, actorKind, agent, model);
    }

    /** The commit message to check for AI trailers: --commit-message-file, else the event's head commit. */
    String commitMessage(GithubContext github) throws IOException {
        return commitMessageFile != null
                ? CliFiles.readText(commitMessageFile, CliFiles.label("--commit-message-file", commitMessageFile))
                : github.commitMessage();
    }
}
