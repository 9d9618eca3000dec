package dev.keyward.app.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code keyward --version}, taken from the jar's manifest. */
public final class Version implements IVersionProvider {

    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Keyward " + current() + " (Java " + Runtime.version() + ")"};
    }
}
