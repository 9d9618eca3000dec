package dev.keyward.app.agent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The agent's decisions (grants, queue, headless scope, audit) run in {@code keyward agent start}
 * without a desktop, so nothing in the agent package may need JavaFX; the window lives in ui/approval.
 */
class AgentWithoutJavaFxTest {

    @Test
    void theAgentPackageNeverUsesJavaFx() {
        noClasses().that().resideInAPackage("dev.keyward.app.agent..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.keyward.app.ui..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.keyward.app.agent"));
    }
}
