package dev.llmsafe.gate;

/** A GitHub account as the REST API reports it: {@code login}, numeric {@code id} and {@code type} (User, Bot, ...). */
public record GithubUser(String login, long id, String type) {
    /** {@code alice (id 1001)}. */
    public String describe() {
        return login + " (id " + id + ")";
    }
}
