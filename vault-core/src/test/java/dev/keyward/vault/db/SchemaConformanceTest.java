package dev.keyward.vault.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.keyward.vault.db.LiveSchema.LiveColumn;
import dev.keyward.vault.db.LiveSchema.LiveForeignKey;
import dev.keyward.vault.db.LiveSchema.LiveIndex;
import dev.keyward.vault.db.RowProbe.Outcome;
import dev.keyward.vault.db.SeedSchema.Column;
import dev.keyward.vault.db.SeedSchema.Index;
import dev.keyward.vault.db.SeedSchema.Table;
import dev.keyward.vault.session.VaultSession;
import dev.keyward.vault.testing.TestProfile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;

/**
 * The live schema of a profile with automation enabled, checked against seed 002 item by item:
 * tables, columns (affinity, nullability, defaults), enums, ranges, indexes and foreign keys,
 * each by reading the schema and by trying inserts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaConformanceTest {

    private VaultSession session;
    private Connection connection;
    private LiveSchema schema;
    private RowProbe probe;
    private final Map<String, String> parentIds = new LinkedHashMap<>();
    private ValidRows rows;

    @BeforeAll
    void enableAutomationOnAFreshProfile(@TempDir Path data) throws SQLException {
        TestProfile profile = TestProfile.create(data, "schema");
        session = profile.unlock();
        session.enableAutomation();
        session.secrets().add("parent-secret", "parent-secret-value-0001".toCharArray(), null);
        session.projects().create("parent-project", null);
        parentIds.put("secrets", session.secrets().info("parent-secret").id());
        parentIds.put("projects", session.projects().list().get(0).id());
        parentIds.put("providers", session.providers().get("openai").id());
        connection = session.database().connect();
        connection.setAutoCommit(false);
        schema = new LiveSchema(connection);
        probe = new RowProbe(connection);
        rows = new ValidRows(connection, schema, session.profileId(), parentIds);
        // Parents of 3.6 and 3.7 live only in this connection's transaction, rolled back at the end.
        parentIds.put("automation_scripts", rows.insertKept(SeedSchema.AUTOMATION_SCRIPTS.name()));
        parentIds.put("automation_executions", rows.insertKept(SeedSchema.AUTOMATION_EXECUTIONS.name()));
    }

    @AfterAll
    void close() throws SQLException {
        if (connection != null) {
            connection.rollback();
            connection.close();
        }
        if (session != null) {
            session.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everySeedTableExists() throws SQLException {
        Set<String> tables = schema.tables();
        return SeedSchema.NEW_TABLES.stream().map(t -> dynamicTest(t.section() + " " + t.name(),
                () -> assertTrue(tables.contains(t.name()), t.name() + " is missing; tables: " + tables)));
    }

    @TestFactory
    Stream<DynamicTest> everySeedColumnHasItsAffinityNullabilityAndDefault() {
        return seedColumns().map(sc -> dynamicTest(sc.label(), () -> {
            LiveColumn live = schema.column(sc.table().name(), sc.column().name())
                    .orElseThrow(() -> new AssertionError(sc.label() + " does not exist"));
            Column seed = sc.column();
            assertEquals(seed.type().affinity, live.affinity(), sc.label() + " affinity (declared " + live.declaredType() + ")");
            if (seed.nullable()) {
                assertFalse(live.notNull(), sc.label() + " is nullable in the seed but declared NOT NULL");
            } else if (seed.mustBeNotNull()) {
                assertTrue(live.notNull(), sc.label() + " must be declared NOT NULL");
            }
            if (seed.defaultSql() != null) {
                assertEquals(seed.defaultSql(), live.defaultSql(), sc.label() + " default");
            }
            if (seed.name().equals("id")) {
                assertTrue(live.primaryKey(), sc.label() + " must be the primary key");
                assertEquals(1, schema.columns(sc.table().name()).stream().filter(LiveColumn::primaryKey).count(),
                        sc.table().name() + " primary key is id alone");
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> nullabilityAndDefaultsHoldForInsertedRows() {
        return seedColumns().filter(sc -> !sc.table().section().startsWith("2")).map(sc -> dynamicTest(sc.label(), () -> {
            Column seed = sc.column();
            String table = sc.table().name();
            Map<String, Object> row = rows.valid(table);
            assertTrue(probe.insert(table, row).succeeded(), "a valid " + table + " row is accepted");
            Outcome withNull = probe.insert(table, RowProbe.with(row, seed.name(), null));
            if (seed.nullable()) {
                assertTrue(withNull.succeeded(), sc.label() + " is nullable: " + withNull);
            } else if (seed.mustBeNotNull()) {
                assertTrue(withNull.failedWith(SQLiteErrorCode.SQLITE_CONSTRAINT_NOTNULL), sc.label() + " refuses NULL: " + withNull);
            }
            if (seed.defaultSql() != null) {
                Outcome omitted = probe.insert(table, RowProbe.without(row, seed.name()), seed.name());
                assertTrue(omitted.succeeded(), sc.label() + " may be omitted: " + omitted);
                assertEquals(sqlLiteral(seed.defaultSql()), omitted.readBack(), sc.label() + " takes its default");
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> enumsAllowExactlyTheSeedValues() {
        return seedColumns().filter(sc -> sc.column().isEnum()).map(sc -> dynamicTest(sc.label(), () -> {
            String table = sc.table().name();
            Column seed = sc.column();
            assertEquals(Set.copyOf(seed.enumValues()), schema.checkedValues(table, seed.name()).orElse(Set.of()),
                    sc.label() + ": values of its CHECK constraint in sqlite_schema");
            Map<String, Object> row = rows.valid(table);
            for (String allowed : seed.enumValues()) {
                Outcome outcome = probe.insert(table, RowProbe.with(row, seed.name(), allowed));
                assertTrue(outcome.succeeded(), sc.label() + " accepts '" + allowed + "': " + outcome);
            }
            for (String unlisted : List.of("bogus", seed.enumValues().get(0).toUpperCase(Locale.ROOT),
                    seed.enumValues().get(0) + " ", "")) {
                Outcome outcome = probe.insert(table, RowProbe.with(row, seed.name(), unlisted));
                assertTrue(outcome.failedWith(SQLiteErrorCode.SQLITE_CONSTRAINT_CHECK),
                        sc.label() + " refuses '" + unlisted + "' with a CHECK error: " + outcome);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> booleansAcceptOnlyZeroAndOne() {
        return seedColumns().filter(sc -> sc.column().type() == SeedSchema.Type.BOOL).map(sc -> dynamicTest(sc.label(), () -> {
            String table = sc.table().name();
            String column = sc.column().name();
            assertEquals(Set.of("0", "1"), schema.checkedValues(table, column).orElse(Set.of()), sc.label() + " CHECK");
            for (int allowed : new int[] {0, 1}) {
                Outcome outcome = tryValue(sc, allowed);
                assertTrue(outcome.succeeded(), sc.label() + " accepts " + allowed + ": " + outcome);
            }
            for (Object refused : new Object[] {2, -1, "true"}) {
                Outcome outcome = tryValue(sc, refused);
                assertTrue(outcome.failedWith(SQLiteErrorCode.SQLITE_CONSTRAINT_CHECK), sc.label() + " refuses " + refused + ": " + outcome);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> rangesAreEnforced() {
        return seedColumns().filter(sc -> sc.column().min() != null).map(sc -> dynamicTest(sc.label(), () -> {
            Column seed = sc.column();
            boolean real = seed.type() == SeedSchema.Type.REAL;
            Object low = real ? (Object) Double.parseDouble(seed.min()) : (Object) Integer.parseInt(seed.min());
            Object high = real ? (Object) Double.parseDouble(seed.max()) : (Object) Integer.parseInt(seed.max());
            Object below = real ? (Object) (Double.parseDouble(seed.min()) - 0.01) : (Object) (Integer.parseInt(seed.min()) - 1);
            Object above = real ? (Object) (Double.parseDouble(seed.max()) + 0.01) : (Object) (Integer.parseInt(seed.max()) + 1);
            for (Object ok : new Object[] {low, high}) {
                Outcome outcome = tryValue(sc, ok);
                assertTrue(outcome.succeeded(), sc.label() + " accepts " + ok + ": " + outcome);
            }
            for (Object refused : new Object[] {below, above}) {
                Outcome outcome = tryValue(sc, refused);
                assertTrue(outcome.failedWith(SQLiteErrorCode.SQLITE_CONSTRAINT_CHECK), sc.label() + " refuses " + refused + ": " + outcome);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> summaryDateTakesADateOnly() {
        return seedColumns().filter(sc -> sc.column().type() == SeedSchema.Type.DATE).map(sc -> dynamicTest(sc.label(), () -> {
            String table = sc.table().name();
            Map<String, Object> row = rows.valid(table);
            assertTrue(probe.insert(table, RowProbe.with(row, sc.column().name(), "2024-02-29")).succeeded());
            for (String refused : List.of("2024-02-29T00:00:00Z", "29.02.2024", "2024-2-9")) {
                Outcome outcome = probe.insert(table, RowProbe.with(row, sc.column().name(), refused));
                assertTrue(outcome.failedWith(SQLiteErrorCode.SQLITE_CONSTRAINT_CHECK), sc.label() + " refuses " + refused + ": " + outcome);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everySeedIndexExistsWithItsColumnsOrderAndUniqueness() {
        return SeedSchema.NEW_TABLES.stream().flatMap(t -> t.indexes().stream().map(index -> dynamicTest(
                t.section() + " " + t.name() + (index.unique() ? " UNIQUE" : "") + index.columns(), () -> {
                    List<LiveIndex> live = schema.indexes(t.name());
                    List<LiveIndex> matching = live.stream().filter(l -> l.columns().equals(index.columns())).toList();
                    assertFalse(matching.isEmpty(), "no index on " + index.columns() + " in " + t.name() + "; indexes: " + live);
                    assertTrue(matching.stream().anyMatch(l -> l.unique() == index.unique()),
                            "index on " + index.columns() + " must " + (index.unique() ? "" : "not ") + "be unique: " + matching);
                })));
    }

    @Test
    void uniqueIndexesRefuseDuplicates() throws SQLException {
        for (Table t : SeedSchema.NEW_TABLES) {
            for (Index index : t.indexes()) {
                if (!index.unique()) {
                    continue;
                }
                Map<String, Object> row = rows.valid(t.name());
                try (PreparedStatement savepoint = connection.prepareStatement("SAVEPOINT dup")) {
                    savepoint.execute();
                }
                try {
                    assertTrue(probe.insert(t.name(), row).succeeded());
                    rows.insert(t.name(), row);
                    Outcome duplicate = probe.insert(t.name(), RowProbe.with(row, "id", UUID.randomUUID().toString()));
                    assertTrue(duplicate.failedWith(SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE),
                            t.name() + " UNIQUE" + index.columns() + " refuses a second row: " + duplicate);
                } finally {
                    try (var s = connection.createStatement()) {
                        s.execute("ROLLBACK TO dup");
                        s.execute("RELEASE dup");
                    }
                }
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everySeedForeignKeyExistsAndIsEnforced() {
        return seedColumns().filter(sc -> sc.column().references() != null).map(sc -> dynamicTest(
                sc.label() + " -> " + sc.column().references() + ".id", () -> {
                    String table = sc.table().name();
                    List<LiveForeignKey> keys = schema.foreignKeys(table);
                    assertTrue(keys.stream().anyMatch(k -> k.from().equals(sc.column().name())
                                    && k.table().equals(sc.column().references()) && (k.to() == null || k.to().equals("id"))),
                            sc.label() + " must reference " + sc.column().references() + "(id); foreign keys: " + keys);
                    Outcome dangling = probe.insert(table, RowProbe.with(rows.valid(table), sc.column().name(), "no-such-" + UUID.randomUUID()));
                    assertTrue(dangling.failedWith(SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY), sc.label() + " refuses a dangling id: " + dangling);
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyTableCarriesProfileId() throws SQLException {
        Set<String> tables = new LinkedHashSet<>(SeedSchema.BASE_TABLES);
        SeedSchema.NEW_TABLES.forEach(t -> tables.add(t.name()));
        tables.addAll(SeedSchema.KEYWARD_AUTOMATION_TABLES);
        assertTrue(schema.tables().containsAll(tables), "tables: " + schema.tables());
        return tables.stream().map(table -> dynamicTest(table, () -> {
            LiveColumn profileId = schema.column(table, "profile_id")
                    .orElseThrow(() -> new AssertionError(table + " has no profile_id"));
            assertTrue(profileId.notNull() || profileId.primaryKey(), table + ".profile_id must not be NULL");
            assertEquals("TEXT", profileId.affinity(), table + ".profile_id affinity");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyPrimaryKeyIsDeclaredNotNull() throws SQLException {
        // SQLite lets a primary key that is not an INTEGER PRIMARY KEY hold NULL unless it says NOT NULL.
        Set<String> tables = schema.tables();
        tables.remove("flyway_schema_history");
        return tables.stream().map(table -> dynamicTest(table, () -> {
            List<LiveColumn> key = schema.columns(table).stream().filter(LiveColumn::primaryKey).toList();
            assertEquals(1, key.size(), table + " has a one-column primary key: " + key);
            assertTrue(key.get(0).notNull(), table + "." + key.get(0).name() + " is a primary key that accepts NULL");
        }));
    }

    @Test
    void discoverySourceValidatorsKeepOneRowPerProfileAndAddressWithAtLeastOneValidator() throws SQLException {
        String table = "discovery_source_validators";
        assertTrue(schema.indexes(table).stream().anyMatch(i -> i.unique() && i.columns().equals(List.of("profile_id", "url"))),
                "a unique index on (profile_id, url): " + schema.indexes(table));
        assertTrue(schema.foreignKeys(table).stream().anyMatch(k -> k.from().equals("profile_id")
                && k.table().equals("profile_settings")), "profile_id references profile_settings");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", UUID.randomUUID().toString());
        row.put("profile_id", session.profileId());
        row.put("url", "https://status.example/api/v2/summary.json");
        row.put("etag", "\"v1\"");
        row.put("last_modified", null);
        row.put("updated_at", "2026-05-01T10:00:00Z");
        try (var s = connection.createStatement()) {
            s.execute("SAVEPOINT validators");
        }
        try {
            assertTrue(probe.insert(table, row).succeeded(), "a row with an ETag only is accepted");
            rows.insert(table, row);
            Outcome sameAddress = probe.insert(table, RowProbe.with(row, "id", UUID.randomUUID().toString()));
            assertTrue(sameAddress.failedWith(SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE), "one row per address: " + sameAddress);
            Map<String, Object> other = RowProbe.with(RowProbe.with(row, "id", UUID.randomUUID().toString()),
                    "url", "https://status.example/api/v2/incidents.json");
            Outcome neither = probe.insert(table, RowProbe.with(other, "etag", null));
            assertTrue(neither.failedWith(SQLiteErrorCode.SQLITE_CONSTRAINT_CHECK), "a row needs a validator: " + neither);
            Outcome stranger = probe.insert(table, RowProbe.with(other, "profile_id", "no-such-profile"));
            assertTrue(stranger.failedWith(SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY), "unknown profile: " + stranger);
            Outcome noUrl = probe.insert(table, RowProbe.with(other, "url", null));
            assertTrue(noUrl.failedWith(SQLiteErrorCode.SQLITE_CONSTRAINT_NOTNULL), "url is required: " + noUrl);
        } finally {
            try (var s = connection.createStatement()) {
                s.execute("ROLLBACK TO validators");
                s.execute("RELEASE validators");
            }
        }
    }

    @Test
    void columnsAddedBySection2FillRowsThatExistedBeforeWithTheirDefaults() throws SQLException {
        String profileId = session.profileId();
        for (Column column : SeedSchema.PROFILE_SETTINGS_ADDITIONS.columns()) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT " + column.name() + " FROM profile_settings WHERE profile_id = ?")) {
                ps.setString(1, profileId);
                var rs = ps.executeQuery();
                assertTrue(rs.next(), "the settings row created with the profile still exists");
                Object value = rs.getObject(1);
                if (column.defaultSql() == null) {
                    assertNull(value, "2.1 profile_settings." + column.name());
                } else {
                    assertEquals(sqlLiteral(column.defaultSql()), value, "2.1 profile_settings." + column.name());
                }
            }
        }
        // Providers seeded before the migration: discovery stays on unless the user turns it off.
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT count(*), sum(discovery_enabled = 1) FROM providers WHERE profile_id = ?")) {
            ps.setString(1, profileId);
            var rs = ps.executeQuery();
            rs.next();
            assertTrue(rs.getInt(1) >= 2);
            assertEquals(rs.getInt(1), rs.getInt(2), "2.2 providers.discovery_enabled defaults to true for existing rows");
        }
    }

    // --- helpers ---

    /**
     * Stores {@code value} in the column and undoes it: a new row for the tables of section 3, an
     * update of this profile's existing row for the base tables that section 2 extends.
     */
    private Outcome tryValue(SeedColumn sc, Object value) throws SQLException {
        String table = sc.table().name();
        return switch (table) {
            case "profile_settings" -> probe.update(table, sc.column().name(), value, "profile_id", session.profileId());
            case "providers" -> probe.update(table, sc.column().name(), value, "id", parentIds.get("providers"));
            default -> probe.insert(table, RowProbe.with(rows.valid(table), sc.column().name(), value));
        };
    }

    /** A seed column together with its table, named like the seed ("3.1 dashboard_snapshots.id"). */
    private record SeedColumn(Table table, Column column) {
        String label() {
            return table.section() + " " + table.name() + "." + column.name();
        }
    }

    private static Stream<SeedColumn> seedColumns() {
        return Stream.concat(SeedSchema.ADDITIONS.stream(), SeedSchema.NEW_TABLES.stream())
                .flatMap(t -> t.columns().stream().map(c -> new SeedColumn(t, c)));
    }

    /** The Java value SQLite returns for a default written as a SQL literal. */
    private static Object sqlLiteral(String sql) {
        if (sql.startsWith("'")) {
            return sql.substring(1, sql.length() - 1);
        }
        Object value = sql.contains(".") ? (Object) Double.parseDouble(sql) : (Object) Integer.parseInt(sql);
        assertNotNull(value);
        return value;
    }
}
