package dev.llmsafe.stack;

/**
 * A database per pull request in a shared Cloud SQL for PostgreSQL instance (review stacks only). Read by
 * {@link PreviewDatabaseSettingsReader}; keys in docs/configuration.md, section "Preview database".
 *
 * @param instance       {@code previewDatabaseInstance}: the instance's connection name, {@code project:region:instance}
 * @param passwordSecret {@code previewDatabasePasswordSecret}: the name, from {@code secretNames}, of the secret
 *                       holding the preview users' password (the review environment's copy is read)
 */
public record PreviewDatabaseSettings(String instance, String passwordSecret) {}
