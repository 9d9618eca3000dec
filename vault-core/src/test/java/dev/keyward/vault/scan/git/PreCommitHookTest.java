package dev.keyward.vault.scan.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreCommitHookTest {

    private static final String SCRIPT = "#!/bin/sh\n" + PreCommitHook.MARKER + "\nexit 0\n";
    private static final String THEIRS = "#!/bin/sh\n# someone else's hook\nrun-linter\n";

    @TempDir
    Path tmp;

    private Repository repository() throws Exception {
        Path dir = tmp.resolve("repo");
        RepoBuilder.init(dir).close();
        return GitRepositories.open(dir, Map.of());
    }

    @Test
    void theHookIsWrittenExecutableIntoTheRepositorysHooksFolder() throws Exception {
        try (Repository repository = repository()) {
            PreCommitHook.Installed installed = PreCommitHook.install(repository, SCRIPT, false, Map.of());
            Path hook = tmp.resolve("repo/.git/hooks/pre-commit");
            assertEquals(hook, installed.hook());
            assertEquals(SCRIPT, Files.readString(hook));
            assertTrue(Files.isExecutable(hook));
            assertTrue(installed.keptCopy().isEmpty());
        }
    }

    @Test
    void anotherHookIsNeverOverwrittenWithoutBeingAsked() throws Exception {
        try (Repository repository = repository()) {
            Path hook = tmp.resolve("repo/.git/hooks/pre-commit");
            Files.createDirectories(hook.getParent());
            Files.writeString(hook, THEIRS);
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> PreCommitHook.install(repository, SCRIPT, false, Map.of()));
            assertEquals(GitErrorKind.HOOK_EXISTS, e.kind());
            assertEquals(THEIRS, Files.readString(hook));
            try (var files = Files.list(hook.getParent())) {
                assertEquals(1, files.filter(p -> p.getFileName().toString().contains("pre-commit")).count());
            }
        }
    }

    @Test
    void replacingAnotherHookOnRequestKeepsItUnderAFreeName() throws Exception {
        try (Repository repository = repository()) {
            Path hook = tmp.resolve("repo/.git/hooks/pre-commit");
            Files.createDirectories(hook.getParent());
            Files.writeString(hook, THEIRS);
            Files.writeString(hook.resolveSibling("pre-commit.keyward-saved"), "an older copy\n");
            PreCommitHook.Installed installed = PreCommitHook.install(repository, SCRIPT, true, Map.of());
            assertEquals(SCRIPT, Files.readString(hook));
            assertEquals(hook.resolveSibling("pre-commit.keyward-saved-2"), installed.keptCopy().orElseThrow());
            assertEquals(THEIRS, Files.readString(installed.keptCopy().get()));
            assertEquals("an older copy\n", Files.readString(hook.resolveSibling("pre-commit.keyward-saved")));
        }
    }

    @Test
    void keywardsOwnEarlierHookIsReplacedWithoutAskingAndWithoutACopy() throws Exception {
        try (Repository repository = repository()) {
            PreCommitHook.install(repository, SCRIPT, false, Map.of());
            String newer = SCRIPT + "# newer\n";
            PreCommitHook.Installed installed = PreCommitHook.install(repository, newer, false, Map.of());
            assertTrue(installed.replacedOwn());
            assertTrue(installed.keptCopy().isEmpty());
            assertEquals(newer, Files.readString(installed.hook()));
        }
    }

    @Test
    void aConfiguredHooksPathIsWhereTheHookGoes() throws Exception {
        try (Repository repository = repository()) {
            StoredConfig config = repository.getConfig();
            config.setString("core", null, "hooksPath", ".githooks");
            config.save();
            PreCommitHook.Installed relative = PreCommitHook.install(repository, SCRIPT, false, Map.of());
            assertEquals(tmp.resolve("repo/.githooks/pre-commit"), relative.hook());
            assertFalse(Files.exists(tmp.resolve("repo/.git/hooks/pre-commit")));

            config.setString("core", null, "hooksPath", "~/hooks");
            config.save();
            Path home = Files.createDirectories(tmp.resolve("home"));
            PreCommitHook.Installed inHome = PreCommitHook.install(repository, SCRIPT, false, Map.of("HOME", home.toString()));
            assertEquals(home.resolve("hooks/pre-commit"), inHome.hook());
            assertEquals(SCRIPT, Files.readString(inHome.hook()));
        }
    }
}
