package dev.keyward.automation.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.program.TaskType;
import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.NotFoundException;
import dev.keyward.vault.session.VaultSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptServiceTest {

    @TempDir
    Path root;
    private VaultSession session;
    private ScriptService scripts;

    @BeforeEach
    void open() {
        session = TestVault.open(root);
        scripts = new ScriptService(session);
    }

    @AfterEach
    void close() {
        session.close();
    }

    static String sample(String name) throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("samples/programs"))) {
            dir = dir.getParent();
        }
        return Files.readString(dir.resolve("samples/programs/" + name));
    }

    @Test
    void importedProgramIsStoredPendingAtVersionOne() throws IOException {
        ImportOutcome outcome = scripts.importProgram(sample("set-billing-cap.json"), null);
        assertEquals(ImportOutcome.Kind.CREATED, outcome.kind());
        AutomationScript s = outcome.script();
        assertEquals(ApprovalStatus.PENDING, s.approvalStatus());
        assertEquals(1, s.version());
        assertEquals("practice-cloud", s.providerSlug());
        assertEquals(TaskType.BILLING_RESTRICTION, s.taskType());
        assertEquals(ScriptService.IMPORTED, s.modelUsed());
        assertEquals(0, s.executionCount());
        assertEquals("Set the Practice Cloud monthly spending cap", scripts.program(s).title());
    }

    @Test
    void reimportingTheSameContentChangesNothingEvenWithOtherLayout() throws IOException {
        String json = sample("set-billing-cap.json");
        AutomationScript first = scripts.importProgram(json, "practice-cloud").script();
        scripts.approve(first.id());
        ImportOutcome again = scripts.importProgram(json.replace("\n", "\n\n  "), null);
        assertEquals(ImportOutcome.Kind.UNCHANGED, again.kind());
        assertEquals(1, again.script().version());
        assertTrue(again.script().approved(), "approval survives an unchanged import");
    }

    @Test
    void changedContentBumpsTheVersionAndClearsApproval() throws IOException {
        String json = sample("set-billing-cap.json");
        AutomationScript first = scripts.importProgram(json, null).script();
        scripts.approve(first.shortId());
        assertTrue(scripts.get(first.id()).approved());
        ImportOutcome changed = scripts.importProgram(json.replace("\"Save cap\\\")\"", "\"Save cap\\\")\", \"timeout_ms\": 5000"), null);
        assertEquals(ImportOutcome.Kind.UPDATED, changed.kind());
        assertEquals(2, changed.script().version());
        assertEquals(ApprovalStatus.PENDING, changed.script().approvalStatus());
        assertNull(changed.script().approvedAt());
        assertEquals(first.id(), changed.script().id());
    }

    @Test
    void invalidProgramIsRefusedNamingStepAndFieldAndNothingIsStored() throws IOException {
        String broken = sample("set-billing-cap.json").replace("\"selector\": \"#monthly-cap\", ", "");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> scripts.importProgram(broken, null));
        assertTrue(e.getMessage().contains("step 'enter-cap': field 'selector' is required"), e.getMessage());
        assertTrue(scripts.list().isEmpty());
        assertFalse(scripts.check(broken, null).isEmpty());
        assertTrue(scripts.check(sample("rotate-api-key.json"), null).isEmpty());
    }

    @Test
    void providerOptionMustAgreeWithTheProgram() throws IOException {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> scripts.importProgram(sample("set-billing-cap.json"), "openai"));
        assertTrue(e.getMessage().contains("'practice-cloud'") && e.getMessage().contains("'openai'"), e.getMessage());
        assertThrows(NotFoundException.class, () -> scripts.importProgram(sample("set-billing-cap.json"), "no-such"));
    }

    @Test
    void scriptsAreFoundByIdPrefixAndUnknownIdsAreNotFound() throws IOException {
        AutomationScript a = scripts.importProgram(sample("set-billing-cap.json"), null).script();
        scripts.importProgram(sample("rotate-api-key.json"), null);
        assertEquals(2, scripts.list().size());
        assertEquals(a.id(), scripts.get(a.id().substring(0, 8).toUpperCase()).id());
        assertThrows(NotFoundException.class, () -> scripts.get("ffffffff-0000"));
        scripts.reject(a.id());
        assertEquals(ApprovalStatus.REJECTED, scripts.get(a.id()).approvalStatus());
        scripts.delete(a.id());
        assertEquals(1, scripts.list().size());
    }

    @Test
    void generatedProgramKeepsItsModelAndResearch() throws IOException {
        AutomationScript s = scripts.create(sample("read-usage-dashboard.json"), null, "llama3.1:8b",
                "{\"sources\":[]}", "{\"plan\":1}");
        assertEquals("llama3.1:8b", s.modelUsed());
        assertEquals("{\"sources\":[]}", s.researchDataJson());
        assertEquals("{\"plan\":1}", s.planDataJson());
        assertTrue(scripts.setAutoApproveRepeat(s.id(), true).autoApproveRepeat());
    }
}
