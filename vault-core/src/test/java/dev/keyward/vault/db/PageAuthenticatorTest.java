package dev.keyward.vault.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageAuthenticatorTest {

    @TempDir
    Path dir;

    private Path vaultWithFreePages(byte[] key) {
        Path file = dir.resolve("v.db");
        String raw = "x'" + HexFormat.of().formatHex(key) + "'";
        try (VaultDatabase db = VaultDatabase.open(file, () -> raw)) {
            db.write(c -> {
                try (var s = c.createStatement()) {
                    s.execute("CREATE TABLE t (x BLOB)");
                    for (int i = 0; i < 300; i++) {
                        s.execute("INSERT INTO t VALUES (randomblob(200))");
                    }
                    s.execute("DELETE FROM t WHERE rowid % 2 = 0"); // leaves free pages behind
                }
                return null;
            });
        }
        return file;
    }

    @Test
    void everyPageOfAnIntactVaultAuthenticates() throws Exception {
        byte[] key = new byte[32];
        key[0] = 7;
        Path file = vaultWithFreePages(key);
        assertTrue(Files.size(file) > 10 * PageAuthenticator.PAGE_SIZE);
        assertEquals(List.of(), PageAuthenticator.badPages(file, key));
    }

    @Test
    void aFlippedByteAnywhereIsFoundOnItsPage() throws Exception {
        byte[] key = new byte[32];
        key[5] = 9;
        Path file = vaultWithFreePages(key);
        byte[] original = Files.readAllBytes(file);
        int pages = original.length / PageAuthenticator.PAGE_SIZE;
        for (int page = 0; page < pages; page++) {
            for (int offset : new int[] {0, 17, 2048, 4015, 4020, 4095}) {
                byte[] copy = original.clone();
                copy[page * PageAuthenticator.PAGE_SIZE + offset] ^= 0x10;
                Files.write(file, copy);
                List<Long> bad = PageAuthenticator.badPages(file, key);
                if (page == 0 && offset == 0) {
                    assertTrue(!bad.isEmpty(), "a changed salt fails every page");
                } else {
                    assertEquals(List.of((long) page + 1), bad, "page " + (page + 1) + " offset " + offset);
                }
            }
        }
    }

    @Test
    void theWrongKeyFailsEveryPage() throws Exception {
        byte[] key = new byte[32];
        Path file = vaultWithFreePages(key);
        byte[] other = new byte[32];
        other[31] = 1;
        assertEquals(Files.size(file) / PageAuthenticator.PAGE_SIZE, PageAuthenticator.badPages(file, other).size());
    }
}
