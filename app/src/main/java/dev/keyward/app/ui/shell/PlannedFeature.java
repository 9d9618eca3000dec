package dev.keyward.app.ui.shell;

/** The automation features whose screens are not in this build yet, and what each will do. */
public enum PlannedFeature {
    DASHBOARD("Dashboard", "A per-key view of usage, spend and health: snapshots collected from each provider's "
            + "API or dashboard on a schedule you set, with charts and key-age warnings."),
    DISCOVERY("Discovery", "An inbox of provider changes that matter to your keys: pricing, deprecations, security "
            + "advisories and outages, gathered from status pages and changelogs (only if you allow network access)."),
    AUTOMATION("Automation", "Reviewed step programs for provider chores (rotate a key, set a billing cap, read a "
            + "usage page) run in a browser, pausing for your approval before anything financial or irreversible."),
    REFERENCE_LIBRARY("Reference library", "Provider documentation downloaded once, checked for integrity and "
            + "searchable offline, for you and for the automation features.");

    private final String title;
    private final String promise;

    PlannedFeature(String title, String promise) {
        this.title = title;
        this.promise = promise;
    }

    public String title() {
        return title;
    }

    public String promise() {
        return promise;
    }
}
