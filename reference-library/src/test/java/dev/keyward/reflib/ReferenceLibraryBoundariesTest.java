package dev.keyward.reflib;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Only app knows a user interface toolkit (docs/architecture.md, "Modules"); the reference library uses none. */
class ReferenceLibraryBoundariesTest {

    @Test
    void referenceLibraryKnowsNoUserInterfaceToolkit() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "javax.swing..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.keyward.reflib"));
    }
}
