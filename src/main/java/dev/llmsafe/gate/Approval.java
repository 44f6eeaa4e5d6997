package dev.llmsafe.gate;

import java.util.List;

/**
 * One entry of a workflow run's review history: who approved or rejected which pending environments.
 *
 * @param state {@code approved} or {@code rejected}
 */
public record Approval(List<String> environments, String state, String comment, GithubUser user) {
    public Approval {
        environments = List.copyOf(environments);
        comment = comment == null ? "" : comment;
    }

    public boolean approved() {
        return "approved".equals(state);
    }

    public boolean rejected() {
        return "rejected".equals(state);
    }
}
