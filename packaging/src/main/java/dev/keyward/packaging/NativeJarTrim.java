package dev.keyward.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Copies a library jar that carries native code for many platforms, keeping only the folders
 * one platform loads. Playwright's driver bundle holds Node.js for five platforms (200 MB),
 * SQLite JDBC and JNA their JNI libraries for twenty-odd; a package is built for one platform,
 * so the rest is dead weight in it.
 */
public final class NativeJarTrim {

    /**
     * Where a jar keeps its per-platform folders and which of them to keep.
     *
     * @param jarPrefix        file-name prefix of the jar: its Maven artifact id and a dash, followed by the version
     * @param root             folder inside the jar holding the platform folders ({@code ""} for the top level)
     * @param depth            path segments that name one platform folder (2 for {@code Linux/x86_64})
     * @param isPlatformFolder tells platform folders from class packages that share the root
     * @param keep             platform folders to keep, relative to {@code root}, each ending in {@code /};
     *                         empty when the library has no build for the platform (every folder goes)
     */
    public record Rule(String jarPrefix, String root, int depth, Predicate<String> isPlatformFolder, List<String> keep) {

        public Rule {
            keep = List.copyOf(keep);
        }

        public boolean appliesTo(Path jar) {
            // The version must follow: argon2-jvm-nolibs-2.12.jar is not argon2-jvm-2.12.jar.
            String name = jar.getFileName().toString();
            return name.startsWith(jarPrefix) && name.endsWith(".jar") && name.length() > jarPrefix.length()
                    && Character.isDigit(name.charAt(jarPrefix.length()));
        }

        /** Whether the entry stays: everything outside platform folders, and the kept folders. */
        boolean keeps(String entry) {
            if (!entry.startsWith(root) || entry.length() == root.length()) {
                return true;
            }
            String relative = entry.substring(root.length());
            String[] segments = relative.split("/");
            if (!isPlatformFolder.test(segments[0])) {
                return true;
            }
            boolean directory = entry.endsWith("/");
            if (!directory && segments.length <= depth) {
                return true; // a file beside the platform folders, not inside one
            }
            for (String folder : keep) {
                if (relative.startsWith(folder) || (directory && folder.startsWith(relative))) {
                    return true;
                }
            }
            return false;
        }

        boolean insideKeptFolder(String entry) {
            return entry.startsWith(root) && keep.stream().anyMatch(k -> entry.startsWith(root + k));
        }
    }

    /** What the copy kept and dropped. */
    public record Outcome(int keptEntries, int droppedEntries) {
    }

    private NativeJarTrim() {
    }

    /**
     * Writes {@code target} with the entries {@code rule} keeps. Fails when the kept folders
     * hold no file, so a changed jar layout stops the build instead of producing a package
     * that cannot load its native code.
     */
    public static Outcome trim(Path source, Path target, Rule rule) throws IOException {
        int kept = 0;
        int dropped = 0;
        int keptNativeFiles = 0;
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (ZipFile in = new ZipFile(source.toFile());
             OutputStream file = Files.newOutputStream(target);
             ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!rule.keeps(entry.getName())) {
                    dropped++;
                    continue;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                if (!entry.isDirectory()) {
                    try (InputStream data = in.getInputStream(entry)) {
                        data.transferTo(out);
                    }
                    if (rule.insideKeptFolder(entry.getName())) {
                        keptNativeFiles++;
                    }
                }
                out.closeEntry();
                kept++;
            }
        }
        if (keptNativeFiles == 0 && !rule.keep().isEmpty()) {
            Files.deleteIfExists(target);
            throw new IOException(source.getFileName() + " has no files under " + rule.root() + rule.keep()
                    + ": the library changed how it bundles native code; update NativeLibraries.");
        }
        return new Outcome(kept, dropped);
    }
}
