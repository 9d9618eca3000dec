package dev.keyward.packaging;

import java.nio.file.Path;
import java.util.List;

/**
 * The jlink call that builds Keyward's private Java runtime. The app runs from the class path,
 * so jlink cannot discover the modules itself; the list below is what the code and its
 * libraries use, checked with jdeps by {@code RuntimeModulesTest} in every build and by running the packaged
 * launcher in the profile's tests.
 */
public final class RuntimeLink {

    /**
     * Modules of the runtime, each with the reason it is needed. jdk.zipfs is loaded
     * reflectively by Playwright to unpack its driver, so jdeps does not report it.
     */
    static final List<String> MODULES = List.of(
            "java.base",
            "java.desktop",      // JavaFX (javafx.graphics requires it), AWT, ImageIO
            "java.logging",      // JNA (argon2-jvm's native binding)
            "java.management",   // agent start copies the launcher's JVM options (RuntimeMXBean)
            "java.naming",       // BouncyCastle
            "java.net.http",     // provider and LLM HTTP clients
            "java.security.jgss", // jdeps reports it for the libraries; linked so no library path dies on a missing class
            "java.sql",          // SQLite JDBC, Flyway
            "java.xml",          // ROME feeds, jsoup, JavaFX
            "jdk.charsets",      // pages in legacy encodings met by discovery
            "jdk.crypto.ec",     // TLS with EC keys when the runtime is JDK 21 (part of java.base since 22)
            "jdk.httpserver",    // the Practice Cloud fake provider
            "jdk.jfr",           // jdeps reports it for the libraries, as java.security.jgss
            "jdk.net",           // the agent's peer credentials (SO_PEERCRED) on its Unix domain socket
            "jdk.unsupported",   // sun.misc.Unsafe for JavaFX
            "jdk.zipfs");        // Playwright unpacks its driver through a zip file system

    private RuntimeLink() {
    }

    /** jlink's arguments: no debug symbols, man pages or headers, compressed class data. */
    public static List<String> arguments(Path output) {
        return List.of(
                "--add-modules", String.join(",", MODULES),
                "--strip-debug",
                "--no-man-pages",
                "--no-header-files",
                "--compress", "zip-6",
                "--output", output.toString());
    }
}
