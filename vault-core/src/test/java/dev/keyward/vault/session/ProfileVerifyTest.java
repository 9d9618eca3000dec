package dev.keyward.vault.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyward.vault.VaultDamagedException;
import dev.keyward.vault.crypto.Argon2Params;
import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.profile.DataRoot;
import dev.keyward.vault.profile.ProfileSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileVerifyTest {

    @TempDir
    Path dir;

    private static Password password() {
        return Password.copyOf("verify test password".toCharArray());
    }

    /**
     * Found by the tamper sweep: verify recorded its run in the audit log after finding a bad free page,
     * and that write changed the damaged vault (and could have reused the very page).
     */
    @Test
    void aDamagedPageThatOnlyThePageCheckFindsIsReportedAndTheVaultIsNotWrittenTo() throws Exception {
        ProfileService profiles = new ProfileService(new DataRoot(dir), Clock.systemUTC(), Argon2Params.FLOOR, "cli");
        ProfileSummary profile = profiles.create("verify", password()).profile();
        List<Long> freePages;
        try (VaultSession session = profiles.unlock(profile, password())) {
            char[] large = new char[40_000];
            Arrays.fill(large, 'x');
            session.secrets().add("large", large, null);
            session.secrets().remove("large"); // its overflow pages become free pages
            freePages = session.database().read(ProfileVerifyTest::pagesOutsideEveryTree);
        }
        Path vault = profile.location().vaultFile();
        byte[] original = Files.readAllBytes(vault);
        // The freelist's trunk page is read by integrity_check; its leaves by nothing but the page check.
        for (long page : freePages.reversed()) {
            byte[] tampered = original.clone();
            tampered[(int) (page - 1) * 4096 + 100] ^= 1;
            Files.write(vault, tampered);
            ProfileService.VerifyReport report;
            try {
                report = profiles.verify(profile, password());
            } catch (VaultDamagedException readBySqlite) {
                assertArrayEquals(tampered, Files.readAllBytes(vault), "the vault was written to");
                continue;
            }
            assertEquals(List.of("page " + page + " failed its authentication check"), report.problems());
            assertArrayEquals(tampered, Files.readAllBytes(vault), "verify wrote to the damaged vault");
            return;
        }
        throw new AssertionError("no free page found among " + freePages);
    }

    private static List<Long> pagesOutsideEveryTree(Connection c) throws SQLException {
        Set<Long> used = new HashSet<>();
        long count;
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT pageno FROM dbstat")) {
                while (rs.next()) {
                    used.add(rs.getLong(1));
                }
            }
            try (ResultSet rs = s.executeQuery("PRAGMA page_count")) {
                rs.next();
                count = rs.getLong(1);
            }
        }
        List<Long> free = new ArrayList<>();
        for (long page = 2; page <= count; page++) {
            if (!used.contains(page)) {
                free.add(page);
            }
        }
        return free;
    }
}
