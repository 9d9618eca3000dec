package dev.keyward.app.ui.dashboard;

/** How much a key's card asks for the user's attention; the cards are sorted by it, most urgent first. */
enum Attention {
    /** Invalid key, failed collection or a provider outage: something is broken now. */
    PROBLEM,
    /** Degraded or unknown health, a partial collection or any warning: worth a look. */
    WARNING,
    /** Never collected: no figures yet. */
    NOT_COLLECTED,
    /** Valid, fully collected, no warnings. */
    OK;

    /** True for the cards the outcome sentence counts as needing attention. */
    boolean needsAttention() {
        return this == PROBLEM || this == WARNING;
    }
}
