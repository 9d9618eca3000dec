package dev.keyward.app.agent.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.agent.Approval;
import dev.keyward.app.agent.DesktopAgent;
import dev.keyward.app.session.SessionServices;
import dev.keyward.vault.crypto.Argon2Params;
import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.profile.DataRoot;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line against the desktop's real agent while the app is locked, over the real socket: a person
 * at a terminal is offered the unlock window; a yes raises it (the app's {@code raise} request) and the command
 * goes through the app once it is unlocked there; a no, or no terminal, only says so and leaves the command to
 * the direct path, without moving any window.
 */
class LockedAppOfferTest {

    private static final String PASSWORD = "locked-app-password-3";

    @TempDir
    Path data;
    private VaultSession session;
    private SessionServices services;
    private DesktopAgent agent;
    private final AtomicInteger raises = new AtomicInteger();
    /** What the person does when the window comes forward: unlock there, or not. */
    private volatile boolean unlocksWhenRaised;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<String> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void aLockedApp() {
        ProfileService profiles = new ProfileService(new DataRoot(data), Clock.systemUTC(), Argon2Params.FLOOR, "cli");
        try (Password password = Password.copyOf(PASSWORD.toCharArray())) {
            ProfileService.Created created = profiles.create("work", password);
            created.recoveryCode().close();
            session = profiles.unlock(created.profile(), password);
        }
        session.secrets().add("LISTED_NAME", "listed-value-canary-5b1".toCharArray(), null);
        services = SessionServices.open(session, data);
        agent = new DesktopAgent(data, env(), () -> { }, () -> {
            raises.incrementAndGet();
            if (unlocksWhenRaised) {
                agent.unlocked(session, services, request -> Approval.DENY);
            }
        });
        assertTrue(agent.unlocked(session, services, request -> Approval.DENY));
        agent.locked();
    }

    @AfterEach
    void quit() {
        agent.close();
        services.close();
        session.close();
    }

    private Map<String, String> env() {
        return Map.of("KEYWARD_HOME", data.toString(), "KEYWARD_PROFILE", "work");
    }

    private OptionalInt secretList(boolean terminal, boolean yes, Duration wait) {
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        AgentClient client = new AgentClient(InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
                errStream, (argv, env, e) -> 99);
        LockedApp lockedApp = new LockedApp(client, errStream, question -> asked.add(question) && yes, wait);
        return AgentFastPath.serve(new String[] {"secret", "list"}, env(), Path.of("").toAbsolutePath(), terminal, client,
                errStream, lockedApp);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aYesRaisesTheUnlockWindowAndTheCommandGoesThroughTheAppOnceUnlocked() {
        unlocksWhenRaised = true;
        OptionalInt code = secretList(true, true, Duration.ofSeconds(30));
        assertEquals(OptionalInt.of(0), code, err());
        assertEquals(1, raises.get(), "the window was brought forward once");
        assertEquals(List.of("Bring Keyward's unlock window forward to unlock there? [Y/n] "), asked);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("LISTED_NAME"), "served by the app after the unlock");
        assertTrue(err().startsWith("keyward: Keyward is open but profile 'work' is locked.\n"), err());
    }

    @Test
    void anAppNotYetUnlockedSinceItStartedSaysItIsOpenButLocked() {
        agent.close();
        agent = new DesktopAgent(data, env(), () -> { }, raises::incrementAndGet);
        assertTrue(agent.listen(), "the app listens from its start, before any unlock");
        OptionalInt code = secretList(false, true, Duration.ofSeconds(30));
        assertEquals(OptionalInt.empty(), code);
        assertEquals(0, raises.get());
        assertEquals("keyward: Keyward is open but locked, so this command needs the password"
                + " itself (unlock it in the app to skip this next time).\n", err());
    }

    @Test
    void aNoLeavesTheWindowWhereItIsAndTheCommandToTheDirectPath() {
        OptionalInt code = secretList(true, false, Duration.ofSeconds(30));
        assertEquals(OptionalInt.empty(), code);
        assertEquals(0, raises.get());
        assertEquals(1, asked.size());
        assertEquals("keyward: Keyward is open but profile 'work' is locked.\n", err());
    }

    @Test
    void withoutATerminalNobodyIsAskedAndOnlyTheSentenceIsSaid() {
        OptionalInt code = secretList(false, true, Duration.ofSeconds(30));
        assertEquals(OptionalInt.empty(), code);
        assertEquals(0, raises.get());
        assertEquals(List.of(), asked);
        assertEquals("keyward: Keyward is open but profile 'work' is locked, so this command needs the password"
                + " itself (unlock it in the app to skip this next time).\n", err());
    }

    @Test
    void aYesWithoutAnUnlockInTimeFallsBackToThePasswordPrompt() {
        OptionalInt code = secretList(true, true, Duration.ofSeconds(1));
        assertEquals(OptionalInt.empty(), code);
        assertEquals(1, raises.get());
        assertTrue(err().endsWith("keyward: the profile is still locked; asking for the password here instead.\n"), err());
    }
}
