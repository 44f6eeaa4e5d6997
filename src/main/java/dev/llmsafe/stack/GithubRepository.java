package dev.llmsafe.stack;

/**
 * The repository whose Actions deploy this project. Numeric ids, not names, are what trust is pinned to:
 * a deleted owner or repository name can be registered again by someone else.
 */
public record GithubRepository(String owner, String name, long repositoryId, long ownerId) {
    public String fullName() {
        return owner + "/" + name;
    }
}
