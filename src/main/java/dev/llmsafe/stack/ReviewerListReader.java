package dev.llmsafe.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmsafe.identity.ActorClassifier;
import dev.llmsafe.stack.GovernanceSettings.Account;
import dev.llmsafe.stack.GovernanceSettings.Team;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads reviewer lists: users as {@code [{login: alice, id: 1001}]}, teams as {@code [{slug: platform, id: 42}]}.
 * Every AI identity and every bot is rejected by name, whatever else is wrong with the entry.
 */
final class ReviewerListReader {
    static final Pattern LOGIN = StackSettingsReader.GITHUB_OWNER;
    static final Pattern TEAM_SLUG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConfigReader in;
    private final ActorClassifier classifier;

    ReviewerListReader(ConfigReader in, ActorClassifier classifier) {
        this.in = in;
        this.classifier = classifier;
    }

    List<Account> users(String key) {
        List<Account> users = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (JsonNode item : items(key, "[{login: alice, id: 1001}]")) {
            String login = text(item, "login");
            if (login != null && classifier.isNonHuman(login)) {
                in.problem(
                        key,
                        login,
                        (classifier.isAiIdentity(login)
                                        ? "is an AI identity (listed in policy.yaml's aiIdentities)"
                                        : "is a bot account")
                                + "; AI and bot accounts may never approve a deployment: remove it");
                continue;
            }
            if (!fieldsAre(key, item, "login")
                    || login == null
                    || !LOGIN.matcher(login).matches()) {
                in.problem(
                        key,
                        String.valueOf(item),
                        "each user is {login: <GitHub login>, id: <numeric user id>}; "
                                + "find the id with `gh api users/LOGIN --jq .id`");
                continue;
            }
            Optional<Long> id = id(key, item, login, "users/" + login);
            if (id.isPresent() && !seen.add(id.get())) {
                in.problem(key, login, "is listed twice (id " + id.get() + "); list each reviewer once");
            } else {
                id.ifPresent(i -> users.add(new Account(login, i)));
            }
        }
        return List.copyOf(users);
    }

    List<Team> teams(String key, String owner) {
        List<Team> teams = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (JsonNode item : items(key, "[{slug: platform, id: 42}]")) {
            String slug = text(item, "slug");
            if (!fieldsAre(key, item, "slug")
                    || slug == null
                    || !TEAM_SLUG.matcher(slug).matches()) {
                in.problem(
                        key,
                        String.valueOf(item),
                        "each team is {slug: <team slug>, id: <numeric team id>}; " + "find the id with `gh api orgs/"
                                + owner + "/teams/SLUG --jq .id`");
                continue;
            }
            Optional<Long> id = id(key, item, slug, "orgs/" + owner + "/teams/" + slug);
            if (id.isPresent() && !seen.add(id.get())) {
                in.problem(key, slug, "is listed twice (id " + id.get() + "); list each team once");
            } else {
                id.ifPresent(i -> teams.add(new Team(slug, i)));
            }
        }
        return List.copyOf(teams);
    }

    private List<JsonNode> items(String key, String example) {
        Optional<String> raw = in.raw(key);
        if (raw.isEmpty()) {
            return List.of();
        }
        JsonNode node;
        try {
            node = JSON.readTree(raw.get().trim());
        } catch (JsonProcessingException e) {
            node = null;
        }
        if (node == null || !node.isArray()) {
            in.problem(key, raw.get(), "must be a list such as " + example);
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode item : node) {
            if (item.isObject()) {
                items.add(item);
            } else {
                in.problem(
                        key,
                        item.toString(),
                        "each entry is a mapping such as " + example.substring(1, example.length() - 1));
            }
        }
        return items;
    }

    /** Whether the entry has exactly {@code name} and {@code id}; a misspelt field would otherwise be lost. */
    private static boolean fieldsAre(String key, JsonNode item, String name) {
        if (item.size() != 2 || !item.has(name) || !item.has("id")) {
            return false;
        }
        for (Iterator<String> it = item.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!field.equals(name) && !field.equals("id")) {
                return false;
            }
        }
        return true;
    }

    private static String text(JsonNode item, String field) {
        JsonNode v = item.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText().trim() : null;
    }

    /** GitHub ids are positive; the provider takes them as 32-bit integers, which every id issued so far fits. */
    private Optional<Long> id(String key, JsonNode item, String name, String apiPath) {
        JsonNode v = item.get("id");
        String text = v == null ? "" : v.asText().trim();
        if ((v != null && (v.isIntegralNumber() || v.isTextual()))
                && DIGITS.matcher(text).matches()) {
            long id = Long.parseLong(text);
            if (id > 0 && id <= Integer.MAX_VALUE) {
                return Optional.of(id);
            }
        }
        in.problem(
                key,
                name + " id " + (v == null ? "(missing)" : v.toString()),
                "must be the numeric id, " + "a whole number from 1 to " + Integer.MAX_VALUE + "; find it with `gh api "
                        + apiPath + " --jq .id`");
        return Optional.empty();
    }
}
