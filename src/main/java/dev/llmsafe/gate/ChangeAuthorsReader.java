package dev.llmsafe.gate;

import static dev.llmsafe.gate.RunApprovalsReader.malformed;
import static dev.llmsafe.gate.RunApprovalsReader.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads who wrote a deployed commit: its author and committer ({@code GET /repos/{o}/{r}/commits/{sha}}), and for
 * each merged pull request that brought it in ({@code GET .../commits/{sha}/pulls}) the pull request's author and
 * the authors and committers of its commits ({@code GET .../pulls/{n}/commits}). GitHub links a git identity to
 * an account ({@code author}, {@code committer} at the top level) when its email belongs to one, and gives null
 * otherwise; both are kept.
 */
final class ChangeAuthorsReader {
    /** GitHub lists at most this many commits of a pull request; one that reaches it may have more. */
    static final int PULL_COMMITS_LIMIT = 250;

    private final GithubApi api;

    ChangeAuthorsReader(GithubApi api) {
        this.api = api;
    }

    ChangeAuthors read(String repository, String sha) throws GithubApiException {
        List<Contribution> contributions = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        String commitPath = "repos/" + repository + "/commits/" + sha;
        commit(api.get(commitPath), commitPath, contributions);
        String pullsPath = commitPath + "/pulls";
        for (JsonNode pull : api.getAll(pullsPath + "?per_page=100")) {
            if (pull.path("merged_at").isNull() || pull.path("merged_at").isMissingNode()) {
                continue; // an open or closed pull request that also holds this commit did not bring it to main
            }
            JsonNode number = pull.get("number");
            if (number == null || !number.canConvertToInt()) {
                throw malformed(pullsPath, "a pull request without a number", pull);
            }
            contributions.add(new Contribution(
                    user(pull.get("user"), pullsPath + " user"), "", "", "author of pull request #" + number.asInt()));
            String pullCommits = "repos/" + repository + "/pulls/" + number.asInt() + "/commits";
            List<JsonNode> commits = api.getAll(pullCommits + "?per_page=100");
            for (JsonNode c : commits) {
                commit(c, pullCommits, contributions);
            }
            if (commits.size() >= PULL_COMMITS_LIMIT) {
                unreadable.add("pull request #" + number.asInt() + " has " + commits.size() + " or more commits; "
                        + "GitHub lists only " + PULL_COMMITS_LIMIT + ", so authors of the others are unknown");
            }
        }
        return new ChangeAuthors(sha, contributions, unreadable);
    }

    /** The author and committer of one commit as the commits endpoints return it. */
    private static void commit(JsonNode commit, String where, List<Contribution> into) throws GithubApiException {
        String sha = commit.path("sha").asText("");
        if (sha.length() < 7 || !commit.path("commit").isObject()) {
            throw malformed(where, "a commit without sha and commit", commit);
        }
        for (String role : List.of("author", "committer")) {
            JsonNode git = commit.path("commit").path(role);
            if (!git.path("name").isTextual() || !git.path("email").isTextual()) {
                throw malformed(where, "a commit without its " + role + "'s name and email", commit);
            }
            JsonNode account = commit.get(role);
            GithubUser user = account == null || account.isNull() ? null : user(account, where + " " + role);
            into.add(new Contribution(
                    user,
                    git.get("name").asText(),
                    git.get("email").asText(),
                    role + " of commit " + sha.substring(0, 7)));
        }
    }
}
