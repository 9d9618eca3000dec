package dev.keyward.automation.generate;

import dev.keyward.vault.crypto.Argon2Params;
import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.profile.DataRoot;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** A real profile (SQLCipher file, real migrations) in a temp folder, with the cheapest KDF Keyward accepts. */
public final class TestVault {

    private TestVault() {}

    public static VaultSession open(Path dir) {
        ProfileService profiles = new ProfileService(new DataRoot(dir), Clock.systemUTC(), Argon2Params.FLOOR, "cli");
        var created = profiles.create("test", Password.copyOf("test-password-1".toCharArray()));
        created.recoveryCode().destroy();
        VaultSession session = profiles.unlock(created.profile(), Password.copyOf("test-password-1".toCharArray()));
        session.enableAutomation();
        return session;
    }

    /** Plants a secret (a canary in the leak tests). */
    public static void secret(VaultSession session, String name, String value, String providerSlug) {
        session.secrets().add(name, value.toCharArray(), providerSlug);
    }

    /** Every column of one row of {@code table} by id, as text. */
    public static Map<String, String> row(VaultSession session, String table, String id) {
        return session.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Map.of();
                    }
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnName(i), rs.getString(i));
                    }
                    return row;
                }
            }
        });
    }

    public static int count(VaultSession session, String table) {
        return session.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** Everything in every text column of every table except secret storage, for leak searches. */
    public static String allText(VaultSession session) {
        return session.database().read(c -> {
            StringBuilder all = new StringBuilder();
            try (PreparedStatement tables = c.prepareStatement(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'secret%' AND name NOT LIKE 'sqlite%'");
                    ResultSet names = tables.executeQuery()) {
                while (names.next()) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM \"" + names.getString(1) + "\"");
                            ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                                Object v = rs.getObject(i);
                                if (v instanceof String s) {
                                    all.append(s).append('\n');
                                }
                            }
                        }
                    }
                }
            }
            return all.toString();
        });
    }
}
