package dev.keyward.vault.scan.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFilesTest {

    @TempDir
    Path home;

    @Test
    void theHistoryFilesThatExistUnderHomeAreListedAndNoOthers() throws Exception {
        Path bash = Files.writeString(home.resolve(".bash_history"), "ls\n");
        Path python = Files.writeString(home.resolve(".python_history"), "1+1\n");
        Path fish = home.resolve(".local/share/fish/fish_history");
        Files.createDirectories(fish.getParent());
        Files.writeString(fish, "- cmd: ls\n");
        Files.createDirectories(home.resolve(".zsh_history")); // a folder of that name is no history file
        Files.writeString(home.resolve(".profile"), "export X=1\n");

        assertEquals(List.of(bash, python, fish), HistoryFiles.of(Map.of("HOME", home.toString())));
    }

    @Test
    void histfileAndXdgDataHomeAreFollowedAndEachFileIsListedOnce() throws Exception {
        Path custom = Files.writeString(home.resolve("my-history"), "ls\n");
        Path data = home.resolve("data");
        Files.createDirectories(data.resolve("fish"));
        Path fish = Files.writeString(data.resolve("fish/fish_history"), "- cmd: ls\n");
        Path bash = Files.writeString(home.resolve(".bash_history"), "ls\n");

        assertEquals(List.of(bash, custom, fish), HistoryFiles.of(Map.of("HOME", home.toString(),
                "HISTFILE", custom.toString(), "XDG_DATA_HOME", data.toString())));
        assertEquals(List.of(bash), HistoryFiles.of(Map.of("HOME", home.toString(), "HISTFILE", bash.toString())));
    }

    @Test
    void withoutHomeThereIsNothingToList() {
        assertEquals(List.of(), HistoryFiles.of(Map.of()));
    }
}
