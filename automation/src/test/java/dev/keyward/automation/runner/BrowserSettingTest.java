package dev.keyward.automation.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.browser.BrowserUnavailableException;
import dev.keyward.automation.browser.ChromiumLocator;
import dev.keyward.automation.scripts.AutomationScript;
import dev.keyward.automation.scripts.ScriptService;
import dev.keyward.automation.scripts.TestVault;
import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.session.VaultSession;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is decided before a browser starts: the configured browser, the inputs, a rejected script. */
class BrowserSettingTest {

    @TempDir
    Path root;

    @Test
    void badBrowserSettingIsReportedBeforeAnyRunIsRecorded() {
        Assumptions.assumeTrue(System.getenv(ChromiumLocator.ENV_VARIABLE) == null, "KEYWARD_CHROMIUM overrides the setting");
        try (VaultSession session = TestVault.open(root)) {
            session.settings().set("browser_executable", root.resolve("no-browser-here").toString());
            AutomationScript script = new ScriptService(session).importProgram(
                    RunnerFixture.sample("read-usage-dashboard.json"), null).script();
            BrowserUnavailableException e = assertThrows(BrowserUnavailableException.class,
                    () -> ProgramRunner.forSession(session).run(script.id(),
                            RunOptions.defaults(Map.of("base_url", "http://127.0.0.1:9")), ScriptedGate.approvingAll(),
                            RunObserver.NONE));
            assertTrue(e.getMessage().contains("browser_executable") && e.getMessage().contains("no-browser-here"),
                    e.getMessage());
            assertEquals(0, countRuns(session));
        }
    }

    @Test
    void missingInputAndRejectedScriptAreRefusedBeforeStarting() {
        try (VaultSession session = TestVault.open(root)) {
            ScriptService scripts = new ScriptService(session);
            AutomationScript script = scripts.importProgram(RunnerFixture.sample("set-billing-cap.json"), null).script();
            ProgramRunner runner = ProgramRunner.forSession(session);
            InvalidInputException missing = assertThrows(InvalidInputException.class, () -> runner.run(script.id(),
                    RunOptions.defaults(Map.of("base_url", "http://127.0.0.1:9")), ScriptedGate.approvingAll(), RunObserver.NONE));
            assertTrue(missing.getMessage().contains("'cap'"), missing.getMessage());
            scripts.reject(script.id());
            InvalidInputException rejected = assertThrows(InvalidInputException.class, () -> runner.run(script.id(),
                    RunOptions.defaults(Map.of("base_url", "http://127.0.0.1:9", "cap", "5")), ScriptedGate.approvingAll(),
                    RunObserver.NONE));
            assertTrue(rejected.getMessage().contains("rejected"), rejected.getMessage());
            assertEquals(0, countRuns(session));
        }
    }

    private static int countRuns(VaultSession session) {
        return session.database().read(c -> {
            try (var ps = c.prepareStatement("SELECT count(*) FROM automation_executions WHERE profile_id = ?")) {
                ps.setString(1, session.profileId());
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }
}
