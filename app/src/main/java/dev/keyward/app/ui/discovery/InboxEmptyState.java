package dev.keyward.app.ui.discovery;

/** What the inbox says when it has no row to show, so the user knows what to do next. */
final class InboxEmptyState {

    private InboxEmptyState() {
    }

    /**
     * The sentence for an empty inbox under {@code filter}; {@code anyFinding} tells whether the profile holds
     * findings at all, {@code networkOn} whether discovery may go online.
     */
    static String describe(InboxFilter filter, boolean anyFinding, boolean networkOn) {
        if (!anyFinding && !networkOn) {
            return "No findings yet. Discovery watches your providers' status pages and changelogs, but its network"
                    + " access is off, so nothing has been checked. Turn on \u201cDiscovery network access\u201d in"
                    + " Settings, then press Check now.";
        }
        if (!anyFinding) {
            return "No findings yet. Press Check now to look at your providers' status pages and changelogs;"
                    + " discovery also checks once a day by itself.";
        }
        if (filter.isInitial()) {
            return "Nothing open: every finding is dismissed or actioned. Choose \u201cAll statuses\u201d to see"
                    + " them again; new findings appear here after the next check.";
        }
        return "No findings match these filters. Choose \u201cAll urgencies\u201d, \u201cAll statuses\u201d or"
                + " \u201cAll providers\u201d to see more.";
    }
}
