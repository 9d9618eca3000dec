package dev.keyward.packaging;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything jpackage needs to know about one Keyward package.
 *
 * @param platform    the platform being packaged for (always the build host: jpackage cannot cross-build)
 * @param appVersion  numeric version for the package metadata, e.g. {@code 0.1.0}
 * @param input       folder with the main jar and every library jar (all become the class path)
 * @param mainJar     the main jar's file name inside {@code input}
 * @param runtime     the jlinked Java runtime to bundle
 * @param icons       folder holding keyward.png, keyward.ico and keyward.icns
 * @param resources   folder with per-platform jpackage resources (subfolders linux, mac, windows)
 * @param dest        where the app image and installers are written
 * @param javaOptions JVM options baked into the launcher
 * @param installerOptions extra jpackage options for the installers only (signing, notarising profile)
 */
public record PackageSpec(HostPlatform platform, String appVersion, Path input, String mainJar, Path runtime, Path icons,
                          Path resources, Path dest, List<String> javaOptions,
                          List<String> installerOptions) {

    public static final String MAIN_CLASS = "dev.keyward.app.Main";
    public static final String DESCRIPTION = "Local-first encrypted vault for API keys and provider accounts";
    public static final String VENDOR = "Keyward";

    public PackageSpec {
        Objects.requireNonNull(platform);
        javaOptions = List.copyOf(javaOptions);
        installerOptions = List.copyOf(installerOptions);
    }

    /** The launcher's name, which is also the app image folder's name (Keyward.app on macOS). */
    public String name() {
        return platform.applicationName();
    }

    public Path icon() {
        return icons.resolve(platform.iconFileName());
    }

    /** This platform's jpackage resource folder (desktop entry and install scripts on Linux). */
    public Path platformResources() {
        return resources.resolve(platform.name());
    }

    /** Where jpackage writes the app image. */
    public Path appImage() {
        return dest.resolve(platform == HostPlatform.mac ? name() + ".app" : name());
    }
}
