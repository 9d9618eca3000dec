package dev.keyward.automation.testing;

import dev.keyward.vault.crypto.Argon2Params;
import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.profile.DataRoot;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.provider.ProviderUpdate;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A real profile in a temp folder, unlocked with the cheapest KDF Keyward accepts, automation enabled. */
public final class TestVault implements AutoCloseable {

    public static final String PASSWORD = "test-vault-password";

    private final Path dataDir;
    private final ProfileService profiles;
    private final ProfileSummary profile;
    private final VaultSession session;

    private TestVault(Path dataDir, Clock clock, boolean create) {
        this.dataDir = dataDir;
        this.profiles = new ProfileService(new DataRoot(dataDir), clock, Argon2Params.FLOOR, "app");
        try (Password password = Password.copyOf(PASSWORD.toCharArray())) {
            if (create) {
                ProfileService.Created created = profiles.create("test", password);
                created.recoveryCode().destroy();
                this.profile = created.profile();
            } else {
                this.profile = profiles.resolve("test");
            }
            this.session = profiles.unlock(profile, password);
        }
        session.enableAutomation();
    }

    public static TestVault create(Path dataDir, Clock clock) {
        return new TestVault(dataDir, clock, true);
    }

    /** Unlocks the profile an earlier {@link #create} made in {@code dataDir} (in this process or another). */
    public static TestVault open(Path dataDir, Clock clock) {
        return new TestVault(dataDir, clock, false);
    }

    public VaultSession session() {
        return session;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stores a secret with a provider and returns its id. */
    public String addSecret(String name, String value, String providerSlug) {
        return session.secrets().add(name, value.toCharArray(), providerSlug).id();
    }

    public void setApiBaseUrl(String providerSlug, String url) {
        session.providers().update(providerSlug, new ProviderUpdate(url, null, null, null, null, null));
    }

    public void setDashboardUrl(String providerSlug, String url) {
        session.providers().update(providerSlug, new ProviderUpdate(null, url, null, null, null, null));
    }

    public void setStatusPageUrl(String providerSlug, String url) {
        session.providers().update(providerSlug, new ProviderUpdate(null, null, url, null, null, null));
    }

    /** Runs an update or insert directly, for setting up states no service offers (old dates, expiry). */
    public void execute(String sql, Object... args) {
        session.database().write(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                return ps.executeUpdate();
            }
        });
    }

    /** The rows of a query as column-name maps, in the query's order. */
    public List<Map<String, Object>> rows(String sql, Object... args) {
        return session.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    ResultSetMetaData meta = rs.getMetaData();
                    List<Map<String, Object>> out = new ArrayList<>();
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            row.put(meta.getColumnLabel(i), rs.getObject(i));
                        }
                        out.add(row);
                    }
                    return out;
                }
            }
        });
    }

    public long count(String sql, Object... args) {
        return ((Number) rows(sql, args).get(0).values().iterator().next()).longValue();
    }

    /** Every text value of every user table, for canary searches. */
    public String allText() {
        StringBuilder out = new StringBuilder();
        List<String> tables = rows("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                .stream().map(r -> (String) r.get("name")).toList();
        for (String table : tables) {
            if (table.equals("secret_versions")) {
                continue; // ciphertext only
            }
            for (Map<String, Object> row : rows("SELECT * FROM " + table)) {
                row.values().stream().filter(v -> v instanceof String).forEach(v -> out.append(v).append('\n'));
            }
        }
        return out.toString();
    }

    /** Files under the data folder (the encrypted vault files excepted) that contain {@code text}. */
    public List<Path> filesContaining(String text) throws java.io.IOException {
        try (Stream<Path> walk = Files.walk(dataDir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("vault.db"))
                    .filter(p -> {
                        try {
                            return new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1).contains(text);
                        } catch (java.io.IOException e) {
                            return false;
                        }
                    }).toList();
        }
    }

    @Override
    public void close() {
        session.close();
    }
}
