package dev.keyward.app.ui.shell;

import dev.keyward.app.ui.Page;
import dev.keyward.app.ui.PageContext;
import dev.keyward.app.ui.audit.AuditPage;
import dev.keyward.app.ui.automation.AutomationPage;
import dev.keyward.app.ui.dashboard.DashboardPage;
import dev.keyward.app.ui.discovery.DiscoveryPage;
import dev.keyward.app.ui.projects.ProjectsPage;
import dev.keyward.app.ui.reflib.ReferenceLibraryPage;
import dev.keyward.app.ui.scan.ScanPage;
import dev.keyward.app.ui.secrets.SecretsPage;
import dev.keyward.app.ui.settings.SettingsPage;
import dev.keyward.reflib.ReferenceLibrary;
import java.util.function.Function;
import java.util.function.Supplier;

/** Builds the page for each rail entry; the one place that knows which class shows which feature. */
final class DesktopPages implements Function<PageKind, Page> {

    private final PageContext ctx;
    private final Supplier<ReferenceLibrary> library;
    private final SettingsPage.CommandLineSwitch commandLine;

    DesktopPages(PageContext ctx, Supplier<ReferenceLibrary> library, SettingsPage.CommandLineSwitch commandLine) {
        this.ctx = ctx;
        this.library = library;
        this.commandLine = commandLine;
    }

    @Override
    public Page apply(PageKind kind) {
        return switch (kind) {
            case SECRETS -> new SecretsPage(ctx);
            case PROJECTS -> new ProjectsPage(ctx);
            case SCAN -> new ScanPage(ctx);
            case DASHBOARD -> new DashboardPage(ctx);
            case DISCOVERY -> new DiscoveryPage(ctx);
            case AUTOMATION -> new AutomationPage(ctx);
            case REFERENCE_LIBRARY -> new ReferenceLibraryPage(library.get(), ctx.work());
            case AUDIT_LOG -> new AuditPage(ctx);
            case SETTINGS -> new SettingsPage(ctx, commandLine);
        };
    }
}
