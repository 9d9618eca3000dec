package dev.keyward.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The app reaches automation through each feature's service and result records (docs/architecture.md, "Tiers inside
 * automation"), never through a store package, so a table keeps one owner and its SQL stays behind the service.
 */
class AppBoundariesTest {

    @Test
    void appImportsNoStorePackageOfAutomation() {
        noClasses().that().resideInAPackage("dev.keyward.app..")
                .should().dependOnClassesThat().resideInAPackage("dev.keyward.automation..store..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.keyward.app"));
    }
}
