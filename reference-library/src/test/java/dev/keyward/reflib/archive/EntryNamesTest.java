package dev.keyward.reflib.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntryNamesTest {

    @Test
    void plainNamesSplitIntoSegmentsAndDotSegmentsVanish() throws Exception {
        assertEquals(List.of("repo-abc", "src", "a.py"), EntryNames.segments("./repo-abc//src/./a.py"));
        assertEquals(List.of(), EntryNames.segments("./"));
    }

    @Test
    void escapingNamesAreRejected() {
        for (String name : List.of("../x", "a/../../x", "/etc/passwd", "\\server\\share", "C:/Windows/x",
                "c:evil", "a\\..\\..\\x", "nul\0byte")) {
            assertThrows(EntryNames.EscapeException.class, () -> EntryNames.segments(name), name);
        }
    }

    @Test
    void linkTargetsAreJudgedRelativeToTheirBase() {
        List<String> linkFolder = List.of("repo", "docs");
        assertTrue(EntryNames.staysInside(linkFolder, "../README.md"));
        assertTrue(EntryNames.staysInside(linkFolder, "../../repo/README.md"));
        assertFalse(EntryNames.staysInside(linkFolder, "../../../etc/passwd"));
        assertFalse(EntryNames.staysInside(linkFolder, "/etc/passwd"));
        assertFalse(EntryNames.staysInside(linkFolder, "D:\\secrets"));
        assertFalse(EntryNames.staysInside(List.of(), ".."));
        assertFalse(EntryNames.staysInside(linkFolder, ""));
    }

    @Test
    void namesWithStreamOrControlCharactersAreNotPortable() {
        assertFalse(EntryNames.portable(List.of("repo", "file:stream")));
        assertFalse(EntryNames.portable(List.of("repo", "bell\u0007")));
        assertTrue(EntryNames.portable(List.of("repo", "naïve café.md")));
    }

    /** Found by the archive fuzz test: such a name failed the write, reported as a full or read-only disk. */
    @Test
    void namesLongerThanTheFileSystemsTakeAreNotPortable() {
        assertTrue(EntryNames.portable(List.of("repo", "n".repeat(255))));
        assertFalse(EntryNames.portable(List.of("repo", "n".repeat(256))));
        assertFalse(EntryNames.portable(List.of("repo", "é".repeat(128))), "255 is counted in UTF-8 bytes");
        assertFalse(EntryNames.portable(List.of("repo", "d".repeat(200), "d".repeat(200), "d".repeat(200),
                "d".repeat(200))), "the whole path is capped too");
    }
}
