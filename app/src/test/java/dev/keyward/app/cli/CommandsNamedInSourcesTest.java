package dev.keyward.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every command named anywhere in Keyward's main code exists (issue 12: a message named
 * {@code keyward secret edit}, which did not), and no text that can reach the desktop names one.
 */
class CommandsNamedInSourcesTest {

    /** The main code of every module that can name a command. */
    private static final List<Path> ALL_MAIN_CODE = List.of(Path.of("src/main/java"), Path.of("../vault-core/src/main/java"),
            Path.of("../automation/src/main/java"), Path.of("../reference-library/src/main/java"));

    /** Main code whose texts can reach the desktop: core modules and the desktop itself. */
    private static final List<Path> DESKTOP_REACHABLE = List.of(Path.of("../vault-core/src/main/java"),
            Path.of("../automation/src/main/java"), Path.of("../reference-library/src/main/java"),
            Path.of("src/main/java/dev/keyward/app/ui"), Path.of("src/main/java/dev/keyward/app/error"),
            Path.of("src/main/java/dev/keyward/app/session"));

    private static final Pattern OPTION = Pattern.compile("(^|[\\s'(])--[a-z][a-z-]+");
    private static final List<String> NOT_FOR_PEOPLE = List.of("BrowserLauncher.java", "BrowserProcess.java",
            "PracticeCloudMain.java");

    @Test
    void everyCommandNamedInMainCodeExists() throws IOException {
        List<String> problems = new ArrayList<>();
        int named = 0;
        for (Path root : ALL_MAIN_CODE) {
            for (SourceLiterals.Literal literal : SourceLiterals.under(root)) {
                for (String command : CliCommandCheck.named(literal.text())) {
                    named++;
                    CliCommandCheck.problems(command).forEach(p -> problems.add(literal.file().getFileName() + ": " + p));
                }
            }
        }
        assertTrue(named > 20, "the CLI names commands in its texts: " + named);
        assertEquals(List.of(), problems);
    }

    @Test
    void noTextThatCanReachTheDesktopNamesACommand() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path root : DESKTOP_REACHABLE) {
            for (SourceLiterals.Literal literal : SourceLiterals.under(root)) {
                if (!CliCommandCheck.named(literal.text()).isEmpty()) {
                    found.add(literal.file().getFileName() + ": " + literal.text());
                }
            }
        }
        // CliHints is the one place in app/error that words the command line.
        found.removeIf(f -> f.startsWith("CliHints.java: "));
        assertEquals(List.of(), found);
    }

    @Test
    void noTextThatCanReachTheDesktopNamesACommandLineOption() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path root : DESKTOP_REACHABLE) {
            for (SourceLiterals.Literal literal : SourceLiterals.under(root)) {
                String file = literal.file().getFileName().toString();
                // Chromium's own flags (launching it, finding its processes) and Practice Cloud's stand-alone main are
                // not texts for a person.
                if (!NOT_FOR_PEOPLE.contains(file) && OPTION.matcher(literal.text()).find()) {
                    found.add(file + ": " + literal.text());
                }
            }
        }
        found.removeIf(f -> f.startsWith("CliHints.java: "));
        assertEquals(List.of(), found);
    }

    /** The README and docs/*.md: commands in code spans and in code blocks' command lines. */
    @Test
    void everyCommandNamedInTheDocsExists() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(Path.of("../README.md")));
        try (var files = java.nio.file.Files.list(Path.of("../docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        List<String> problems = new ArrayList<>();
        int named = 0;
        for (Path doc : docs) {
            for (String command : DocCommands.in(java.nio.file.Files.readString(doc))) {
                named++;
                CliCommandCheck.problems(command).forEach(p -> problems.add(doc.getFileName() + ": " + p));
            }
        }
        assertTrue(named > 50, "the docs name commands: " + named);
        assertEquals(List.of(), problems);
    }

    @Test
    void literalsJoinedByPlusAreReadAsOneAndCommentsAreSkipped() {
        assertEquals(List.of("run 'keyward secret edit x'", "b"),
                SourceLiterals.of("// \"keyward nothing\"\n f(\"run 'keyward\" +\n  \" secret edit x'\", \"b\"); /* \"c\" */"));
    }
}
