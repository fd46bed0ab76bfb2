package dev.waiver.app.cli;

import picocli.CommandLine.IVersionProvider;

/// The version from the jar manifest, written by the build.
public final class VersionProvider implements IVersionProvider {

    public static String version() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"waiver " + version()};
    }
}
