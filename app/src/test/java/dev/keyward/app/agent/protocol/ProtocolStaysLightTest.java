package dev.keyward.app.agent.protocol;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The protocol package is what the fast command-line client loads to talk to the agent, so it uses the
 * JDK alone: no vault (SQLite, Argon2, Flyway), no Jackson, no JavaFX, no Playwright, no picocli.
 */
class ProtocolStaysLightTest {

    @Test
    void theProtocolDependsOnTheJdkOnly() {
        classes().that().resideInAPackage("dev.keyward.app.agent.protocol..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.keyward.app.agent.protocol..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.keyward.app.agent.protocol"));
    }
}
