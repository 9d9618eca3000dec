package dev.keyward.automation.discovery;

/** The kinds of request discovery makes for a provider, each read by its own parser. */
public enum SourceChannel {
    STATUS_SUMMARY("Status page summary"),
    STATUS_INCIDENTS("Status page incidents"),
    CHANGELOG_FEED("Changelog feed"),
    WEB_SEARCH("Web search");

    private final String label;

    SourceChannel(String label) {
        this.label = label;
    }

    /** A short name for log lines and error sentences. */
    public String label() {
        return label;
    }
}
