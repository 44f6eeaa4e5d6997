package dev.llmsafe.cli;

import dev.llmsafe.gate.FakeGithub;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh {@link GateHarness} for every test of {@code llmsafe gate approvals}, its parts under the short names the
 * tests use. The verdict tests and the REST API tests both extend it, so the harness is started and closed in one
 * place.
 */
abstract class GateApprovalsFixture {
    private GateHarness harness;
    FakeGithub github;
    List<Duration> sleeps;
    Map<String, String> env;

    @BeforeEach
    void start() throws IOException {
        harness = new GateHarness();
        github = harness.github;
        sleeps = harness.sleeps;
        env = harness.env;
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    GateHarness.Result gate(String... extra) {
        return harness.gate(extra);
    }
}
