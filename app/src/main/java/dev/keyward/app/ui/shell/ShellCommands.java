package dev.keyward.app.ui.shell;

import dev.keyward.app.ui.Theme;
import java.util.function.Consumer;

/** The window-wide commands the menu bar offers. */
public record ShellCommands(Runnable lock, Runnable lockAndStop, Runnable quit, Consumer<Theme> theme) {
}
