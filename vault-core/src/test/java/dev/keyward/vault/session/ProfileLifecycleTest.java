package dev.keyward.vault.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.NotFoundException;
import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.Remedy;
import dev.keyward.vault.VaultDamagedException;
import dev.keyward.vault.VaultErrorKind;
import dev.keyward.vault.WrongPasswordException;
import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.secrets.SecretService.Purpose;
import dev.keyward.vault.testing.Canary;
import dev.keyward.vault.testing.CanaryScan;
import dev.keyward.vault.testing.TestProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creating, unlocking, re-keying, recovering, listing and deleting profiles, on real files. */
class ProfileLifecycleTest {

    private static final String NEW_PASSWORD = "a different passphrase 42";

    @TempDir
    Path data;

    @Test
    void createdProfileIsListedAndUnlocksWithItsPassword() {
        TestProfile profile = TestProfile.create(data, "Work");
        List<ProfileSummary> listed = profile.service().list();
        assertEquals(1, listed.size());
        assertEquals("Work", listed.get(0).name());
        assertFalse(listed.get(0).isDamaged());
        assertTrue(Files.isRegularFile(profile.summary().location().headerFile()));
        assertTrue(Files.isRegularFile(profile.summary().location().vaultFile()));
        try (VaultSession session = profile.unlock()) {
            assertEquals(profile.summary().id(), session.profileId());
            session.secrets().add("kept", "kept-value-0123456789".toCharArray(), null);
        }
        try (VaultSession session = profile.service().unlock(profile.service().resolve("work"), profile.password())) {
            assertEquals("kept-value-0123456789", new String(session.secrets().reveal("kept", Purpose.READ)));
        }
    }

    @Test
    void aClosedSessionIsTheTypedLockedErrorWithTheUnlockRemedy() {
        TestProfile profile = TestProfile.create(data, "Work");
        VaultSession session = profile.unlock();
        session.secrets().add("kept", "kept-value-0123456789".toCharArray(), null);
        session.close();
        for (org.junit.jupiter.api.function.Executable use : List.<org.junit.jupiter.api.function.Executable>of(
                () -> session.keys().fieldKey(), () -> session.secrets().list(),
                () -> session.secrets().reveal("kept", Purpose.READ))) {
            OperationFailedException locked = assertThrows(OperationFailedException.class, use);
            assertEquals(VaultErrorKind.PROFILE_LOCKED, locked.kind());
            assertEquals(Remedy.UNLOCK_FIRST, locked.remedy());
        }
    }

    @Test
    void aMissingSettingsRowIsReportedAsDamageToTheProfile() {
        TestProfile profile = TestProfile.create(data, "Work");
        try (VaultSession session = profile.unlock()) {
            session.database().write(c -> {
                try (var s = c.createStatement()) {
                    return s.executeUpdate("DELETE FROM profile_settings");
                }
            });
            VaultDamagedException damaged = assertThrows(VaultDamagedException.class, () -> session.settings().values());
            assertEquals(VaultErrorKind.PROFILE_DAMAGED, damaged.kind());
            assertEquals("Profile 'Work' is damaged: its settings row is missing.", damaged.getMessage());
        }
    }

    @Test
    void wrongPasswordIsReportedAsWrongPasswordAndChangesNothing() throws IOException {
        TestProfile profile = TestProfile.create(data, "guarded");
        try (VaultSession session = profile.unlock()) {
            session.secrets().add("kept", "kept-value-0123456789".toCharArray(), null);
        }
        byte[] header = Files.readAllBytes(profile.summary().location().headerFile());
        byte[] vault = Files.readAllBytes(profile.summary().location().vaultFile());

        WrongPasswordException e = assertThrows(WrongPasswordException.class,
                () -> profile.service().unlock(profile.summary(), TestProfile.password("not the password")));
        assertEquals(3, e.exitCode());
        assertThrows(WrongPasswordException.class,
                () -> profile.service().unlock(profile.summary(), TestProfile.password(profile.passwordText() + " ")));

        assertArrayEquals(header, Files.readAllBytes(profile.summary().location().headerFile()), "header untouched");
        assertArrayEquals(vault, Files.readAllBytes(profile.summary().location().vaultFile()), "vault untouched");
        try (VaultSession session = profile.unlock()) {
            assertEquals("kept-value-0123456789", new String(session.secrets().reveal("kept", Purpose.READ)));
        }
    }

    @Test
    void changePasswordRetiresTheOldOneAndKeepsEverySecret() {
        TestProfile profile = TestProfile.create(data, "rekey");
        try (VaultSession session = profile.unlock()) {
            session.secrets().add("a", "value-a-0123456789".toCharArray(), null);
            session.secrets().add("b", "value-b-0123456789".toCharArray(), null);
            session.secrets().rotate("b", "value-b2-0123456789".toCharArray());
        }
        assertThrows(WrongPasswordException.class, () -> profile.service().changePassword(profile.summary(),
                TestProfile.password("wrong current password"), TestProfile.password(NEW_PASSWORD)));
        assertThrows(InvalidInputException.class, () -> profile.service().changePassword(profile.summary(),
                profile.password(), TestProfile.password("short")));

        profile.service().changePassword(profile.summary(), profile.password(), TestProfile.password(NEW_PASSWORD));

        assertThrows(WrongPasswordException.class, profile::unlock);
        try (VaultSession session = profile.service().unlock(profile.summary(), TestProfile.password(NEW_PASSWORD))) {
            assertEquals("value-a-0123456789", new String(session.secrets().reveal("a", Purpose.READ)));
            assertEquals("value-b2-0123456789", new String(session.secrets().reveal("b", Purpose.READ)));
            assertEquals("value-b-0123456789", new String(session.secrets().revealVersion("b", 1)));
        }
        profile.service().recover(profile.summary(), profile.recoveryCode(), TestProfile.password("third passphrase 333"));
        assertThrows(WrongPasswordException.class,
                () -> profile.service().unlock(profile.summary(), TestProfile.password(NEW_PASSWORD)));
        try (VaultSession session = profile.service().unlock(profile.summary(), TestProfile.password("third passphrase 333"))) {
            assertEquals(2, session.secrets().list().size(), "the recovery code still unwraps after a password change");
        }
    }

    @Test
    void recoveryCodeSetsANewPassword() {
        TestProfile profile = TestProfile.create(data, "recover");
        try (VaultSession session = profile.unlock()) {
            session.secrets().add("a", "value-a-0123456789".toCharArray(), null);
        }
        profile.service().recover(profile.summary(), profile.recoveryCode(), TestProfile.password(NEW_PASSWORD));
        assertThrows(WrongPasswordException.class, profile::unlock);
        try (VaultSession session = profile.service().unlock(profile.summary(), TestProfile.password(NEW_PASSWORD))) {
            assertEquals("value-a-0123456789", new String(session.secrets().reveal("a", Purpose.READ)));
        }
    }

    @Test
    void recoveryCodeIsAcceptedInLowercaseAndSeparatedBySpaces() {
        TestProfile profile = TestProfile.create(data, "recover-typed");
        String typed = profile.recoveryCodeText().toLowerCase(Locale.ROOT).replace('-', ' ');
        assertFalse(typed.equals(profile.recoveryCodeText()));
        profile.service().recover(profile.summary(), TestProfile.password(typed), TestProfile.password(NEW_PASSWORD));
        try (VaultSession session = profile.service().unlock(profile.summary(), TestProfile.password(NEW_PASSWORD))) {
            assertTrue(session.isOpen());
        }
        String run = profile.recoveryCodeText().replace("-", "");
        profile.service().recover(profile.summary(), TestProfile.password("  " + run + "\t"), TestProfile.password("yet another passphrase"));
        try (VaultSession session = profile.service().unlock(profile.summary(), TestProfile.password("yet another passphrase"))) {
            assertTrue(session.isOpen());
        }
    }

    @Test
    void wrongOrMalformedRecoveryCodeChangesNothing() throws IOException {
        TestProfile profile = TestProfile.create(data, "recover-wrong");
        byte[] header = Files.readAllBytes(profile.summary().location().headerFile());
        char[] wrong = profile.recoveryCodeText().toCharArray();
        wrong[0] = wrong[0] == '7' ? '8' : '7';
        WrongPasswordException e = assertThrows(WrongPasswordException.class, () -> profile.service().recover(
                profile.summary(), Password.copyOf(wrong), TestProfile.password(NEW_PASSWORD)));
        assertEquals(3, e.exitCode());
        assertThrows(InvalidInputException.class, () -> profile.service().recover(
                profile.summary(), TestProfile.password("ABCD-EFGH"), TestProfile.password(NEW_PASSWORD)));
        assertThrows(InvalidInputException.class, () -> profile.service().recover(
                profile.summary(), TestProfile.password(profile.recoveryCodeText() + "-0000"), TestProfile.password(NEW_PASSWORD)));
        assertArrayEquals(header, Files.readAllBytes(profile.summary().location().headerFile()));
        try (VaultSession session = profile.unlock()) {
            assertTrue(session.isOpen());
        }
    }

    @Test
    void deleteRemovesTheWholeProfileFolder() throws IOException {
        TestProfile kept = TestProfile.create(data, "kept");
        TestProfile doomed = TestProfile.create(kept.service(), "doomed", TestProfile.DEFAULT_PASSWORD);
        try (VaultSession session = doomed.unlock()) {
            session.secrets().add("x", "value-x-0123456789".toCharArray(), null);
        }
        Files.createDirectories(doomed.summary().location().backupsFolder());
        Files.writeString(doomed.summary().location().backupsFolder().resolve("old.kwbackup"), "backup");

        doomed.service().delete(doomed.summary());

        assertFalse(Files.exists(doomed.folder()), "the profile folder is gone");
        assertEquals(List.of("kept"), kept.service().list().stream().map(ProfileSummary::name).toList());
        assertThrows(NotFoundException.class, () -> kept.service().resolve("doomed"));
        try (VaultSession session = kept.unlock()) {
            assertTrue(session.isOpen(), "the other profile is untouched");
        }
    }

    @Test
    void listShowsADamagedProfileWithTheReason() throws IOException {
        TestProfile healthy = TestProfile.create(data, "healthy");
        TestProfile broken = TestProfile.create(healthy.service(), "broken", TestProfile.DEFAULT_PASSWORD);
        Files.writeString(broken.summary().location().headerFile(), "{ \"format\": \"keyward-profile\", ");

        List<ProfileSummary> listed = healthy.service().list();
        assertEquals(2, listed.size(), "a damaged profile is listed, not hidden: " + listed);
        ProfileSummary damaged = listed.stream().filter(ProfileSummary::isDamaged).findFirst().orElseThrow();
        assertEquals(broken.summary().id(), damaged.id());
        assertTrue(damaged.damageReason().contains("damaged"), damaged.damageReason());
        ProfileSummary fine = listed.stream().filter(p -> !p.isDamaged()).findFirst().orElseThrow();
        assertEquals("healthy", fine.name());
        assertNull(fine.damageReason());
    }

    @Test
    void vaultFileIsEncryptedAndHoldsNoPlantedValueWhileOpenOrAfterClose() throws IOException {
        TestProfile profile = TestProfile.create(data, "at-rest");
        Canary value = Canary.fresh("at-rest-value");
        Canary name = Canary.fresh("at-rest-name");
        Canary rotated = Canary.fresh("at-rest-rotated");
        List<Canary> canaries = List.of(value, name, rotated);
        Path vault = profile.summary().location().vaultFile();
        Path wal = profile.summary().location().walFile();
        try (VaultSession session = profile.unlock()) {
            session.secrets().add(name.value(), value.chars(), null);
            session.secrets().rotate(name.value(), rotated.chars());
            assertTrue(Files.exists(wal) && Files.size(wal) > 0, "the open session writes through the WAL");
            assertEquals(List.of(), CanaryScan.hits(profile.folder(), file -> true, canaries), "files while the session is open");
        }
        assertFalse(Files.exists(wal) && Files.size(wal) > 0, "closing checkpoints the WAL into vault.db");
        assertEquals(List.of(), CanaryScan.hits(profile.folder(), file -> true, canaries), "files after close");
        byte[] first16 = Arrays.copyOf(Files.readAllBytes(vault), 16);
        assertFalse(Arrays.equals("SQLite format 3\0".getBytes(StandardCharsets.US_ASCII), first16),
                "vault.db must not start with the plain SQLite header");
        try (VaultSession session = profile.unlock()) {
            assertEquals(rotated.value(), new String(session.secrets().reveal(name.value(), Purpose.READ)),
                    "the planted value is really stored");
        }
    }
}
