package dev.keyward.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Copies a signed library jar without its signature. The JVM verifies a signed jar the first
 * time it loads a class from it, on every start: for BouncyCastle (an 800 KB manifest of
 * per-entry digests and an RSA-signed signature file) that cost about 0.7 s of CPU per CLI
 * command, measured with JFR and side-by-side runs. Keyward calls BouncyCastle's lightweight
 * API directly, never as a JCA provider, so nothing relies on the signature at run time; the
 * jar's integrity is the package's, like every other jar in it.
 */
public final class JarSignatureStrip {

    private JarSignatureStrip() {
    }

    /** Whether {@code jar} carries a signature file ({@code META-INF/*.SF}). */
    public static boolean isSigned(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).anyMatch(JarSignatureStrip::isSignatureFile);
        }
    }

    /** Writes {@code target}: the jar without signature files, its manifest reduced to the main attributes. */
    public static void strip(Path source, Path target) throws IOException {
        try (ZipFile in = new ZipFile(source.toFile());
             OutputStream file = Files.newOutputStream(target);
             ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (isSignatureFile(name)) {
                    continue;
                }
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                try (InputStream data = in.getInputStream(entry)) {
                    if (name.equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                        mainAttributesOnly(data).write(out);
                    } else {
                        data.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
    }

    /** The per-entry sections hold only the digests the signature covered. */
    private static Manifest mainAttributesOnly(InputStream data) throws IOException {
        Manifest original = new Manifest(data);
        Manifest reduced = new Manifest();
        reduced.getMainAttributes().putAll(original.getMainAttributes());
        reduced.getMainAttributes().putIfAbsent(Attributes.Name.MANIFEST_VERSION, "1.0");
        return reduced;
    }

    static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        return upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC")
                || upper.startsWith("META-INF/SIG-");
    }
}
