package dev.llmsafe.policy.report;

/** Output formats of {@code llmsafe policy check}. */
public enum ReportFormat {
    text,
    json,
    sarif,
    markdown
}
