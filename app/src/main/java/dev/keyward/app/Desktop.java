package dev.keyward.app;

/** Starts the desktop app (the JavaFX shell lands with the desktop issue). */
final class Desktop {

    private Desktop() {
    }

    static int start(String[] args) {
        System.err.println("keyward: the desktop app is not part of this build yet. "
                + "Use the CLI: 'keyward --help' lists the commands.");
        return 1;
    }
}
