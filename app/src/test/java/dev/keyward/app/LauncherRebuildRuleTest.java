package dev.keyward.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the {@code ./keyward} launcher builds again (its {@code needs_build} function, run here with real bash over a
 * made-up source tree): after a source changed since its last build, and never again for a change that leaves the
 * app's jar as it was (such a change once made every start run Maven).
 */
class LauncherRebuildRuleTest {

    private static final Instant LAST_BUILD = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path tree;

    private boolean needsBuild() throws Exception {
        String script = Files.readString(Path.of("..").toAbsolutePath().normalize().resolve("keyward"));
        Matcher function = Pattern.compile("(?ms)^needs_build\\(\\) \\{.*?^}$").matcher(script);
        assertTrue(function.find(), "the launcher defines needs_build");
        Matcher stamp = Pattern.compile("(?m)^built=\"\\$here/([^\"]+)\"$").matcher(script);
        assertTrue(stamp.find(), "the launcher names its build stamp");
        ProcessBuilder bash = new ProcessBuilder(List.of("bash", "-c", "set -euo pipefail\n"
                + "here=\"$1\"; jar=\"$here/app/target/keyward-app.jar\"; built=\"$here/" + stamp.group(1) + "\"\n"
                + function.group() + "\nif needs_build; then echo build; else echo ready; fi", "bash", tree.toString()));
        bash.environment().put("PATH", "/usr/bin:/bin");
        Process process = bash.redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        assertEquals(0, process.waitFor(), out);
        return switch (out) {
            case "build" -> true;
            case "ready" -> false;
            default -> throw new AssertionError("unexpected output: " + out);
        };
    }

    private Path file(String relative, Instant modified) throws Exception {
        Path file = tree.resolve(relative);
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.writeString(file, relative);
        }
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    private void builtTree() throws Exception {
        file("pom.xml", LAST_BUILD.minusSeconds(3600));
        file("app/pom.xml", LAST_BUILD.minusSeconds(3600));
        file("app/src/main/java/A.java", LAST_BUILD.minusSeconds(3600));
        file("packaging/src/main/java/P.java", LAST_BUILD.minusSeconds(3600));
        file("app/target/keyward-app.jar", LAST_BUILD.plusSeconds(60));
        file("app/target/keyward-built.stamp", LAST_BUILD);
    }

    @Test
    void aBuiltTreeStartsWithoutBuilding() throws Exception {
        builtTree();
        assertEquals(false, needsBuild());
    }

    @Test
    void aSourceChangedSinceTheLastBuildIsBuilt() throws Exception {
        builtTree();
        file("app/src/main/java/A.java", LAST_BUILD.plusSeconds(600));
        assertEquals(true, needsBuild());
    }

    @Test
    void aChangeTheAppJarDoesNotHoldIsBuiltOnceNotOnEveryStart() throws Exception {
        builtTree();
        // Newer than the jar (Maven left the unchanged jar alone) but older than the last build's start.
        file("packaging/src/main/java/P.java", LAST_BUILD.minusSeconds(10));
        file("app/target/keyward-app.jar", LAST_BUILD.minusSeconds(3000));
        assertEquals(false, needsBuild());
    }

    @Test
    void aTreeWithoutTheJarOrWithoutAStampIsBuilt() throws Exception {
        builtTree();
        Files.delete(tree.resolve("app/target/keyward-built.stamp"));
        assertEquals(true, needsBuild());
        builtTree();
        Files.delete(tree.resolve("app/target/keyward-app.jar"));
        assertEquals(true, needsBuild());
    }
}
