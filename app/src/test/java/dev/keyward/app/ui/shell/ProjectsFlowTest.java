package dev.keyward.app.ui.shell;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.session.VaultSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

class ProjectsFlowTest extends ShellTestBase {

    ProfileSummary profile;

    @Start
    void start(Stage stage) throws Exception {
        startShell(stage);
    }

    @Override
    void prepare() {
        profile = DesktopTestKit.createProfile(profiles, "work");
        try (VaultSession s = DesktopTestKit.open(profiles, profile)) {
            s.projects().create("api", "the API server");
        }
    }

    @Test
    void importPreviewShowsRefusedVariablesAndWritesNothing(FxRobot robot) throws Exception {
        Path env = dataDir.resolve("bad.env");
        // An empty value imports (issue 12); a key no child environment can carry is refused.
        Files.writeString(env, "OPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuvwxyz\napp.port=3000\n");
        openProjects(robot);
        files.answer(env);
        robot.clickOn("#project-import");

        waitUntil("the preview shows", () -> robot.lookup("#import-refused").tryQuery().isPresent());
        assertEquals(List.of("app.port  —  is not a portable environment variable name"), items(robot, "#import-refused"));
        assertEquals(1, items(robot, "#import-added").size());
        assertTrue(onFx(() -> importButton(robot).isDisabled()), "nothing can be imported while a variable is refused");
        robot.clickOn("Cancel");
        try (VaultSession s = DesktopTestKit.open(profiles, profile)) {
            assertTrue(s.secrets().list().isEmpty());
        }
    }

    @Test
    void importedEnvFileLinksItsVariablesAfterThePreview(FxRobot robot) throws Exception {
        Path env = dataDir.resolve("good.env");
        Files.writeString(env, "# the API server\nOPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuvwxyz\nexport DB_URL=\"postgres://x\"\n");
        openProjects(robot);
        files.answer(env);
        robot.clickOn("#project-import");

        waitUntil("the preview shows", () -> robot.lookup("#import-added").tryQuery().isPresent());
        assertEquals(List.of("OPENAI_API_KEY  —  new secret api/OPENAI_API_KEY", "DB_URL  —  new secret api/DB_URL"),
                items(robot, "#import-added"));
        robot.clickOn(importButton(robot));
        waitUntil("the variables are linked", () -> links(robot).getItems().size() == 2);

        Path out = dataDir.resolve("export.env");
        files.answer(out);
        robot.clickOn("#project-export");
        waitUntil("the export is written", () -> Files.exists(out));
        // The same writer as 'env export': plain values unquoted, exactly what dotenv reads back.
        assertEquals("DB_URL=postgres://x\nOPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuvwxyz\n", Files.readString(out));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }

    @Test
    void importPreviewNamesRepeatedKeysAndRefusesBlankingALinkedSecret(FxRobot robot) throws Exception {
        try (VaultSession s = DesktopTestKit.open(profiles, profile)) {
            java.util.Map<String, char[]> live = new java.util.LinkedHashMap<>();
            live.put("API_KEY", "live-value-flow-3c".toCharArray());
            s.projects().importEnv("api", live);
        }
        Path env = dataDir.resolve(".env.example");
        Files.writeString(env, "TOKEN=first\nAPI_KEY=\nTOKEN=second\n");
        openProjects(robot);
        files.answer(env);
        robot.clickOn("#project-import");

        waitUntil("the preview shows", () -> robot.lookup("#import-repeated").tryQuery().isPresent());
        assertEquals(List.of("TOKEN  —  defined 2 times (lines 1, 3); the last one (line 3) is imported, as dotenv reads it"),
                items(robot, "#import-repeated"));
        assertEquals(1, items(robot, "#import-refused").size());
        assertTrue(items(robot, "#import-refused").get(0).startsWith("API_KEY  —  is empty in the file"),
                items(robot, "#import-refused").toString());
        assertTrue(onFx(() -> importButton(robot).isDisabled()), "nothing can be imported while a variable is refused");
        robot.clickOn("Cancel");
    }

    @Test
    void exportToASymbolicLinkIsRefusedBeforeAnythingIsDecryptedOrAudited(FxRobot robot) throws Exception {
        try (VaultSession s = DesktopTestKit.open(profiles, profile)) {
            java.util.Map<String, char[]> live = new java.util.LinkedHashMap<>();
            live.put("API_KEY", "live-value-flow-4d".toCharArray());
            s.projects().importEnv("api", live);
        }
        Path victim = Files.writeString(dataDir.resolve("victim.txt"), "untouched");
        Path link = Files.createSymbolicLink(dataDir.resolve("link.env"), victim);
        openProjects(robot);
        files.answer(link);
        robot.clickOn("#project-export");
        waitUntil("the refusal shows", () -> onFx(() -> robot.lookup("#projects-status").queryLabeled().getText())
                .contains("symbolic link"));
        assertEquals("untouched", Files.readString(victim));
        try (VaultSession s = DesktopTestKit.open(profiles, profile)) {
            List<String> actions = s.database().read(c -> s.audit().page(c, null, null, 1000)).stream()
                    .map(e -> e.action()).toList();
            assertTrue(!actions.contains("env_export"), "no export was audited: " + actions);
        }
    }

    private void openProjects(FxRobot robot) {
        unlock(robot);
        robot.clickOn("#nav-projects");
        waitUntil("the project is listed and chosen", () -> robot.lookup("#projects-list").queryAs(ListView.class)
                .getSelectionModel().getSelectedItem() != null);
    }

    @SuppressWarnings("unchecked")
    private static List<String> items(FxRobot robot, String id) {
        return onFx(() -> List.copyOf(robot.lookup(id).queryAs(ListView.class).getItems()));
    }

    private static Button importButton(FxRobot robot) {
        return robot.lookup("Import").queryAs(Button.class);
    }

    private static TableView<?> links(FxRobot robot) {
        return robot.lookup("#project-links").queryAs(TableView.class);
    }
}
