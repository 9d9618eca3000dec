package dev.keyward.vault.db;

import dev.keyward.vault.db.LiveSchema.LiveColumn;
import dev.keyward.vault.db.SeedSchema.Column;
import dev.keyward.vault.db.SeedSchema.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds rows of the automation tables that every constraint accepts, so that a schema test can
 * change one column at a time and attribute a refusal to that column alone.
 */
final class ValidRows {

    private final Connection c;
    private final LiveSchema schema;
    private final String profileId;
    /** Id of an existing row per referenced table. */
    private final Map<String, String> parentIds;
    private final AtomicInteger counter = new AtomicInteger();

    ValidRows(Connection c, LiveSchema schema, String profileId, Map<String, String> parentIds) {
        this.c = c;
        this.schema = schema;
        this.profileId = profileId;
        this.parentIds = parentIds;
    }

    /**
     * A new row for {@code table}: seed columns get a value of their kind, other NOT NULL columns
     * without a default (Keyward's additions) one of their affinity.
     */
    Map<String, Object> valid(String table) throws SQLException {
        Table seed = SeedSchema.NEW_TABLES.stream().filter(t -> t.name().equals(table)).findFirst().orElseThrow();
        Map<String, Object> row = new LinkedHashMap<>();
        int n = counter.incrementAndGet();
        for (LiveColumn live : schema.columns(table)) {
            Column column = seed.columns().stream().filter(col -> col.name().equals(live.name())).findFirst().orElse(null);
            if (live.name().equals("id")) {
                row.put("id", UUID.randomUUID().toString());
            } else if (live.name().equals("profile_id")) {
                row.put("profile_id", profileId);
            } else if (column != null && column.type() == SeedSchema.Type.TEXT && !column.isEnum()
                    && schema.checkedValues(table, column.name()).isPresent()) {
                // A text column the seed leaves open but Keyward narrows (health_summary): any allowed value.
                row.put(live.name(), schema.checkedValues(table, column.name()).get().iterator().next());
            } else if (column != null) {
                row.put(live.name(), valueFor(column, n));
            } else if (live.notNull() && live.defaultSql() == null) {
                row.put(live.name(), switch (live.affinity()) {
                    case "INTEGER" -> 0;
                    case "REAL" -> 0.0;
                    default -> "probe-" + n;
                });
            }
        }
        return row;
    }

    /** Inserts a valid row that stays (in the caller's transaction); its id. */
    String insertKept(String table) throws SQLException {
        Map<String, Object> row = valid(table);
        insert(table, row);
        return (String) row.get("id");
    }

    void insert(String table, Map<String, Object> row) throws SQLException {
        List<String> columns = new ArrayList<>(row.keySet());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns)
                + ") VALUES (" + String.join(", ", columns.stream().map(col -> "?").toList()) + ")")) {
            for (int i = 0; i < columns.size(); i++) {
                ps.setObject(i + 1, row.get(columns.get(i)));
            }
            ps.executeUpdate();
        }
    }

    private Object valueFor(Column column, int n) {
        if (column.references() != null) {
            return parentIds.get(column.references());
        }
        if (column.isEnum()) {
            return column.enumValues().get(0);
        }
        return switch (column.type()) {
            case BOOL -> 0;
            case INT -> column.min() != null ? Integer.parseInt(column.min()) : 1;
            case REAL -> column.min() != null ? (Double.parseDouble(column.min()) + Double.parseDouble(column.max())) / 2 : 0.5;
            case DATE -> LocalDate.of(2024, 1, 1).plusDays(n % 3000).toString();
            case TEXT -> "probe-" + column.name() + "-" + n;
        };
    }
}
