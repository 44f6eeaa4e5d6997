package dev.llmsafe.identity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one place that decides whether an identity or a commit is AI, bot or human. The policy engine, the
 * governance validation, the approval gate and the audit log all ask it, so they can never disagree.
 *
 * <p>An account is a bot when GitHub says so (type {@code Bot}) or its login ends in {@code [bot]}; it is AI
 * when its login is a configured AI identity. A commit is AI-assisted when a trailer says so:
 * {@code Assisted-by:}, {@code Generated-by:}, or {@code Co-authored-by:} naming a known agent.
 */
public final class ActorClassifier {
    /** Agent names recognised in {@code Co-authored-by:} trailers unless configured otherwise. */
    public static final List<String> DEFAULT_AGENT_PATTERNS = List.of(
            "(?i)\\bclaude\\b", "(?i)\\bcopilot\\b", "(?i)\\bcodex\\b", "(?i)\\bcursor\\b", "(?i)\\bdevin\\b",
            "(?i)\\baider\\b", "(?i)\\bgemini\\b", "(?i)\\bchatgpt\\b", "(?i)noreply@anthropic\\.com",
            "(?i)noreply@openai\\.com", "(?i)\\[bot\\]");

    private static final Pattern TRAILER = Pattern.compile("(?m)^([A-Za-z-]+):[ \\t]*(.+?)[ \\t]*$");

    private final Set<String> aiIdentities;
    private final List<Pattern> agentPatterns;

    public ActorClassifier(Set<String> aiIdentities, List<String> agentPatterns) {
        this.aiIdentities = aiIdentities.stream().map(ActorClassifier::fold).collect(Collectors.toUnmodifiableSet());
        List<Pattern> compiled = new ArrayList<>();
        for (String p : agentPatterns) {
            compiled.add(Pattern.compile(p));
        }
        this.agentPatterns = List.copyOf(compiled);
    }

    public static ActorClassifier withDefaults(Set<String> aiIdentities) {
        return new ActorClassifier(aiIdentities, DEFAULT_AGENT_PATTERNS);
    }

    /** Classifies an account by login and, when known, GitHub's account type ({@code User}, {@code Bot}). */
    public ActorKind classify(String login, String accountType) {
        if (login == null || login.isBlank()) {
            return ActorKind.BOT; // an unnamed actor is never counted as a person
        }
        if (isAiIdentity(login)) {
            return ActorKind.AI;
        }
        if ("Bot".equalsIgnoreCase(accountType) || isBotLogin(login)) {
            return ActorKind.BOT;
        }
        return ActorKind.HUMAN;
    }

    public ActorKind classify(String login) {
        return classify(login, null);
    }

    public boolean isAiIdentity(String login) {
        return login != null && aiIdentities.contains(fold(login));
    }

    public static boolean isBotLogin(String login) {
        return login != null && fold(login).endsWith("[bot]");
    }

    /** Whether the identity may never approve, review or bypass: every AI identity and every bot. */
    public boolean isNonHuman(String login) {
        return classify(login) != ActorKind.HUMAN;
    }

    /**
     * The AI trailer of a commit message, as {@code "Name: value"}, if it has one: {@code Assisted-by:} or
     * {@code Generated-by:} with any value, or {@code Co-authored-by:} matching a known agent.
     */
    public Optional<String> aiTrailer(String commitMessage) {
        if (commitMessage == null) {
            return Optional.empty();
        }
        Matcher m = TRAILER.matcher(commitMessage);
        while (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(2);
            if (name.equals("assisted-by") || name.equals("generated-by")) {
                return Optional.of(m.group(1) + ": " + value);
            }
            if (name.equals("co-authored-by") && agentPatterns.stream().anyMatch(p -> p.matcher(value).find())) {
                return Optional.of(m.group(1) + ": " + value);
            }
        }
        return Optional.empty();
    }

    /** Logins compare Unicode-normalised and case-insensitively, as GitHub treats them. */
    static String fold(String login) {
        return Normalizer.normalize(login.trim(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
