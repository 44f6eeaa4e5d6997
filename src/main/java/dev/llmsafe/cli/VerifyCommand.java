package dev.llmsafe.cli;

import dev.llmsafe.components.AppRuntime;
import dev.llmsafe.verify.Durations;
import dev.llmsafe.verify.HealthCheck;
import dev.llmsafe.verify.HealthResult;
import dev.llmsafe.verify.HealthVerifier;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code llmsafe verify}: waits until a deployment answers its health check with the expected version. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Waits until a deployed app is healthy and serves the expected commit.",
            "",
            "The health contract (docs/health-contract.md): GET <url><path> answers 200 with a JSON object "
                    + "whose \"status\" is \"ok\" and whose \"version\" is the deployed commit. It retries "
                    + "with growing pauses (from --interval up to 30s) until --timeout.",
            "",
            "Exit codes: 0 healthy; 1 not healthy in time (the last status, an excerpt of the body and the "
                    + "reason are printed); 2 bad input, found before the first try."
        })
public final class VerifyCommand implements Callable<Integer> {
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*");

    @Spec
    CommandSpec spec;

    @Option(
            names = "--url",
            required = true,
            paramLabel = "URL",
            description = "Base URL of the deployment (https://...).")
    String url;

    @Option(
            names = "--path",
            defaultValue = AppRuntime.DEFAULT_HEALTH_PATH,
            paramLabel = "PATH",
            description = "Health path (default: ${DEFAULT-VALUE}).")
    String path;

    @Option(
            names = "--expect-version",
            paramLabel = "SHA",
            description = "The commit the deployment must report as its version: 7 to 40 hex digits; a short "
                    + "commit matches the full one it starts.")
    String expectVersion;

    @Option(
            names = "--timeout",
            defaultValue = "5m",
            paramLabel = "DURATION",
            description = "Give up after this long (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(
            names = "--interval",
            defaultValue = "5s",
            paramLabel = "DURATION",
            description = "First pause between tries; doubles up to 30s (default: ${DEFAULT-VALUE}).")
    String interval;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        URI target = target(url, path);
        Duration total = Durations.parse(timeout);
        Duration pause = Durations.parse(interval);
        if (pause.isZero()) {
            throw new BadInputException("--interval must be longer than 0");
        }
        if (expectVersion != null && !HealthCheck.COMMIT.matcher(expectVersion).matches()) {
            throw new BadInputException("--expect-version '" + dev.llmsafe.files.CliFiles.shown(expectVersion)
                    + "' is not a commit: give 7 to 40 hex digits, e.g. \"$GITHUB_SHA\"");
        }
        err.println("verifying " + target + (expectVersion == null ? "" : " serves version " + expectVersion)
                + " (timeout " + timeout + ")");
        // Each request gets 2-10 s, whatever the overall timeout: one slow answer must still be read.
        Duration perRequest = total.compareTo(Duration.ofSeconds(10)) > 0
                ? Duration.ofSeconds(10)
                : total.compareTo(Duration.ofSeconds(2)) < 0 ? Duration.ofSeconds(2) : total;
        var check = new HealthCheck(target, expectVersion, perRequest);
        HealthResult result = new HealthVerifier(check::probe, System::nanoTime, d -> Thread.sleep(d.toMillis()))
                .verify(total, pause, err);
        var out = spec.commandLine().getOut();
        if (result.healthy()) {
            out.println("healthy: " + target + (expectVersion == null ? "" : " serves " + expectVersion));
            return ExitCodes.OK;
        }
        out.println("not healthy after " + timeout + ": " + result.reason());
        out.println("last status: " + (result.status() == 0 ? "no response" : result.status()));
        out.println("body: " + (result.bodyExcerpt().isEmpty() ? "(empty)" : result.bodyExcerpt()));
        return ExitCodes.FAILED;
    }

    static URI target(String base, String path) {
        if (!PATH.matcher(path).matches()) {
            throw new BadInputException("--path '" + path + "' must start with / and be a URL path");
        }
        try {
            URI uri = new URI(base.replaceAll("/+$", "") + path);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new BadInputException("--url '" + base + "' must be an http(s) URL with a host, "
                        + "e.g. https://shop-pr-42.up.railway.app");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new BadInputException("--url '" + base + "' is not a URL: " + e.getReason());
        }
    }
}
