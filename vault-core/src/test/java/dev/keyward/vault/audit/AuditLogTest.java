package dev.keyward.vault.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.secrets.SecretService.Purpose;
import dev.keyward.vault.session.VaultSession;
import dev.keyward.vault.testing.Canary;
import dev.keyward.vault.testing.ManualClock;
import dev.keyward.vault.testing.TestProfile;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log is append-only, records every secret access without its value, and pages correctly. */
class AuditLogTest {

    @TempDir
    Path data;

    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));
    private VaultSession session;

    @BeforeEach
    void unlock() {
        TestProfile profile = TestProfile.create(TestProfile.service(data, clock), "audit", TestProfile.DEFAULT_PASSWORD);
        session = profile.unlock();
    }

    @AfterEach
    void lock() {
        session.close();
    }

    @Test
    void updatingAnAuditRowIsRefusedByItsTrigger() throws SQLException {
        session.secrets().add("one", "value-one-for-update-test".toCharArray(), null);
        List<Row> before = allRows();
        OperationFailedException e = assertThrows(OperationFailedException.class, () -> execute(
                "UPDATE audit_log SET action = 'tampered' WHERE id = '" + before.get(0).id() + "'"));
        assertTrue(e.getCause().getMessage().contains("append-only"), e.getCause().getMessage());
        assertThrows(OperationFailedException.class, () -> execute("UPDATE audit_log SET details_json = NULL"));
        assertEquals(before, allRows(), "no row changed");
    }

    @Test
    void deletingAnAuditRowIsRefusedByItsTrigger() throws SQLException {
        session.secrets().add("one", "value-one-for-delete-test".toCharArray(), null);
        List<Row> before = allRows();
        OperationFailedException e = assertThrows(OperationFailedException.class, () -> execute(
                "DELETE FROM audit_log WHERE id = '" + before.get(0).id() + "'"));
        assertTrue(e.getCause().getMessage().contains("append-only"), e.getCause().getMessage());
        assertThrows(OperationFailedException.class, () -> execute("DELETE FROM audit_log"));
        assertEquals(before, allRows(), "no row deleted");
    }

    @Test
    void replacingAnAuditRowIsRefused() throws SQLException {
        List<Row> before = allRows();
        Row first = before.get(0);
        // REPLACE deletes the old row without firing DELETE triggers (unless recursive_triggers is on).
        assertThrows(OperationFailedException.class, () -> execute("INSERT OR REPLACE INTO audit_log "
                + "(id, profile_id, occurred_at, category, action, actor) VALUES ('" + first.id() + "', '"
                + session.profileId() + "', '2000-01-01T00:00:00.000000Z', 'profile', 'forged', 'user')"));
        assertThrows(OperationFailedException.class, () -> execute("INSERT INTO audit_log "
                + "(id, profile_id, occurred_at, category, action, actor) VALUES ('" + first.id() + "', '"
                + session.profileId() + "', '2000-01-01T00:00:00.000000Z', 'profile', 'forged', 'user') "
                + "ON CONFLICT (id) DO UPDATE SET action = excluded.action"));
        assertEquals(before, allRows(), "no row replaced");
    }

    @Test
    void everySecretAccessAndChangeIsRecordedWithoutTheValue() throws SQLException {
        Canary first = Canary.fresh("audit-first");
        Canary second = Canary.fresh("audit-second");
        Canary imported = Canary.fresh("audit-import");
        Canary importedRotation = Canary.fresh("audit-import-rotation");
        session.projects().create("web", "the web app");

        expect(List.of("secret/add"), () -> session.secrets().add("api", first.chars(), null));
        for (Purpose purpose : Purpose.values()) {
            expect(List.of("secret/" + purpose.name().toLowerCase()), () -> Wipe.chars(session.secrets().reveal("api", purpose)));
        }
        expect(List.of("secret/rotate"), () -> session.secrets().rotate("api", second.chars()));
        expect(List.of("secret/reveal_version"), () -> Wipe.chars(session.secrets().revealVersion("api", 1)));
        expect(List.of("secret/edit"), () -> session.secrets().edit("api", "api-key", "openai"));
        expect(List.of("project/link"), () -> session.projects().link("web", "api-key", "API_KEY"));
        expect(List.of("secret/inject", "project/env_inject"),
                () -> session.projects().environment("web", Purpose.INJECT).values().forEach(Wipe::chars));
        expect(List.of("secret/export", "project/env_export"),
                () -> session.projects().environment("web", Purpose.EXPORT).values().forEach(Wipe::chars));
        expect(List.of("secret/add", "project/link", "project/env_import"),
                () -> session.projects().importEnv("web", env("DB_URL", imported)));
        expect(List.of("secret/rotate", "project/env_import"),
                () -> session.projects().importEnv("web", env("DB_URL", importedRotation)));
        expect(List.of("secret/remove"), () -> session.secrets().remove("api-key"));

        List<Row> rows = allRows();
        for (Row row : rows) {
            for (Canary canary : List.of(first, second, imported, importedRotation)) {
                assertFalse(canary.foundIn(row.text()), "audit row holds a secret value: " + row);
            }
        }
    }

    @Test
    void auditActionsDoNotDependOnTheDefaultLocale() throws SQLException {
        session.secrets().add("api", "value-for-locale-test-0123".toCharArray(), null);
        Locale before = Locale.getDefault();
        try {
            // Turkish lower-cases I to a dotless ı: "INJECT" would become "ınject".
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            expect(List.of("secret/inject"), () -> Wipe.chars(session.secrets().reveal("api", Purpose.INJECT)));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void pagingNewestFirstReturnsEveryRowExactlyOnce() throws SQLException {
        makeRowsWithTiedAndOutOfOrderTimes();
        List<String> expected = idsNewestFirst(null);
        assertTrue(expected.size() > 40, "enough rows to page: " + expected.size());
        for (int pageSize : new int[] {1, 7, 10, expected.size(), 1000}) {
            assertEquals(expected, pageThrough(null, pageSize), "page size " + pageSize);
        }
        AuditEntry newest = session.database().read(c -> session.audit().page(c, null, null, 1)).get(0);
        String latest = allRows().stream().map(Row::occurredAt).max(String::compareTo).orElseThrow();
        assertEquals(latest, newest.occurredAt(), "the first entry is the newest");
    }

    @Test
    void categoryFilterReturnsOnlyThatCategoryAndAllOfIt() throws SQLException {
        makeRowsWithTiedAndOutOfOrderTimes();
        for (String category : List.of("secret", "project", "profile", "settings")) {
            List<String> expected = idsNewestFirst(category);
            assertFalse(expected.isEmpty(), "rows of category " + category);
            List<String> paged = pageThrough(category, 3);
            assertEquals(expected, paged, "category " + category);
            List<AuditEntry> firstPage = session.database().read(c -> session.audit().page(c, category, null, 1000));
            assertTrue(firstPage.stream().allMatch(e -> e.category().equals(category)), "only " + category + " rows");
        }
        assertTrue(pageThrough("backup", 5).isEmpty(), "a category without rows gives an empty page");
    }

    // --- helpers ---

    /** Adds, reveals and rotates under a clock that stands still, moves on, and jumps back. */
    private void makeRowsWithTiedAndOutOfOrderTimes() {
        for (int i = 0; i < 12; i++) {
            session.secrets().add("tied-" + i, ("tied-value-" + i + "-0123456789").toCharArray(), null);
        }
        for (int i = 0; i < 12; i++) {
            clock.advance(Duration.ofNanos(1_000));
            Wipe.chars(session.secrets().reveal("tied-" + i, Purpose.READ));
        }
        clock.advance(Duration.ofMinutes(-30));
        session.projects().create("late", null);
        for (int i = 0; i < 8; i++) {
            session.projects().link("late", "tied-" + i, "VAR_" + i);
        }
        clock.advance(Duration.ofHours(2));
        for (int i = 0; i < 6; i++) {
            session.secrets().rotate("tied-" + i, ("rotated-value-" + i + "-0123456789").toCharArray());
        }
        session.settings().set("theme", "dark");
    }

    private List<String> pageThrough(String category, int pageSize) {
        List<String> seen = new ArrayList<>();
        AuditCursor cursor = null;
        for (int guard = 0; guard < 10_000; guard++) {
            AuditCursor before = cursor;
            List<AuditEntry> page = session.database().read(c -> session.audit().page(c, category, before, pageSize));
            assertTrue(page.size() <= pageSize, "a page holds at most " + pageSize);
            if (page.isEmpty()) {
                return seen;
            }
            page.forEach(e -> seen.add(e.id()));
            cursor = AuditCursor.after(page.get(page.size() - 1));
        }
        throw new AssertionError("paging did not end");
    }

    private List<String> idsNewestFirst(String category) throws SQLException {
        return session.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM audit_log WHERE profile_id = ? AND (? IS NULL OR category = ?) "
                    + "ORDER BY occurred_at DESC, id DESC")) {
                ps.setString(1, session.profileId());
                ps.setString(2, category);
                ps.setString(3, category);
                List<String> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                Set<String> unique = new HashSet<>(ids);
                assertEquals(ids.size(), unique.size());
                return ids;
            }
        });
    }

    /** Runs {@code action} and checks that it appended exactly these category/action rows, in order. */
    private void expect(List<String> expected, Runnable action) throws SQLException {
        int before = allRows().size();
        clock.advance(Duration.ofSeconds(1));
        action.run();
        List<Row> rows = allRows();
        List<String> added = rows.subList(before, rows.size()).stream().map(r -> r.category() + "/" + r.action()).toList();
        assertEquals(expected, added);
    }

    private static Map<String, char[]> env(String name, Canary value) {
        Map<String, char[]> entries = new LinkedHashMap<>();
        entries.put(name, value.chars());
        return entries;
    }

    private void execute(String sql) {
        session.database().write(c -> {
            try (var s = c.createStatement()) {
                s.executeUpdate(sql);
            }
            return null;
        });
    }

    /** One audit row with every column, in insertion order. */
    private record Row(String id, String occurredAt, String category, String action, String text) {
    }

    private List<Row> allRows() throws SQLException {
        return session.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM audit_log ORDER BY rowid");
                 ResultSet rs = ps.executeQuery()) {
                List<Row> rows = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder text = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        text.append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i)).append(' ');
                    }
                    rows.add(new Row(rs.getString("id"), rs.getString("occurred_at"), rs.getString("category"),
                            rs.getString("action"), text.toString()));
                }
                return rows;
            }
        });
    }
}
