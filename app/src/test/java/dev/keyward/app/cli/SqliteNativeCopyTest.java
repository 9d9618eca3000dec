package dev.keyward.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

class SqliteNativeCopyTest {

    @Test
    void theKeptCopyHoldsTheDriversLibraryAndIsReusedByTheNextStart(@TempDir Path folder) throws IOException {
        Path first = SqliteNativeCopy.keptCopy(folder);
        assertNotNull(first, "the driver jar carries a library for this platform");
        String name = first.getFileName().toString();
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(
                "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name)) {
            assertTrue(Arrays.equals(in.readAllBytes(), Files.readAllBytes(first)));
        }
        long written = Files.getLastModifiedTime(first).toMillis();
        Path second = SqliteNativeCopy.keptCopy(folder);
        assertEquals(first, second);
        assertEquals(written, Files.getLastModifiedTime(second).toMillis());
        try (var left = Files.list(first.getParent())) {
            assertEquals(1, left.count(), "no partial file is left beside the copy");
        }
    }

    @Test
    void aTruncatedCopyIsReplaced(@TempDir Path folder) throws IOException {
        Path kept = SqliteNativeCopy.keptCopy(folder);
        long size = Files.size(kept);
        Files.write(kept, new byte[10]);
        assertEquals(size, Files.size(SqliteNativeCopy.keptCopy(folder)));
    }
}
