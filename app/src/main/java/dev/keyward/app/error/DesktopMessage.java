package dev.keyward.app.error;

/** An error as the desktop shows it: the sentence and the action the desktop offers for it. */
public record DesktopMessage(String sentence, DesktopAction action) {

    /** The sentence followed by the action's advice, for a place that shows text only. */
    public String text() {
        return action.advice().isEmpty() ? sentence : sentence + " " + action.advice();
    }
}
