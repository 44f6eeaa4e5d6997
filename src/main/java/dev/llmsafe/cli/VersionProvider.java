package dev.llmsafe.cli;

import picocli.CommandLine;

/** The version recorded in the jar's manifest by the build (falls back to "dev" when run from classes). */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"llmsafe " + (version == null ? "dev" : version)};
    }
}
