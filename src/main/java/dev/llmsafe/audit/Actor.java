package dev.llmsafe.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.llmsafe.identity.ActorKind;
import java.util.Objects;

/**
 * Who acted. {@code kind} is {@code human}, {@code ai} or {@code bot}, decided by
 * {@link dev.llmsafe.identity.ActorClassifier}; {@code agent} and {@code model} are set for AI actors when known.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Actor(String kind, String login, String agent, String model) {
    public Actor {
        Objects.requireNonNull(kind, "kind");
        if (ActorKind.HUMAN.value().equals(kind) || ActorKind.BOT.value().equals(kind)) {
            if (agent != null || model != null) {
                throw new IllegalArgumentException(
                        "agent and model describe AI actors only, but the actor " + login + " is " + kind);
            }
        } else if (!ActorKind.AI.value().equals(kind)) {
            throw new IllegalArgumentException("actor kind must be human, ai or bot, got " + kind);
        }
    }

    public static Actor of(ActorKind kind, String login) {
        return new Actor(kind.value(), login, null, null);
    }
}
