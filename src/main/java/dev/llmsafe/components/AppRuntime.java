package dev.llmsafe.components;

import com.pulumi.core.Output;
import java.util.Map;
import java.util.Optional;

/**
 * What every app runtime gives back, whichever ran it: the program, the stack outputs and the pull-request comment
 * read these and never care whether Railway or Cloud Run served the app.
 */
public interface AppRuntime {
    /** The health contract's path (docs/health-contract.md), the same on every runtime. */
    String DEFAULT_HEALTH_PATH = "/healthz";

    /** The app's public URL ({@code https://...}). */
    Output<String> url();

    /** A link to the app's logs in its platform's console. */
    Output<String> logsUrl();

    /** A link to the app's metrics in its platform's console. */
    Output<String> metricsUrl();

    /** Which runtime this is. */
    RuntimeTarget target();

    /** Stack outputs naming the runtime's own objects, e.g. {@code cloudRunService} or {@code railwayProjectId}. */
    Map<String, Output<String>> identifiers();

    /**
     * The Cloud Run service whose request metrics Cloud Monitoring holds, so alerts can watch its 5xx rate; empty
     * for a runtime outside Google Cloud, where the uptime check is the only signal.
     */
    Optional<String> requestMetricsService();
}
