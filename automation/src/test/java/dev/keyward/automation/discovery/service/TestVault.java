package dev.keyward.automation.discovery.service;

import dev.keyward.vault.crypto.Argon2Params;
import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.profile.DataRoot;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.provider.ProviderUpdate;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A real profile in a temporary folder, unlocked on the test's clock, with the automation schema applied. */
final class TestVault implements AutoCloseable {

    private static final String PASSWORD = "discovery-test-password";

    private final Path folder;
    private final ProfileService profiles;
    private final ProfileSummary profile;
    private VaultSession session;

    private TestVault(Path folder, ProfileService profiles, ProfileSummary profile, VaultSession session) {
        this.folder = folder;
        this.profiles = profiles;
        this.profile = profile;
        this.session = session;
    }

    static TestVault create(Path folder, Clock clock) {
        ProfileService profiles = new ProfileService(new DataRoot(folder), clock, Argon2Params.FLOOR, "app");
        try (Password password = Password.copyOf(PASSWORD.toCharArray())) {
            ProfileSummary profile = profiles.create("discovery", password).profile();
            VaultSession session = profiles.unlock(profile, password);
            session.enableAutomation();
            return new TestVault(folder, profiles, profile, session);
        }
    }

    VaultSession session() {
        return session;
    }

    /** Locks and stops the session (its keys and caches are gone) and unlocks the profile again. */
    void lockAndReopen() {
        session.close();
        try (Password password = Password.copyOf(PASSWORD.toCharArray())) {
            session = profiles.unlock(profile, password);
        }
    }

    void set(String key, String value) {
        session.settings().set(key, value);
    }

    void networkOn() {
        set("discovery_network_enabled", "true");
    }

    void addSecret(String name, String value, String providerSlug) {
        session.secrets().add(name, value.toCharArray(), providerSlug);
    }

    /** Points a provider's sources at the test's servers; null clears a source (never the catalog's real address). */
    void point(String slug, String statusPageUrl, String changelogUrl) {
        session.providers().update(slug, new ProviderUpdate(null, null, statusPageUrl == null ? "" : statusPageUrl,
                changelogUrl == null ? "" : changelogUrl, null, null));
    }

    /** Turns discovery off for every provider but these, so a full run contacts only the loopback fakes. */
    void watchOnly(String... slugs) {
        String marks = String.join(", ", java.util.Collections.nCopies(slugs.length, "?"));
        session.database().write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE providers SET discovery_enabled = CASE WHEN slug IN ("
                    + marks + ") THEN 1 ELSE 0 END WHERE profile_id = ?")) {
                for (int i = 0; i < slugs.length; i++) {
                    ps.setString(i + 1, slugs[i]);
                }
                ps.setString(slugs.length + 1, session.profileId());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Every text value of {@code column} in {@code table}, for leak searches and assertions. */
    List<String> column(String table, String column) {
        return session.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM " + table
                    + " WHERE profile_id = ?")) {
                ps.setString(1, session.profileId());
                try (ResultSet rs = ps.executeQuery()) {
                    List<String> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                    return out;
                }
            }
        });
    }

    /** Files of the data folder (vault.db and its WAL excepted, being encrypted) that contain {@code text}. */
    List<Path> filesContaining(String text) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("vault.db"))
                    .filter(p -> {
                        try {
                            return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains(text);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        session.close();
    }
}
