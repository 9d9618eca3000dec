package dev.keyward.app.ui.shell;

/** The entries of the navigation rail, in order; the label's underscore marks its Alt mnemonic. */
public enum PageKind {
    SECRETS("_Secrets"),
    PROJECTS("_Projects"),
    SCAN("Scan"),
    DASHBOARD("_Dashboard"),
    DISCOVERY("D_iscovery"),
    AUTOMATION("_Automation"),
    REFERENCE_LIBRARY("_Reference library"),
    AUDIT_LOG("Audit _log"),
    SETTINGS("Se_ttings");

    private final String label;

    PageKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The label without its mnemonic mark. */
    public String title() {
        return label.replace("_", "");
    }

    /** Node id of the rail button, for keyboard users' scripts and for tests. */
    public String navId() {
        return "nav-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
