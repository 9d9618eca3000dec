package dev.keyward.vault.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.keyward.vault.VaultDamagedException;
import dev.keyward.vault.audit.AuditCursor;
import dev.keyward.vault.audit.AuditEntry;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.projects.ProjectInfo;
import dev.keyward.vault.secrets.SecretInfo;
import dev.keyward.vault.testing.TestProfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A single flipped bit anywhere in a page of vault.db is found: the unlock or the first read of
 * the damaged data fails with {@link VaultDamagedException} (never another error), and
 * {@code verify} reports it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VaultFileDamageTest {

    /** The b-trees with a damaged leaf page (every table, plus two indexes), besides page 1 and the last page. */
    private static final List<String> TARGETS = List.of("flyway_schema_history", "profile_settings", "providers",
            "secrets", "secret_versions", "projects", "project_secrets", "audit_log", "scheduled_jobs",
            "idx_secrets_profile_fingerprint", "idx_audit_log_profile_time");

    private TestProfile profile;
    private byte[] pristine;
    private byte[] key;
    private int pageSize;
    private final Map<Integer, String> pageOwners = new LinkedHashMap<>();
    private Set<String> tables;

    @BeforeAll
    void createAFilledVault(@TempDir Path data) throws IOException {
        profile = TestProfile.create(data, "damage");
        key = profile.unwrapKey();
        try (VaultSession session = profile.open(key)) {
            session.projects().create("app", null);
            for (int i = 0; i < 40; i++) {
                session.secrets().add("secret-" + i, ("value-" + i + "-abcdefghijklmnopqrstuvwxyz").toCharArray(), null);
                if (i % 3 == 0) {
                    session.secrets().rotate("secret-" + i, ("rotated-" + i + "-abcdefghijklmnopqrstuvwxyz").toCharArray());
                    session.projects().link("app", "secret-" + i, "VAR_" + i);
                }
            }
            session.settings().set("theme", "dark");
            session.database().read(c -> {
                try (Statement s = c.createStatement()) {
                    try (ResultSet rs = s.executeQuery("PRAGMA page_size")) {
                        rs.next();
                        pageSize = rs.getInt(1);
                    }
                    try (ResultSet rs = s.executeQuery("PRAGMA freelist_count")) {
                        rs.next();
                        assertEquals(0, rs.getInt(1), "every page belongs to a b-tree, so every page is read by someone");
                    }
                    try (ResultSet rs = s.executeQuery("SELECT pageno, name FROM dbstat ORDER BY pageno")) {
                        while (rs.next()) {
                            pageOwners.put(rs.getInt(1), rs.getString(2));
                        }
                    }
                    try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table'")) {
                        tables = new java.util.HashSet<>(Set.of("sqlite_schema"));
                        while (rs.next()) {
                            tables.add(rs.getString(1));
                        }
                    }
                }
                return null;
            });
        }
        assertFalse(Files.exists(walFile()) && Files.size(walFile()) > 0, "closing checkpointed the WAL");
        pristine = Files.readAllBytes(vaultFile());
        assertEquals(pristine.length / pageSize, pageOwners.size(), "dbstat names the owner of every page");
    }

    @AfterAll
    void wipeKey() {
        Wipe.bytes(key);
    }

    @TestFactory
    Stream<DynamicTest> aFlippedBitIsFoundOnUnlockOrOnTheFirstReadAsDamage() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int page : targetPages()) {
            String owner = pageOwners.get(page);
            for (int offset : new int[] {0, 1, 17, 100, pageSize / 2, pageSize - 80, pageSize - 64, pageSize - 1}) {
                tests.add(dynamicTest("page " + page + " (" + owner + ") byte " + offset, () -> {
                    damage(page, offset);
                    Throwable failure = openAndReadEverything();
                    if (failure != null) {
                        assertDamage(failure);
                    } else {
                        // Index pages are only read by queries that use them; verify must find those.
                        assertFalse(tables.contains(owner), "reading every row of " + owner + " did not notice the damage");
                    }
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> verifyReportsAFlippedBitInAnyPage() {
        return targetPages().stream().map(page -> dynamicTest("page " + page + " (" + pageOwners.get(page) + ")", () -> {
            damage(page, pageSize / 2 + page);
            try {
                ProfileService.VerifyReport report = profile.service().verify(profile.summary(), profile.password());
                assertFalse(report.ok(), "verify found nothing wrong");
            } catch (Throwable t) {
                assertDamage(t);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> fullUnlockOfADamagedSchemaPageIsDamageNotWrongPassword() {
        return Stream.of(1, pageOf("flyway_schema_history")).map(page -> dynamicTest("page " + page, () -> {
            damage(page, 40);
            VaultDamagedException e = assertThrows(VaultDamagedException.class, profile::unlock);
            assertEquals(5, e.exitCode());
        }));
    }

    @Test
    void theUndamagedCopyReadsAndVerifiesCleanly() throws IOException {
        restore();
        assertEquals(null, openAndReadEverything());
        assertTrue(profile.service().verify(profile.summary(), profile.password()).ok());
    }

    // --- helpers ---

    private List<Integer> targetPages() {
        List<Integer> pages = new ArrayList<>();
        pages.add(1);
        TARGETS.forEach(name -> pages.add(pageOf(name)));
        int last = pristine.length / pageSize;
        if (!pages.contains(last)) {
            pages.add(last);
        }
        return pages;
    }

    /** The highest-numbered page of {@code name}: a leaf when the b-tree has several pages. */
    private int pageOf(String name) {
        return pageOwners.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey)
                .reduce((first, second) -> second).orElseThrow(() -> new AssertionError("no page for " + name));
    }

    private void damage(int page, int offset) throws IOException {
        restore();
        byte[] bytes = pristine.clone();
        int position = (page - 1) * pageSize + offset;
        bytes[position] ^= (byte) (1 << (offset % 8));
        Files.write(vaultFile(), bytes);
    }

    private void restore() throws IOException {
        Files.deleteIfExists(walFile());
        Files.deleteIfExists(profile.summary().location().shmFile());
        Files.write(vaultFile(), pristine);
    }

    /** Opens (without the KDF) and reads every row through the services and a plain scan; the failure or null. */
    private Throwable openAndReadEverything() {
        try (VaultSession session = profile.open(key)) {
            for (SecretInfo secret : session.secrets().list()) {
                assertNotNull(session.secrets().history(secret.name()));
            }
            session.secrets().allValuesForRedaction().forEach(Wipe::chars);
            session.providers().list();
            session.settings().values();
            for (ProjectInfo project : session.projects().list()) {
                session.projects().links(project.name());
            }
            AuditCursor cursor = null;
            List<AuditEntry> page;
            do {
                AuditCursor before = cursor;
                page = session.database().read(c -> session.audit().page(c, null, before, 50));
                cursor = page.isEmpty() ? null : AuditCursor.after(page.get(page.size() - 1));
            } while (!page.isEmpty());
            session.database().read(c -> {
                try (Statement s = c.createStatement()) {
                    for (String table : tables) {
                        try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                            while (rs.next()) {
                                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                                    rs.getObject(i);
                                }
                            }
                        }
                    }
                }
                return null;
            });
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private static void assertDamage(Throwable failure) {
        if (!(failure instanceof VaultDamagedException damaged)) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            fail("damage must be reported as VaultDamagedException, got " + trace);
            return;
        }
        assertEquals(5, damaged.exitCode());
    }

    private Path vaultFile() {
        return profile.summary().location().vaultFile();
    }

    private Path walFile() {
        return profile.summary().location().walFile();
    }
}
