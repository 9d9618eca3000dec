package dev.keyward.packaging;

import java.util.ArrayList;
import java.util.List;

/**
 * The jpackage command lines for Keyward: one app image (launcher + jlinked runtime + jars),
 * then installers built from that image so the runtime is linked only once.
 */
public final class JpackageArguments {

    /** Stable across versions so a newer MSI replaces an installed older one instead of sitting beside it. */
    static final String WINDOWS_UPGRADE_UUID = "6f0d4b7e-2c1a-4b8e-9d57-3e7a1c9b0f42";
    static final String MAC_BUNDLE_ID = "dev.keyward.app";

    private JpackageArguments() {
    }

    /** {@code jpackage --type app-image ...}. */
    public static List<String> appImage(PackageSpec spec) {
        List<String> args = new ArrayList<>(List.of(
                "--type", "app-image",
                "--name", spec.name(),
                "--app-version", spec.appVersion(),
                "--vendor", PackageSpec.VENDOR,
                "--description", PackageSpec.DESCRIPTION,
                "--input", spec.input().toString(),
                "--main-jar", spec.mainJar(),
                "--main-class", PackageSpec.MAIN_CLASS,
                "--runtime-image", spec.runtime().toString(),
                "--icon", spec.icon().toString(),
                "--dest", spec.dest().toString()));
        for (String option : spec.javaOptions()) {
            args.add("--java-options");
            args.add(option);
        }
        switch (spec.platform()) {
            case mac -> args.addAll(List.of(
                    "--mac-package-identifier", MAC_BUNDLE_ID,
                    "--mac-package-name", "Keyward",
                    "--mac-app-category", "public.app-category.developer-tools"));
            case windows -> args.addAll(List.of(
                    // The main launcher is a GUI program (no console window); the CLI needs one.
                    "--add-launcher", "keyward-cli=" + spec.platformResources().resolve("keyward-cli.properties")));
            case linux -> { }
        }
        return args;
    }

    /** {@code jpackage --type deb|dmg|pkg|msi|exe --app-image ...}. */
    public static List<String> installer(PackageSpec spec, String type) {
        List<String> args = new ArrayList<>(List.of(
                "--type", type,
                "--app-image", spec.appImage().toString(),
                "--name", spec.name(),
                "--app-version", spec.appVersion(),
                "--vendor", PackageSpec.VENDOR,
                "--description", PackageSpec.DESCRIPTION,
                "--icon", spec.icon().toString(),
                "--resource-dir", spec.platformResources().toString(),
                "--dest", spec.dest().toString()));
        switch (spec.platform()) {
            case linux -> args.addAll(List.of(
                    "--linux-package-name", "keyward",
                    "--linux-deb-maintainer", "keyward@localhost",
                    "--linux-app-category", "utils",
                    "--linux-menu-group", "Utility;Security;",
                    // jpackage derives Depends from the image's ELF files; JavaFX's GTK back end is
                    // loaded from inside its jars, so name it (renamed libgtk-3-0t64 in Debian 13 and Ubuntu 24.04).
                    "--linux-package-deps", "libgtk-3-0 | libgtk-3-0t64",
                    "--linux-shortcut"));
            case mac -> args.addAll(List.of(
                    "--mac-package-identifier", MAC_BUNDLE_ID,
                    "--mac-package-name", "Keyward"));
            case windows -> args.addAll(List.of(
                    "--win-menu",
                    "--win-menu-group", "Keyward",
                    "--win-shortcut",
                    "--win-dir-chooser",
                    "--win-upgrade-uuid", WINDOWS_UPGRADE_UUID));
        }
        args.addAll(spec.installerOptions());
        return args;
    }
}
