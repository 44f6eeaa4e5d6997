package dev.llmsafe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.llmsafe.audit.Actor;
import dev.llmsafe.audit.ActorResolver;
import dev.llmsafe.audit.GithubContext;
import dev.llmsafe.identity.ActorClassifier;
import dev.llmsafe.identity.ActorKind;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Who a record says acted, classified by the shared {@link ActorClassifier} with the project's AI identities
 * and trailer patterns (the {@code aiIdentities} and {@code aiTrailerPatterns} of the policy file).
 */
public final class ActorOptions {
    @Option(names = "--ai-identities", paramLabel = "LOGIN", split = ",",
            description = "Logins of AI agents (comma-separated; added to the policy file's aiIdentities).")
    List<String> aiIdentities = new ArrayList<>();

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Policy file (YAML) whose aiIdentities and aiTrailerPatterns classify actors.")
    Path policyFile;

    @Option(names = "--actor", paramLabel = "LOGIN", description = "Who acted (default: $GITHUB_ACTOR).")
    String actor;

    @Option(names = "--actor-kind", paramLabel = "KIND",
            description = "Declare the kind: human, ai or bot. It may add AI involvement the classifier cannot "
                    + "see, never contradict it (an AI or bot login is never recorded as human).")
    String actorKind;

    @Option(names = "--agent", paramLabel = "NAME", description = "The AI agent, for ai actors (e.g. claude-code).")
    String agent;

    @Option(names = "--model", paramLabel = "NAME", description = "The model, for ai actors.")
    String model;

    @Option(names = "--commit-message-file", paramLabel = "FILE",
            description = "The commit message, to recognise AI trailers (default: the push event's head commit).")
    Path commitMessageFile;

    ActorClassifier classifier() throws IOException {
        Set<String> ids = new LinkedHashSet<>(aiIdentities.stream().map(String::trim).filter(s -> !s.isEmpty()).toList());
        List<String> patterns = ActorClassifier.DEFAULT_AGENT_PATTERNS;
        if (policyFile != null) {
            JsonNode policy;
            try {
                policy = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(policyFile));
            } catch (IOException e) {
                throw new IOException("cannot read the policy file " + policyFile + ": " + e.getMessage(), e);
            }
            policy = policy == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : policy;
            ids.addAll(strings(policy.path("aiIdentities"), "aiIdentities"));
            if (policy.has("aiTrailerPatterns")) {
                patterns = strings(policy.path("aiTrailerPatterns"), "aiTrailerPatterns");
                for (String p : patterns) {
                    try {
                        Pattern.compile(p);
                    } catch (PatternSyntaxException e) {
                        throw new IllegalArgumentException(policyFile + ": aiTrailerPatterns entry '" + p
                                + "' is not a regular expression: " + e.getDescription());
                    }
                }
            }
        }
        return new ActorClassifier(ids, patterns);
    }

    private List<String> strings(JsonNode node, String key) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException(policyFile + ": " + key + " must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        node.forEach(item -> {
            if (!item.isTextual()) {
                throw new IllegalArgumentException(policyFile + ": " + key + " must be a list of strings, found "
                        + item);
            }
            out.add(item.asText());
        });
        return out;
    }

    /** The actor: --actor or the GitHub actor, classified; --actor-kind/--agent/--model as checked by the resolver. */
    Actor resolve(ActorResolver resolver, GithubContext github) {
        String login = actor != null ? actor : github.actor();
        String accountType = actor != null && !actor.equalsIgnoreCase(String.valueOf(github.actor()))
                ? null : github.accountType();
        return resolver.resolve(login, accountType, declaredKind(), agent, model);
    }

    private ActorKind declaredKind() {
        if (actorKind == null) {
            return null;
        }
        try {
            return ActorKind.valueOf(actorKind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--actor-kind '" + actorKind + "' is not one of human, ai, bot");
        }
    }

    /** The commit message to check for AI trailers: --commit-message-file, else the event's head commit. */
    String commitMessage(GithubContext github) throws IOException {
        return commitMessageFile != null ? Files.readString(commitMessageFile) : github.commitMessage();
    }
}
