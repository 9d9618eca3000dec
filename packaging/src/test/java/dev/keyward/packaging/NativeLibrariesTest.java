package dev.keyward.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Holds the rules against the real jars the app ships (on this test's class path through the
 * app dependency): if a library renames a platform folder, the package would lose its native code.
 */
class NativeLibrariesTest {

    @Test
    void everyKeptFolderHasFilesInTheShippedJarsOnEveryPlatform() throws IOException {
        for (HostPlatform platform : HostPlatform.values()) {
            for (String arch : List.of("amd64", "aarch64")) {
                for (NativeJarTrim.Rule rule : NativeLibraries.rules(platform, arch)) {
                    Path jar = shippedJar(rule);
                    try (ZipFile zip = new ZipFile(jar.toFile())) {
                        for (String folder : rule.keep()) {
                            String prefix = rule.root() + folder;
                            boolean found = zip.stream().map(ZipEntry::getName)
                                    .anyMatch(n -> n.startsWith(prefix) && !n.endsWith("/"));
                            assertTrue(found,
                                    platform + "/" + arch + ": no files under " + prefix + " in " + jar.getFileName());
                        }
                    }
                }
            }
        }
    }

    @Test
    void linuxX64KeepsTheFoldersThisMachineLoads() {
        List<NativeJarTrim.Rule> rules = NativeLibraries.rules(HostPlatform.linux, "amd64");
        assertEquals(List.of("driver-bundle-", "sqlite-jdbc-", "jna-", "argon2-jvm-"),
                rules.stream().map(NativeJarTrim.Rule::jarPrefix).toList());
        assertEquals(List.of("linux/"), rules.get(0).keep());
        assertEquals(List.of("Linux/x86_64/", "Linux-Musl/x86_64/"), rules.get(1).keep());
        assertEquals(List.of("linux-x86-64/"), rules.get(2).keep());
        assertEquals(List.of("linux-x86-64/"), rules.get(3).keep());
    }

    private static Path shippedJar(NativeJarTrim.Rule rule) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of)
                .filter(rule::appliesTo)
                .findFirst().orElseThrow(() -> new AssertionError("no " + rule.jarPrefix() + "*.jar on the class path"));
    }
}
