package dev.llmsafe.components;

import com.pulumi.core.Output;

/**
 * What every app runtime gives back, whichever ran it: the program, the stack outputs and the pull-request comment
 * read these and never care whether Railway or Cloud Run served the app.
 */
public interface AppRuntime {
    /** The app's public URL ({@code https://...}). */
    Output<String> url();

    /** A link to the app's logs in its platform's console. */
    Output<String> logsUrl();

    /** A link to the app's metrics in its platform's console. */
    Output<String> metricsUrl();

    /** Which runtime this is. */
    RuntimeTarget target();
}
