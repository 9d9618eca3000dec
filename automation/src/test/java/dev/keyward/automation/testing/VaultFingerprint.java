package dev.keyward.automation.testing;

import dev.keyward.vault.session.VaultSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a vault looks like from outside and inside: the bytes of {@code vault.db} and its write-ahead log, the
 * schema (SQLite's {@code schema_version} and {@code user_version}, every object's SQL) and the row count of
 * every table. Two equal fingerprints mean nothing was migrated or written in between.
 *
 * @param files     SHA-256 of each file of the vault ({@code -shm}, SQLite's shared-memory index, excepted)
 * @param schema    {@code schema_version}, {@code user_version} and {@code type name: sql} of every schema object
 * @param rowCounts rows per table, {@code audit_log} included
 */
public record VaultFingerprint(Map<String, String> files, List<String> schema, Map<String, Long> rowCounts) {

    /** Reads the fingerprint through the session's own (reader) connections, which write nothing. */
    public static VaultFingerprint of(VaultSession session) {
        Map<String, String> files = files(session.location().vaultFile());
        List<String> schema = new ArrayList<>();
        Map<String, Long> counts = new TreeMap<>();
        session.database().read(c -> {
            try (Statement s = c.createStatement()) {
                for (String pragma : List.of("schema_version", "user_version")) {
                    try (ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
                        rs.next();
                        schema.add(pragma + " = " + rs.getLong(1));
                    }
                }
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT type, name, sql FROM sqlite_schema ORDER BY type, name")) {
                    while (rs.next()) {
                        schema.add(rs.getString(1) + " " + rs.getString(2) + ": " + rs.getString(3));
                        if (rs.getString(1).equals("table") && !rs.getString(2).startsWith("sqlite_")) {
                            tables.add(rs.getString(2));
                        }
                    }
                }
                for (String table : tables) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM \"" + table + "\"");
                         ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        counts.put(table, rs.getLong(1));
                    }
                }
            }
            return null;
        });
        return new VaultFingerprint(files, schema, counts);
    }

    private static Map<String, String> files(Path vault) {
        Map<String, String> hashes = new TreeMap<>();
        for (Path file : List.of(vault, Path.of(vault + "-wal"))) {
            try {
                if (Files.exists(file)) {
                    hashes.put(file.getFileName().toString(),
                            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new AssertionError(e);
            }
        }
        return hashes;
    }
}
