package dev.keyward.vault;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rule for vault-core (docs/architecture.md, "Modules"): it has no user interface, no browser and no
 * network client, so the code that holds the keys cannot show, browse or send anything.
 */
class VaultCoreBoundariesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.keyward.vault");
    }

    @Test
    void vaultCoreKnowsNoUserInterfaceToolkit() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "javax.swing..")
                .check(classes);
    }

    @Test
    void vaultCoreDrivesNoBrowser() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.microsoft.playwright..")
                .check(classes);
    }

    @Test
    void vaultCoreHasNoNetworkClient() {
        // java.net.URI is a value (a parsed address) and stays allowed; everything that opens a connection is not.
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "javax.net..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URL")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLConnection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.ServerSocket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.DatagramSocket")
                .check(classes);
    }
}
