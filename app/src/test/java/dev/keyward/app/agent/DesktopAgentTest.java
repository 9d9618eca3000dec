package dev.keyward.app.agent;

import static dev.keyward.app.agent.AgentFixture.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.agent.protocol.AgentLink;
import dev.keyward.app.agent.protocol.AgentSocketPath;
import dev.keyward.app.agent.protocol.Frame;
import dev.keyward.vault.session.ProfileService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desktop's agent follows the app's session: serves while unlocked, answers "locked" while locked, stops at quit. */
class DesktopAgentTest {

    @TempDir
    Path data;

    @Test
    void servesWhileUnlockedAnswersLockedWhileLockedAndLeavesAtQuit() throws Exception {
        ProfileService profiles = AgentFixture.createProfile(data);
        AtomicInteger locks = new AtomicInteger();
        AtomicInteger raises = new AtomicInteger();
        Path socket = AgentSocketPath.of(data, Map.of()).socket();
        try (AgentFixture.Served served = AgentFixture.Served.open(profiles, data)) {
            DesktopAgent agent = new DesktopAgent(data, Map.of(), locks::incrementAndGet,
                    raises::incrementAndGet);
            try {
                assertTrue(agent.unlocked(served.session(), served.services(), request -> Approval.DENY));
                try (AgentLink link = AgentLink.connect(socket, "test")) {
                    assertEquals("desktop", link.welcome().string("server"));
                    assertEquals("exit", command(link, Map.of(), null, "secret", "list").type());
                    // Without the approval dialog nobody can allow a value out.
                    assertEquals("refused", command(link, Map.of(), null, "secret", "get", AgentFixture.SECRET).type());
                }

                agent.locked();
                try (AgentLink link = AgentLink.connect(socket, "test")) {
                    assertTrue(link.welcome().flag("locked"));
                    assertEquals("work", link.welcome().string("profile"), "the locked profile is still named");
                    assertEquals("locked", command(link, Map.of(), null, "secret", "list").type());
                    assertEquals("exit", link.request(Frame.of("raise", 0)).type());
                    assertEquals("exit", link.request(Frame.of("lock", 0)).type());
                }
                for (int i = 0; i < 100 && (raises.get() == 0 || locks.get() == 0); i++) {
                    Thread.sleep(50);
                }
                assertEquals(1, raises.get());
                assertEquals(1, locks.get());

                assertTrue(agent.unlocked(served.session(), served.services(), request -> Approval.DENY), "an unlock serves again");
                try (AgentLink link = AgentLink.connect(socket, "test")) {
                    assertFalse(link.welcome().flag("locked"));
                }
            } finally {
                agent.close();
            }
            assertFalse(Files.exists(socket), "quitting removes the socket");
        }
    }

    @Test
    void aDesktopFindingAnotherAgentServingLeavesItBe() throws Exception {
        ProfileService profiles = AgentFixture.createProfile(data);
        try (AgentFixture.Served served = AgentFixture.Served.open(profiles, data)) {
            DesktopAgent first = new DesktopAgent(data, Map.of(), () -> { }, () -> { });
            DesktopAgent second = new DesktopAgent(data, Map.of(), () -> { }, () -> { });
            try {
                assertTrue(first.unlocked(served.session(), served.services(), request -> Approval.DENY));
                assertFalse(second.unlocked(served.session(), served.services(), request -> Approval.DENY));
                try (AgentLink link = AgentLink.connect(AgentSocketPath.of(data, Map.of()).socket(), "test")) {
                    assertEquals("exit", command(link, Map.of(), null, "secret", "list").type());
                }
            } finally {
                second.close();
                first.close();
            }
        }
    }

    @Test
    void theStartUpsListenComingAfterAStopOrAQuitLeavesNoSocket() throws Exception {
        // The app calls listen() on a worker: serving turned off (stop) or a quit (close) may come before it.
        Path socket = AgentSocketPath.of(data, Map.of()).socket();
        DesktopAgent stopped = new DesktopAgent(data, Map.of(), () -> { }, () -> { });
        try {
            stopped.stop();
            assertFalse(stopped.listen(), "a stop before the start-up's listen wins");
            assertFalse(Files.exists(socket));
        } finally {
            stopped.close();
        }
        DesktopAgent quit = new DesktopAgent(data, Map.of(), () -> { }, () -> { });
        quit.close();
        assertFalse(quit.listen(), "a quit before the start-up's listen wins");
        assertFalse(Files.exists(socket));
    }

    @Test
    void anUnlockAfterAStopServesAgainAndTheLateListenKeepsServing() throws Exception {
        ProfileService profiles = AgentFixture.createProfile(data);
        Path socket = AgentSocketPath.of(data, Map.of()).socket();
        try (AgentFixture.Served served = AgentFixture.Served.open(profiles, data)) {
            DesktopAgent agent = new DesktopAgent(data, Map.of(), () -> { }, () -> { });
            try {
                agent.stop();
                assertTrue(agent.unlocked(served.session(), served.services(), request -> Approval.DENY),
                        "turned on again, the next unlock serves");
                assertFalse(agent.listen(), "a late start-up listen changes nothing");
                try (AgentLink link = AgentLink.connect(socket, "test")) {
                    assertFalse(link.welcome().flag("locked"), "still served");
                }
            } finally {
                agent.close();
            }
        }
    }

    @Test
    void theSettingIsOnUntilTurnedOff() {
        AgentPreference preference = new AgentPreference(data);
        assertTrue(preference.desktopServes());
        preference.setDesktopServes(false);
        assertFalse(new AgentPreference(data).desktopServes());
        preference.setDesktopServes(true);
        assertTrue(new AgentPreference(data).desktopServes());
    }
}
