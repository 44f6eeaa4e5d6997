package dev.llmsafe.gate;

/**
 * One person's part in the change a run deploys, as GitHub reports it: the author or committer of a commit, or
 * the author of the pull request that merged it.
 *
 * @param account the GitHub account GitHub links to it, or null when it links none (a commit email that belongs
 *                to no account)
 * @param name    the git name (empty for a pull request's author)
 * @param email   the git email (empty for a pull request's author)
 * @param role    what they did, e.g. {@code author of commit 1a2b3c4} or {@code author of pull request #12}
 */
public record Contribution(GithubUser account, String name, String email, String role) {
    public Contribution {
        name = name == null ? "" : name;
        email = email == null ? "" : email;
    }

    /** {@code alice (id 1001)}, or {@code Jane Doe <jane@example.com>} for a git identity without an account. */
    public String describe() {
        return account != null ? account.describe() : name + " <" + email + ">";
    }
}
