package dev.keyward.app.ui.dashboard;

/** The colour family of a badge or bar; always shown next to a word, never alone. */
enum Tone {
    GOOD, CAUTION, BAD, NEUTRAL;

    /** The style class of dashboard.css that carries this tone's colours. */
    String styleClass() {
        return "tone-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
