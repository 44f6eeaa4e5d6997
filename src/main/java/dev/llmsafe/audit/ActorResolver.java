package dev.llmsafe.audit;

import dev.llmsafe.identity.ActorClassifier;
import dev.llmsafe.identity.ActorKind;
import dev.llmsafe.policy.change.CommitTrailers;
import dev.llmsafe.policy.input.InputException;

/**
 * Decides a record's actor with the shared {@link ActorClassifier}. A caller may declare AI involvement the
 * classifier cannot see (an agent acting through a person's token), but may never contradict it: an account
 * the classifier calls ai or bot is never recorded as a human.
 */
public final class ActorResolver {
    private final ActorClassifier classifier;

    public ActorResolver(ActorClassifier classifier) {
        this.classifier = classifier;
    }

    /**
     * @param declared the kind the caller states, or null to use the classification
     * @throws IllegalArgumentException naming the login and the conflict
     */
    public Actor resolve(String login, String accountType, ActorKind declared, String agent, String model) {
        if (login == null || login.isBlank()) {
            throw new IllegalArgumentException(
                    "no actor: pass --actor LOGIN, or run inside GitHub Actions " + "where GITHUB_ACTOR names it");
        }
        ActorKind classified = classifier.classify(login, accountType);
        ActorKind kind = declared == null ? classified : declared;
        if (!agrees(classified, kind)) {
            throw new IllegalArgumentException("the actor " + login + " is classified as " + classified.value()
                    + " by the configured AI identities and GitHub's account type; a record cannot call it "
                    + declared.value());
        }
        if (kind != ActorKind.AI && (agent != null || model != null)) {
            throw new IllegalArgumentException("--agent and --model describe AI actors, but " + login + " is "
                    + kind.value() + "; add --actor-kind ai if an AI agent acted through this account");
        }
        return new Actor(kind.value(), login, agent, model);
    }

    /**
     * Whether a record may call an account of the classified kind {@code recorded}: a person's account may act
     * for an AI or a bot, an AI or bot account is only ever itself. Verification applies the same rule.
     */
    public static boolean agrees(ActorKind classified, ActorKind recorded) {
        return classified == ActorKind.HUMAN || classified == recorded;
    }

    /**
     * The commit's AI trailer ({@code Assisted-by: ...}) as the policy engine recognises it, or null: the trailers
     * are read by git, as the policy check reads them, so a folded value or a space before the colon hides nothing.
     */
    public String aiTrailer(String commitMessage) throws InputException {
        return commitMessage == null
                ? null
                : classifier.aiTrailer(CommitTrailers.parse(commitMessage)).orElse(null);
    }
}
