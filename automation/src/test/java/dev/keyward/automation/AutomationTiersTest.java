package dev.keyward.automation;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three tiers inside automation (docs/architecture.md, "Tiers inside automation"): shared infrastructure imports
 * no feature and no orchestration, features never import each other, and {@code practice} imports nothing of Keyward.
 */
class AutomationTiersTest {

    private static final String ROOT = "dev.keyward.automation.";

    /** Shared infrastructure: network fetching, feed and status parsing, browser, LLM client, typed errors. */
    private static final String[] INFRASTRUCTURE = packages("net", "feeds", "browser", "llm", "error");

    /** Each feature, by name, and the packages it spans. */
    private static final Map<String, List<String>> FEATURES = Map.of(
            "programs", List.of("program", "scripts", "runner", "generate"),
            "dashboard", List.of("dashboard"),
            "discovery", List.of("discovery"),
            "recommend", List.of("recommend"));

    /** Orchestration: runs features together, on a schedule or as a demo. */
    private static final String[] ORCHESTRATION = packages("jobs", "retention", "demo");

    private static final String PRACTICE = ROOT + "practice..";

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.keyward.automation");
    }

    @Test
    void infrastructureImportsNoFeatureAndNoOrchestration() {
        noClasses().that().resideInAnyPackage(INFRASTRUCTURE)
                .should().dependOnClassesThat().resideInAnyPackage(concat(featurePackages(), ORCHESTRATION, new String[] {PRACTICE}))
                .check(classes);
    }

    @Test
    void featuresImportNoOrchestration() {
        noClasses().that().resideInAnyPackage(featurePackages())
                .should().dependOnClassesThat().resideInAnyPackage(ORCHESTRATION)
                .check(classes);
    }

    @Test
    void featuresDoNotImportEachOther() {
        slices().assignedFrom(features()).should().notDependOnEachOther().check(classes);
    }

    @Test
    void practiceImportsNothingOfKeyward() {
        noClasses().that().resideInAPackage(PRACTICE)
                .should().dependOnClassesThat(resideInAPackage("dev.keyward..").and(resideOutsideOfPackage(PRACTICE)))
                .check(classes);
    }

    @Test
    void automationKnowsNoUserInterfaceToolkit() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "javax.swing..")
                .check(classes);
    }

    private static SliceAssignment features() {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName() + ".";
                for (Map.Entry<String, List<String>> feature : FEATURES.entrySet()) {
                    for (String pkg : feature.getValue()) {
                        if (name.startsWith(ROOT + pkg + ".")) {
                            return SliceIdentifier.of(feature.getKey());
                        }
                    }
                }
                return SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "automation features " + FEATURES.keySet();
            }
        };
    }

    private static String[] featurePackages() {
        return packages(FEATURES.values().stream().flatMap(List::stream).toArray(String[]::new));
    }

    private static String[] packages(String... names) {
        String[] out = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = ROOT + names[i] + "..";
        }
        return out;
    }

    private static String[] concat(String[]... groups) {
        return Arrays.stream(groups).flatMap(Arrays::stream).toArray(String[]::new);
    }
}
