package dev.keyward.vault.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.db.SeedSchema.Column;
import dev.keyward.vault.db.SeedSchema.Table;
import dev.keyward.vault.secrets.SecretInfo;
import dev.keyward.vault.session.VaultSession;
import dev.keyward.vault.testing.TestProfile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The automation schema is optional (seed 002 section 4.2): a profile works without it, and
 * enabling it applies it once and keeps the data that was there.
 */
class AutomationMigrationTest {

    @Test
    void profileWithoutAutomationHasNoneOfTheAutomationSchemaAndStillWorks(@TempDir Path otherData) throws SQLException {
        TestProfile plain = TestProfile.create(otherData, "plain");
        try (VaultSession s = plain.unlock();
             Connection c = s.database().connect()) {
            assertFalse(s.automationEnabled());
            LiveSchema live = new LiveSchema(c);
            Set<String> tables = live.tables();
            for (Table t : SeedSchema.NEW_TABLES) {
                assertFalse(tables.contains(t.name()), t.section() + " " + t.name() + " exists without the automation migration");
            }
            for (String extra : SeedSchema.KEYWARD_AUTOMATION_TABLES) {
                assertFalse(tables.contains(extra), extra + " exists without the automation migration");
            }
            assertTrue(tables.containsAll(SeedSchema.BASE_TABLES), "base tables: " + tables);
            for (Table additions : SeedSchema.ADDITIONS) {
                for (Column column : additions.columns()) {
                    assertTrue(live.column(additions.name(), column.name()).isEmpty(),
                            additions.section() + " " + additions.name() + "." + column.name() + " exists without the automation migration");
                }
            }
            assertEquals(Set.copyOf(SchemaMigrations.BASE_VERSIONS), SchemaMigrations.appliedVersions(c));

            s.secrets().add("works", "works-without-automation-1".toCharArray(), "openai");
            assertEquals(List.of("works"), s.secrets().list().stream().map(SecretInfo::name).toList());
            assertEquals(3, s.settings().current().discoveryScheduleHour(), "automation settings read as their seed defaults");
            assertNull(s.providers().get("openai").dashboardSupported(), "automation provider fields are absent");
            s.settings().set("theme", "dark");
            assertFalse(s.automationEnabled(), "a base setting does not enable automation");
        }
        try (VaultSession again = plain.unlock()) {
            assertFalse(again.automationEnabled(), "reopening does not apply the automation migration");
        }
    }

    @Test
    void enablingAutomationKeepsExistingDataAndHappensOnce(@TempDir Path otherData) {
        TestProfile profile = TestProfile.create(otherData, "upgrade");
        try (VaultSession s = profile.unlock()) {
            s.secrets().add("before", "value-from-before-automation".toCharArray(), null);
            s.enableAutomation();
            s.enableAutomation();
            assertTrue(s.automationEnabled());
        }
        try (VaultSession s = profile.unlock()) {
            assertTrue(s.automationEnabled(), "the automation schema persists");
            char[] value = s.secrets().reveal("before", dev.keyward.vault.secrets.SecretService.Purpose.READ);
            assertEquals("value-from-before-automation", new String(value));
            long enables = s.database().read(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*) FROM audit_log WHERE category = 'automation' AND action = 'enable'")) {
                    var rs = ps.executeQuery();
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertEquals(1, enables, "enabling twice applies and records the migration once");
        }
    }

    @Test
    void automationEnabledByAnotherSessionIsSeenByAnOpenOne(@TempDir Path otherData) {
        TestProfile profile = TestProfile.create(otherData, "two");
        // The desktop's session looks first (reads do not enable), then the CLI's enables it beside it.
        try (VaultSession desktop = profile.unlock(); VaultSession cli = profile.unlock()) {
            assertFalse(desktop.automationEnabled());
            cli.enableAutomation();
            assertTrue(desktop.automationEnabled(), "a read after the other session's enable sees the automation schema");
        }
    }

}
