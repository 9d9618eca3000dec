package dev.keyward.vault.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Flyway migrations of vault.db: the base set, applied at profile creation, and the automation
 * set (seed 002), applied when the user first enables an automation feature.
 *
 * <p>Opening a vault whose schema is already current skips Flyway entirely (a look at
 * {@code flyway_schema_history} decides), which keeps unlock fast: Flyway's own start-up costs
 * more than the rest of opening the vault.
 */
public final class SchemaMigrations {

    static final String BASE_LOCATION = "classpath:dev/keyward/vault/db/base";
    static final String AUTOMATION_LOCATION = "classpath:dev/keyward/vault/db/automation";

    /** Versions shipped in each location; a test keeps these lists equal to the SQL files. */
    static final List<String> BASE_VERSIONS = List.of("1");
    static final List<String> AUTOMATION_VERSIONS = List.of("100", "101", "102", "103", "104", "105", "106", "107");

    private SchemaMigrations() {
    }

    /** Brings the schema up to date for what this profile uses; a no-op when it already is. */
    public static void migrate(VaultDatabase db) {
        boolean automation = db.read(SchemaMigrations::automationApplied);
        Set<String> applied = db.read(SchemaMigrations::appliedVersions);
        Set<String> wanted = new HashSet<>(BASE_VERSIONS);
        if (automation) {
            wanted.addAll(AUTOMATION_VERSIONS);
        }
        if (!applied.containsAll(wanted)) {
            runFlyway(db, automation);
        }
    }

    /** Applies the automation migrations (idempotent). */
    public static void enableAutomation(VaultDatabase db) {
        db.whileWritersWait(() -> {
            if (!db.read(SchemaMigrations::automationApplied)) {
                runFlyway(db, true);
            }
        });
    }

    public static boolean isAutomationEnabled(VaultDatabase db) {
        return db.read(SchemaMigrations::automationApplied);
    }

    /**
     * Whether every automation migration this build ships is applied: what a session may rely on while another
     * session (or thread) may be running them, since they commit one version at a time.
     */
    public static boolean isAutomationComplete(VaultDatabase db) {
        return db.read(c -> appliedVersions(c).containsAll(AUTOMATION_VERSIONS));
    }

    private static void runFlyway(VaultDatabase db, boolean automation) {
        String[] locations = automation
                ? new String[] {BASE_LOCATION, AUTOMATION_LOCATION}
                : new String[] {BASE_LOCATION};
        Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(new KeyedDataSource(db))
                .locations(locations)
                .outOfOrder(true)
                .validateMigrationNaming(true)
                .load()
                .migrate();
    }

    /** Automation counts as enabled once its first migration ran; later ones follow on open. */
    static boolean automationApplied(Connection c) throws SQLException {
        return appliedVersions(c).contains(AUTOMATION_VERSIONS.get(0));
    }

    static Set<String> appliedVersions(Connection c) throws SQLException {
        Set<String> versions = new HashSet<>();
        try (PreparedStatement exists = c.prepareStatement(
                "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'flyway_schema_history'");
             ResultSet rs = exists.executeQuery()) {
            if (!rs.next()) {
                return versions;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions;
    }

    /** Hands Flyway fresh keyed connections; the key never appears in a URL that Flyway logs. */
    private record KeyedDataSource(VaultDatabase db) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return db.connect();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return db.connect();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
