package dev.llmsafe.engine;

import static dev.llmsafe.engine.GithubStandIn.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmsafe.engine.GithubStandIn.Request;
import java.util.List;

/** The requests the GitHub stand-in recorded during one engine run, by method and path below the REST root. */
record GovernanceRequests(List<Request> all) {
    /** The bodies sent, in order (JSON null for none). */
    List<JsonNode> bodies(String method, String apiPath) {
        return all.stream()
                .filter(r -> r.method().equals(method) && r.api().equals(apiPath))
                .map(r -> r.body() == null ? (JsonNode) JSON.nullNode() : r.body())
                .toList();
    }

    /** The last body sent; fails the test when there was no such request. */
    JsonNode lastBody(String method, String apiPath) {
        List<JsonNode> bodies = bodies(method, apiPath);
        assertThat(bodies).as("%s %s among %s", method, apiPath, all).isNotEmpty();
        return bodies.get(bodies.size() - 1);
    }

    /** The position of the first such request; fails the test when there was none. */
    int index(String method, String apiPath) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).method().equals(method) && all.get(i).api().equals(apiPath)) {
                return i;
            }
        }
        throw new AssertionError(method + " " + apiPath + " not among " + all);
    }

    List<Request> withMethod(String method) {
        return all.stream().filter(r -> r.method().equals(method)).toList();
    }
}
