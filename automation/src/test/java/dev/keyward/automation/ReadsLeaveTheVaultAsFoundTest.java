package dev.keyward.automation;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.dashboard.ProviderSelector;
import dev.keyward.automation.dashboard.hygiene.HygieneService;
import dev.keyward.automation.dashboard.service.DashboardService;
import dev.keyward.automation.discovery.FindingQuery;
import dev.keyward.automation.discovery.FindingStatus;
import dev.keyward.automation.discovery.service.DiscoveryService;
import dev.keyward.automation.generate.GenerationRequest;
import dev.keyward.automation.generate.ProgramGenerator;
import dev.keyward.automation.generate.ReferenceSnippets;
import dev.keyward.automation.program.TaskType;
import dev.keyward.automation.recommend.RecommendationService;
import dev.keyward.automation.runner.ProgramRunner;
import dev.keyward.automation.runner.RunHistory;
import dev.keyward.automation.scripts.ScriptService;
import dev.keyward.automation.testing.VaultFingerprint;
import dev.keyward.vault.NotFoundException;
import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.Remedy;
import dev.keyward.vault.VaultErrorKind;
import dev.keyward.vault.crypto.Argon2Params;
import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.db.SchemaMigrations;
import dev.keyward.vault.profile.DataRoot;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import dev.keyward.vault.testing.ReadOnlyFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads never migrate or write: on a real SQLCipher profile whose automation was never enabled, every read the
 * CLI and the desktop make of the automation features answers honestly (nothing, or "not found") and leaves the
 * vault as it found it, byte for byte and schema for schema; and a profile opened read-only serves them all.
 */
class ReadsLeaveTheVaultAsFoundTest {

    private static final String PASSWORD = "reads-leave-it-password";
    /** In OpenAI's admin key format, so {@code adminKeyIds} has a key it would look at. */
    private static final String ADMIN_VALUE = "sk-admin-CANARYreadsSECRET000000000ADMN";

    @TempDir
    Path data;
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);
    private ProfileService profiles;
    private ProfileSummary profile;
    private VaultSession session;

    /** One read: what it is called, the call, and what an honest answer of a profile without automation is. */
    private record Read(String name, Callable<?> call, Predicate<Object> honest) {
    }

    @BeforeEach
    void profileWithoutAutomation() {
        profiles = new ProfileService(new DataRoot(data), clock, Argon2Params.FLOOR, "app");
        try (Password password = Password.copyOf(PASSWORD.toCharArray())) {
            ProfileService.Created created = profiles.create("reads", password);
            created.recoveryCode().destroy();
            profile = created.profile();
        }
        session = unlock();
        session.secrets().add("openai-admin", ADMIN_VALUE.toCharArray(), "openai");
        session.projects().create("web", "a project");
        assertFalse(SchemaMigrations.isAutomationEnabled(session.database()), "the profile starts without automation");
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    private VaultSession unlock() {
        try (Password password = Password.copyOf(PASSWORD.toCharArray())) {
            return profiles.unlock(profile, password);
        }
    }

    /** Every read of the automation features a front end makes, each with a service built the way the app builds it. */
    private static List<Read> reads(VaultSession s) {
        Predicate<Object> empty = answer -> answer instanceof Collection<?> c && c.isEmpty();
        return List.of(
                new Read("DashboardService.adminKeyIds", () -> new DashboardService(s).adminKeyIds(), empty),
                new Read("HygieneService.report", () -> new DashboardService(s).hygiene().report(),
                        answer -> answer.equals(new HygieneService.Report(List.of(), 0, false, List.of()))),
                new Read("DashboardService.overview", () -> new DashboardService(s).overview(), empty),
                new Read("DashboardService.incidents", () -> new DashboardService(s).incidents("web"), empty),
                new Read("DashboardService.selectors (Keyward's own, not stored)",
                        () -> new DashboardService(s).selectors("practice-cloud"),
                        answer -> answer instanceof List<?> l && !l.isEmpty()
                                && l.stream().allMatch(x -> ((ProviderSelector) x).id() == null)),
                new Read("ScriptService constructor and list", () -> new ScriptService(s).list(), empty),
                new Read("RunHistory constructor and runsOf", () -> new RunHistory(s).runsOf("0123abcd", 5), empty),
                new Read("RunHistory.checkpointsOf", () -> new RunHistory(s).checkpointsOf("0123abcd"), empty),
                new Read("DiscoveryService.inbox", () -> discovery(s, d -> d.inbox(FindingQuery.all()).findings()), empty),
                new Read("DiscoveryService.unreadCount", () -> discovery(s, DiscoveryService::unreadCount),
                        answer -> answer.equals(0)),
                new Read("DiscoveryService.searchLog", () -> discovery(s, d -> d.searchLog(null, 10)), empty),
                new Read("RecommendationService.list", () -> new RecommendationService(s, Optional.empty()).list("web"),
                        empty),
                new Read("ProgramRunner.forSession", () -> ProgramRunner.forSession(s), answer -> answer != null),
                new Read("ProgramGenerator.research", () -> new ProgramGenerator(s, ReferenceSnippets.NONE,
                        new ScriptService(s), Optional.empty(), 0).research(new GenerationRequest("openai",
                        TaskType.API_KEY_MANAGEMENT, "rotate the key")).selectors(), empty));
    }

    /** Lookups by id of things that cannot exist without automation: each is "not found". */
    private static Map<String, Executable> lookups(VaultSession s) {
        Map<String, Executable> lookups = new TreeMap<>();
        lookups.put("ScriptService.get", () -> new ScriptService(s).get("0123abcd"));
        lookups.put("RunHistory.run", () -> new RunHistory(s).run("0123abcd"));
        lookups.put("DiscoveryService.finding", () -> discovery(s, d -> d.finding("0123abcd")));
        return lookups;
    }

    /** Changes of things that cannot exist without automation: "not found", without enabling it to say so. */
    private static Map<String, Executable> changesOfMissingThings(VaultSession s) {
        Map<String, Executable> changes = new TreeMap<>();
        changes.put("ScriptService.approve", () -> new ScriptService(s).approve("0123abcd"));
        changes.put("DiscoveryService.mark", () -> discovery(s, d -> d.mark("0123abcd", FindingStatus.REVIEWED, null)));
        return changes;
    }

    private static <T> T discovery(VaultSession s, java.util.function.Function<DiscoveryService, T> read) {
        try (DiscoveryService discovery = new DiscoveryService(s)) {
            return read.apply(discovery);
        }
    }

    @Test
    void everyReadAnswersHonestlyAndLeavesTheVaultAsItFoundIt() throws Exception {
        for (Read read : reads(session)) {
            VaultFingerprint before = VaultFingerprint.of(session);
            Object answer = read.call().call();
            assertEquals(before, VaultFingerprint.of(session), read.name() + " changed the vault");
            assertTrue(read.honest().test(answer), read.name() + " answered " + answer);
        }
        assertFalse(SchemaMigrations.isAutomationEnabled(session.database()), "no read enabled automation");
    }

    @Test
    void aLookupOfWhatCannotExistWithoutAutomationIsNotFoundAndChangesNothing() {
        VaultFingerprint before = VaultFingerprint.of(session);
        lookups(session).forEach((name, lookup) -> assertThrows(NotFoundException.class, lookup, name));
        changesOfMissingThings(session).forEach((name, change) -> assertThrows(NotFoundException.class, change, name));
        assertEquals(before, VaultFingerprint.of(session));
    }

    @Test
    void checkingAProgramWithoutAutomationIsTheTypedAutomationNotEnabledError() {
        VaultFingerprint before = VaultFingerprint.of(session);
        OperationFailedException error = assertThrows(OperationFailedException.class,
                () -> new ScriptService(session).check("{\"provider\":\"openai\"}", null));
        assertEquals(VaultErrorKind.AUTOMATION_NOT_ENABLED, error.kind());
        assertEquals(Remedy.ENABLE_AUTOMATION, error.remedy());
        assertEquals(before, VaultFingerprint.of(session));
    }

    @Test
    void storingAProgramIsWhatEnablesAutomation() throws IOException {
        ScriptService scripts = new ScriptService(session);
        assertTrue(scripts.list().isEmpty());
        scripts.importProgram(sample("set-billing-cap.json"), null);
        assertTrue(SchemaMigrations.isAutomationEnabled(session.database()));
        assertEquals(1, scripts.list().size());
    }

    @Test
    void aReadOnlyProfileServesEveryRead() throws Exception {
        session.close();
        session = null;
        Path folder = profile.location().folder();
        Map<String, String> files = contents(folder);
        try (ReadOnlyFolder ignored = ReadOnlyFolder.make(folder)) {
            session = unlock();
            assertTrue(session.isReadOnly(), "the vault really was opened read-only");
            VaultSession readOnly = session;
            assertAll(reads(readOnly).stream().map(read -> () -> {
                Object answer = read.call().call();
                assertTrue(read.honest().test(answer), read.name() + " answered " + answer);
            }));
            lookups(readOnly).forEach((name, lookup) -> assertThrows(NotFoundException.class, lookup, name));
            session.close();
            session = null;
        }
        assertEquals(files, contents(folder), "nothing in the profile folder changed");
    }

    private static String sample(String name) throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("samples/programs"))) {
            dir = dir.getParent();
        }
        return Files.readString(dir.resolve("samples/programs/" + name));
    }

    private static Map<String, String> contents(Path folder) throws Exception {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith("-shm")).toList()) {
                hashes.put(folder.relativize(file).toString(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            }
        }
        return hashes;
    }
}
