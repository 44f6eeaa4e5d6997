package dev.llmsafe.identity;

import java.util.Locale;

/** Who acted: a person, an AI agent, or an automation account. */
public enum ActorKind {
    HUMAN,
    AI,
    BOT;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
