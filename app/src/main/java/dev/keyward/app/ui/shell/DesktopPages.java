package dev.keyward.app.ui.shell;

import dev.keyward.app.ui.Page;
import dev.keyward.app.ui.PageContext;
import dev.keyward.app.ui.audit.AuditPage;
import dev.keyward.app.ui.projects.ProjectsPage;
import dev.keyward.app.ui.secrets.SecretsPage;
import dev.keyward.app.ui.settings.SettingsPage;
import java.util.function.Function;

/** Builds the page for each rail entry; the one place that knows which class shows which feature. */
final class DesktopPages implements Function<PageKind, Page> {

    private final PageContext ctx;

    DesktopPages(PageContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Page apply(PageKind kind) {
        return switch (kind) {
            case SECRETS -> new SecretsPage(ctx);
            case PROJECTS -> new ProjectsPage(ctx);
            case DASHBOARD -> new PlannedFeaturePage(PlannedFeature.DASHBOARD, ctx);
            case DISCOVERY -> new PlannedFeaturePage(PlannedFeature.DISCOVERY, ctx);
            case AUTOMATION -> new PlannedFeaturePage(PlannedFeature.AUTOMATION, ctx);
            case REFERENCE_LIBRARY -> new PlannedFeaturePage(PlannedFeature.REFERENCE_LIBRARY, ctx);
            case AUDIT_LOG -> new AuditPage(ctx);
            case SETTINGS -> new SettingsPage(ctx);
        };
    }
}
