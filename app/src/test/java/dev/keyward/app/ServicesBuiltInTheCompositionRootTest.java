package dev.keyward.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Services and HTTP clients are built in the composition root only (docs/architecture.md, "Session lifecycle"):
 * {@code app/session} (one {@code SessionServices} per unlocked session, the reference library's
 * {@code LibraryAccess}), the CLI's {@code KeywardCommand} and the desktop's {@code Desktop} and
 * {@code DesktopServices}. A command or page that built its own would not be closed with the session.
 */
class ServicesBuiltInTheCompositionRootTest {

    /** Keyward's classes that hold resources or state for a session besides the ones named "...Service". */
    private static final Set<String> SERVICE_CLASSES = Set.of(
            "dev.keyward.reflib.ReferenceLibrary",
            "dev.keyward.automation.runner.RunHistory",
            "dev.keyward.automation.retention.RetentionJob",
            "dev.keyward.automation.jobs.JobCatalog",
            "dev.keyward.automation.generate.ProgramGenerator",
            "dev.keyward.automation.dashboard.collect.ProviderHttp",
            "dev.keyward.automation.net.SafeHttpFetcher");

    private static final Set<String> ROOT_CLASSES = Set.of(
            "dev.keyward.app.cli.KeywardCommand",
            "dev.keyward.app.ui.DesktopServices",
            "dev.keyward.app.Desktop",
            // The background process of `keyward agent start` is a program of its own: its entry point
            // unlocks the profile and builds the session's services once, like the CLI's root does.
            "dev.keyward.app.agent.HeadlessAgent");

    private static final DescribedPredicate<JavaClass> OUTSIDE_THE_COMPOSITION_ROOT = DescribedPredicate.describe(
            "are outside the composition root", c -> !c.getPackageName().equals("dev.keyward.app.session")
                    && !ROOT_CLASSES.contains(c.getName().replaceFirst("\\$.*", "")));

    private static JavaClasses app;

    @BeforeAll
    static void importApp() {
        app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.keyward.app");
    }

    static boolean isService(JavaClass c) {
        return c.getPackageName().startsWith("dev.keyward.")
                && (c.getSimpleName().endsWith("Service") || SERVICE_CLASSES.contains(c.getName()));
    }

    @Test
    void onlyTheCompositionRootConstructsServices() {
        noClasses().that(OUTSIDE_THE_COMPOSITION_ROOT)
                .should().callConstructorWhere(DescribedPredicate.describe("the constructor of a Keyward service",
                        (JavaConstructorCall call) -> isService(call.getTargetOwner())))
                .check(app);
    }

    @Test
    void onlyTheCompositionRootBuildsHttpClients() {
        noClasses().that(OUTSIDE_THE_COMPOSITION_ROOT)
                .should().callMethodWhere(DescribedPredicate.describe("a java.net.http.HttpClient factory",
                        (JavaMethodCall call) -> call.getTargetOwner().isAssignableTo("java.net.http.HttpClient")
                                && call.getName().startsWith("new")))
                .check(app);
    }
}
