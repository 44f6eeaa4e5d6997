package dev.llmsafe.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * A GitHub Actions workflow run a record came from, and its page when the record says enough to build it: the
 * server ({@code GITHUB_SERVER_URL}), the repository and the run id. Record content is untrusted, so only a plain
 * http(s) origin, an {@code owner/name} and a numeric id ever become a link.
 *
 * @param url null when the record does not say which server the run is on
 */
public record RunLink(String id, String url) {
    private static final Pattern SERVER = Pattern.compile("https?://[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?");
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9-]{1,39}/[A-Za-z0-9._-]{1,100}");
    private static final Pattern RUN_ID = Pattern.compile("[0-9]{1,20}");
    /** What Pulumi records as {@code ci.build.url} for a GitHub Actions run. */
    private static final Pattern RUN_PAGE =
            Pattern.compile(SERVER.pattern() + "/" + REPOSITORY.pattern() + "/actions/runs/([0-9]{1,20})");

    /** The run of a record's subject, or null when it names none. */
    static RunLink of(Subject subject) {
        String run = subject.run();
        if (run == null || run.isBlank()) {
            return null;
        }
        boolean linkable = RUN_ID.matcher(run).matches()
                && subject.serverUrl() != null
                && SERVER.matcher(subject.serverUrl()).matches()
                && subject.repository() != null
                && REPOSITORY.matcher(subject.repository()).matches();
        return new RunLink(
                run, linkable ? subject.serverUrl() + "/" + subject.repository() + "/actions/runs/" + run : null);
    }

    /** The run of an imported Pulumi update: Pulumi records the run's page as {@code ci.build.url}. */
    static RunLink ofHistory(Subject subject, JsonNode entry) {
        RunLink fromSubject = of(subject);
        var page =
                RUN_PAGE.matcher(entry.path("environment").path("ci.build.url").asText(""));
        if (fromSubject == null
                || fromSubject.url() != null
                || !page.matches()
                || !page.group(page.groupCount()).equals(fromSubject.id())) {
            return fromSubject;
        }
        return new RunLink(fromSubject.id(), page.group());
    }
}
