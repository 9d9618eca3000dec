package dev.keyward.vault.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyward.vault.VaultDamagedException;
import dev.keyward.vault.WrongPasswordException;
import dev.keyward.vault.crypto.Argon2Params;
import dev.keyward.vault.profile.ProfileHeader;
import dev.keyward.vault.profile.ProfileHeaderCodec;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.testing.TestProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile.json that was damaged or edited is reported as damage (exit code 5), never as a wrong
 * password; only an edit that keeps the header self-consistent can look like a wrong password.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfileHeaderDamageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestProfile profile;
    private byte[] pristine;
    private ProfileHeader header;

    @BeforeAll
    void createProfile(@TempDir Path data) throws IOException {
        profile = TestProfile.create(data, "header");
        pristine = Files.readAllBytes(headerFile());
        header = ProfileHeaderCodec.decode(pristine, "(test)");
    }

    @AfterEach
    void restoreHeader() throws IOException {
        Files.write(headerFile(), pristine);
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 60, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void aPipeInPlaceOfTheHeaderIsDamageAndNeverWaitedOn() throws Exception {
        Files.delete(headerFile());
        Process mkfifo = new ProcessBuilder("mkfifo", headerFile().toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo works here");
        try {
            assertThrows(VaultDamagedException.class, () -> profile.service().readHeaderOf(profile.summary()));
        } finally {
            Files.delete(headerFile());
        }
    }

    @Test
    void aHugeHeaderIsDamageWithoutBeingReadWhole() throws IOException {
        try (var f = new java.io.RandomAccessFile(headerFile().toFile(), "rw")) {
            f.setLength(4L * 1024 * 1024 * 1024);
        }
        VaultDamagedException e = assertThrows(VaultDamagedException.class,
                () -> profile.service().readHeaderOf(profile.summary()));
        assertTrue(e.getMessage().contains("not a regular file of at most 64 KiB"), e.getMessage());
    }

    @TestFactory
    Stream<DynamicTest> aCharacterChangedInAnyFieldIsDamage() {
        List<String> fields = List.of("password_salt", "password_wrapped_key", "recovery_salt", "recovery_wrapped_key",
                "checksum", "profile_id", "profile_name", "created_at");
        List<DynamicTest> tests = new ArrayList<>();
        for (String field : fields) {
            for (double at : new double[] {0.0, 0.5, 0.95}) {
                tests.add(dynamicTest(field + " at " + at, () -> {
                    writeEdited(root -> {
                        String value = root.get(field).asText();
                        int i = Math.min(value.length() - 1, (int) (value.length() * at));
                        if (value.indexOf('=') >= 0 && i >= value.indexOf('=') - 1) {
                            // The last character before padding also carries unused bits that
                            // decoders ignore; the one before it is all data.
                            i = value.indexOf('=') - 2;
                        }
                        char c = value.charAt(i);
                        char other = c == 'A' ? 'B' : c == '0' ? '1' : Character.isLetterOrDigit(c) ? 'A' : '0';
                        root.put(field, value.substring(0, i) + other + value.substring(i + 1));
                        return root;
                    });
                    assertUnlockReportsDamage();
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> editedParametersOrFormatWithoutANewChecksumAreDamage() {
        return Stream.of(
                edit("memory_kib + 1024", root -> kdf(root).put("memory_kib", kdf(root).get("memory_kib").asInt() + 1024)),
                edit("iterations + 1", root -> kdf(root).put("iterations", kdf(root).get("iterations").asInt() + 1)),
                edit("parallelism + 1", root -> kdf(root).put("parallelism", kdf(root).get("parallelism").asInt() + 1)),
                edit("algorithm argon2i", root -> kdf(root).put("algorithm", "argon2i")),
                edit("format_version 2", root -> root.put("format_version", 2)),
                edit("format other", root -> root.put("format", "other")),
                edit("missing checksum", root -> root.without("checksum")),
                edit("missing password_salt", root -> root.without("password_salt")),
                edit("salt not base64", root -> root.put("password_salt", "!!not base64!!")),
                edit("salt a number", root -> root.put("password_salt", 12345)));
    }

    @TestFactory
    Stream<DynamicTest> truncatedHeaderIsDamage() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int length : new int[] {0, 1, 10, pristine.length / 3, pristine.length / 2, pristine.length - 40, pristine.length - 2}) {
            tests.add(dynamicTest("first " + length + " of " + pristine.length + " bytes", () -> {
                Files.write(headerFile(), Arrays.copyOf(pristine, length));
                assertUnlockReportsDamage();
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> garbageHeaderIsDamage() {
        Random random = new Random(20250301);
        byte[] noise = new byte[700];
        random.nextBytes(noise);
        byte[] huge = new byte[70 * 1024];
        Arrays.fill(huge, (byte) ' ');
        System.arraycopy(pristine, 0, huge, huge.length - pristine.length, pristine.length);
        return Stream.of(
                garbage("random bytes", noise),
                garbage("null", "null".getBytes(StandardCharsets.UTF_8)),
                garbage("an array", "[1, 2, 3]".getBytes(StandardCharsets.UTF_8)),
                garbage("an empty object", "{}".getBytes(StandardCharsets.UTF_8)),
                garbage("the header after 70 KiB of spaces", huge));
    }

    @TestFactory
    Stream<DynamicTest> parametersBelowTheFloorAreDamageEvenWithAMatchingChecksum() {
        Argon2Params p = header.kdf();
        return Stream.of(
                new Argon2Params(p.memoryKib() - 1, p.iterations(), p.parallelism()),
                new Argon2Params(p.memoryKib(), p.iterations() - 1, p.parallelism()),
                new Argon2Params(p.memoryKib(), p.iterations(), 0),
                new Argon2Params(8, 1, 1),
                new Argon2Params(8 * 1024 * 1024, p.iterations(), p.parallelism()))
                .map(params -> dynamicTest(params.toString(), () -> {
                    Files.write(headerFile(), ProfileHeaderCodec.encode(withParams(params)));
                    assertUnlockReportsDamage();
                }));
    }

    @Test
    void raisedParametersWithAMatchingChecksumFailAsWrongPasswordBecauseTheWrapBindsTheParameters() throws IOException {
        Argon2Params p = header.kdf();
        Argon2Params raised = new Argon2Params(p.memoryKib(), p.iterations() + 1, p.parallelism());
        Files.write(headerFile(), ProfileHeaderCodec.encode(withParams(raised)));
        // Self-consistent, so it cannot be told apart from a wrong password: the wrap fails to open.
        WrongPasswordException e = assertThrows(WrongPasswordException.class, profile::unlock);
        assertEquals(3, e.exitCode());
        Files.write(headerFile(), pristine);
        try (VaultSession session = profile.unlock()) {
            assertTrue(session.isOpen(), "the untouched header still unlocks");
        }
    }

    @Test
    void damagedHeaderIsDamageForRecoveryAndPasswordChangeToo() throws IOException {
        writeEdited(root -> root.put("recovery_wrapped_key", "AAAA" + root.get("recovery_wrapped_key").asText().substring(4)));
        assertEquals(5, assertThrows(VaultDamagedException.class, () -> profile.service().recover(profile.summary(),
                profile.recoveryCode(), TestProfile.password("new passphrase 1234"))).exitCode());
        assertThrows(VaultDamagedException.class, () -> profile.service().changePassword(profile.summary(),
                profile.password(), TestProfile.password("new passphrase 1234")));
        assertThrows(VaultDamagedException.class, () -> profile.service().verify(profile.summary(), profile.password()));
    }

    // --- helpers ---

    private void assertUnlockReportsDamage() {
        VaultDamagedException e = assertThrows(VaultDamagedException.class, profile::unlock,
                "a damaged header must be reported as damage, not as a wrong password");
        assertEquals(5, e.exitCode());
        assertTrue(e.getMessage().contains("profile.json"), "names the file: " + e.getMessage());
        ProfileSummary listed = profile.service().list().get(0);
        assertTrue(listed.isDamaged(), "list shows it as damaged");
    }

    private DynamicTest edit(String name, UnaryOperator<ObjectNode> change) {
        return dynamicTest(name, () -> {
            writeEdited(change);
            assertUnlockReportsDamage();
        });
    }

    private DynamicTest garbage(String name, byte[] content) {
        return dynamicTest(name, () -> {
            Files.write(headerFile(), content);
            assertUnlockReportsDamage();
        });
    }

    private void writeEdited(UnaryOperator<ObjectNode> change) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(pristine);
        Files.write(headerFile(), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(change.apply(root)));
    }

    private static ObjectNode kdf(ObjectNode root) {
        return (ObjectNode) root.get("kdf");
    }

    private ProfileHeader withParams(Argon2Params params) {
        return new ProfileHeader(header.formatVersion(), header.profileId(), header.profileName(), header.createdAt(),
                params, header.passwordSalt(), header.passwordWrappedKey(), header.recoverySalt(), header.recoveryWrappedKey());
    }

    private Path headerFile() {
        return profile.summary().location().headerFile();
    }
}
