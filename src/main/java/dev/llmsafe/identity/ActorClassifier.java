package dev.llmsafe.identity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one place that decides whether an identity or a commit is AI, bot or human. The policy engine, the
 * governance validation, the approval gate and the audit log all ask it, so they can never disagree.
 *
 * <p>An account is a bot when GitHub says so (type {@code Bot}) or its login ends in {@code [bot]}; it is AI
 * when its login is a configured AI identity. A commit is AI-assisted when a trailer says so:
 * {@code Assisted-by:}, {@code Generated-by:}, or {@code Co-authored-by:} naming a known agent. Text is
 * compared {@linkplain #normalize normalised}, so invisible and compatibility characters hide nothing.
 */
public final class ActorClassifier {
    /**
     * AI agents known by name: a commit author, committer or {@code Co-authored-by:} trailer that names one
     * (as a whole word of its name or email, e.g. {@code noreply@anthropic.com}) is an agent. policy.yaml's
     * {@code aiAgents} adds to this list; it cannot remove from it.
     */
    public static final List<String> DEFAULT_AI_AGENTS = List.of(
            "aider",
            "amazon q",
            "anthropic",
            "chatgpt",
            "claude",
            "cline",
            "codeium",
            "codex",
            "copilot",
            "cursor",
            "devin",
            "gemini",
            "jules",
            "openai",
            "openhands",
            "tabnine",
            "windsurf");
    /** Further {@code Co-authored-by:} values that mean an agent unless configured otherwise: any bot. */
    public static final List<String> DEFAULT_AGENT_PATTERNS = List.of("(?i)\\[bot\\]");
    /** Characters that render as nothing: format characters (Cf) and the invisible fillers and selectors. */
    private static final Pattern INVISIBLE = Pattern.compile(
            "[\\p{Cf}\\u034F\\u115F\\u1160\\u17B4\\u17B5\\u3164\\uFFA0\\uFE00-\\uFE0F]|\\uDB40[\\uDD00-\\uDDEF]");

    private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final Set<String> aiIdentities;
    private final List<Pattern> agentPatterns;
    /** The names given besides the defaults, as given: {@link #agents()} reads them. */
    private final List<String> extraAgents;
    /** The agent names as {@link #words}, computed on first use: the skeletons need ICU's confusables data. */
    private volatile List<String> agents;

    public ActorClassifier(Set<String> aiIdentities, List<String> agentPatterns) {
        this(aiIdentities, agentPatterns, DEFAULT_AI_AGENTS);
    }

    /** {@code agents} are names in addition to {@link #DEFAULT_AI_AGENTS}. */
    public ActorClassifier(Set<String> aiIdentities, List<String> agentPatterns, List<String> agents) {
        this.aiIdentities = aiIdentities.stream().map(ActorClassifier::fold).collect(Collectors.toUnmodifiableSet());
        List<Pattern> compiled = new ArrayList<>();
        for (String p : agentPatterns) {
            compiled.add(Pattern.compile(p));
        }
        this.agentPatterns = List.copyOf(compiled);
        this.extraAgents = List.copyOf(agents);
    }

    /**
     * The agent names as whole words, built on first use and not in the constructor: only {@link #isAgent} needs
     * them, and their skeletons load ICU's confusables data, which classifying a login (all that verifying an audit
     * log asks) never needs. Built from the same names by the same {@link #words}, so every answer is the same.
     */
    private List<String> agents() {
        List<String> built = agents;
        if (built == null) {
            Set<String> words = new LinkedHashSet<>();
            Stream.concat(DEFAULT_AI_AGENTS.stream(), extraAgents.stream())
                    .map(ActorClassifier::words)
                    .filter(w -> !w.isBlank())
                    .forEach(words::add);
            built = List.copyOf(words);
            agents = built;
        }
        return built;
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
     * The AI trailer among a commit's trailers (as git reads them), as {@code "Name: value"}, if it has one:
     * {@code Assisted-by:} or {@code Generated-by:} with any value, or {@code Co-authored-by:} naming an agent.
     */
    public Optional<String> aiTrailer(List<Trailer> trailers) {
        for (Trailer t : trailers) {
            String key = normalize(t.key());
            if (key.equals("assisted-by") || key.equals("generated-by")) {
                return Optional.of(t.toString());
            }
            if (key.equals("co-authored-by")
                    && (isAgent(t.value())
                            || agentPatterns.stream()
                                    .anyMatch(
                                            p -> p.matcher(normalize(t.value())).find()))) {
                return Optional.of(t.toString());
            }
        }
        return Optional.empty();
    }

    /** Whether a name, email or trailer value names a known AI agent as whole words. */
    public boolean isAgent(String text) {
        if (text == null) {
            return false;
        }
        String padded = " " + words(text) + " ";
        return agents().stream().anyMatch(agent -> padded.contains(" " + agent + " "));
    }

    /**
     * The words of a text, normalised, separated by one space, each letter by its confusable skeleton (Unicode
     * TR39): a Cyrillic {@code С} or a Greek {@code ο} reads as the Latin letter it looks like, so a look-alike
     * agent name is still the agent. Both the agent list and the text compared go through here.
     */
    private static String words(String text) {
        return WORD_BREAK.matcher(Skeletons.of(normalize(text))).replaceAll(" ").strip();
    }

    /**
     * Text as it is compared: NFKC (so full-width and other compatibility forms read as the plain letters),
     * without invisible characters (zero-width spaces and joiners, word joiners, byte-order marks, ...), case
     * folded.
     */
    public static String normalize(String text) {
        return Normalizer.normalize(visible(text).toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
    }

    /** NFKC without invisible characters, case kept: the letters a reader of the text would see. */
    public static String visible(String text) {
        return INVISIBLE
                .matcher(Normalizer.normalize(text, Normalizer.Form.NFKC))
                .replaceAll("");
    }

    /** Logins compare Unicode-normalised and case-insensitively, as GitHub treats them. */
    static String fold(String login) {
        return normalize(login).trim();
    }
}
