package dev.keyward.app.ui.shell;

import dev.keyward.app.session.VaultChanges;
import dev.keyward.app.ui.Page;
import dev.keyward.app.ui.Theme;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The unlocked window: a menu bar, the navigation rail on the left, the chosen page in the
 * middle and a status line at the bottom. Pages are built when first shown and disposed with
 * the view when the window locks.
 */
public final class MainView extends BorderPane {

    private final Function<PageKind, Page> pageFactory;
    private final Map<PageKind, Page> built = new EnumMap<>(PageKind.class);
    private final Map<PageKind, ToggleButton> rail = new EnumMap<>(PageKind.class);
    private final StackPane content = new StackPane();
    private final Label status = new Label();
    /** Built pages not shown when the vault last changed: they load again when shown next. */
    private final Set<PageKind> stale = EnumSet.noneOf(PageKind.class);
    private VaultChanges.Listening following;
    private PageKind current;

    public MainView(Function<PageKind, Page> pageFactory, ShellCommands commands, Theme theme) {
        this.pageFactory = pageFactory;
        setId("main-view");
        setTop(menuBar(commands, theme));
        setLeft(navigationRail());
        content.setId("page-content");
        content.setPadding(new Insets(0));
        setCenter(content);
        status.setId("status-line");
        HBox statusBar = new HBox(status);
        statusBar.getStyleClass().add("status-bar");
        setBottom(statusBar);
    }

    private MenuBar menuBar(ShellCommands commands, Theme theme) {
        MenuItem lock = new MenuItem("_Lock");
        lock.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN));
        lock.setOnAction(e -> commands.lock().run());
        MenuItem lockAndStop = new MenuItem("Lock and _stop");
        lockAndStop.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        lockAndStop.setOnAction(e -> commands.lockAndStop().run());
        MenuItem quit = new MenuItem("_Quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> commands.quit().run());
        Menu app = new Menu("_Keyward", null, lock, lockAndStop, new SeparatorMenuItem(), quit);

        MenuItem find = new MenuItem("_Find");
        find.setAccelerator(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
        find.setOnAction(e -> focusSearch());
        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = new RadioMenuItem("_Light theme");
        RadioMenuItem dark = new RadioMenuItem("_Dark theme");
        light.setToggleGroup(themes);
        dark.setToggleGroup(themes);
        (theme == Theme.DARK ? dark : light).setSelected(true);
        light.setOnAction(e -> commands.theme().accept(Theme.LIGHT));
        dark.setOnAction(e -> commands.theme().accept(Theme.DARK));
        Menu view = new Menu("_View", null, find, new SeparatorMenuItem(), light, dark);

        Menu go = new Menu("_Go");
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        for (PageKind kind : PageKind.values()) {
            MenuItem item = new MenuItem(kind.title());
            item.setAccelerator(new KeyCodeCombination(digits[kind.ordinal()], KeyCombination.SHORTCUT_DOWN));
            item.setOnAction(e -> show(kind));
            go.getItems().add(item);
        }
        return new MenuBar(app, view, go);
    }

    private VBox navigationRail() {
        ToggleGroup group = new ToggleGroup();
        VBox box = new VBox(2);
        box.getStyleClass().add("nav-rail");
        box.setPadding(new Insets(8));
        for (PageKind kind : PageKind.values()) {
            ToggleButton b = new ToggleButton(kind.label());
            b.setMnemonicParsing(true);
            b.setId(kind.navId());
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.getStyleClass().add("nav-button");
            b.setOnAction(e -> show(kind));
            rail.put(kind, b);
            box.getChildren().add(b);
        }
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        box.getChildren().add(spacer);
        return box;
    }

    /** Shows the page of {@code kind}, building it the first time. */
    public void show(PageKind kind) {
        Page page = built.get(kind);
        if (page == null) {
            page = pageFactory.apply(kind);
            built.put(kind, page);
        } else if (stale.remove(kind)) {
            page.reload();
        }
        current = kind;
        rail.get(kind).setSelected(true);
        content.getChildren().setAll(page.view());
    }

    public PageKind current() {
        return current;
    }

    public void focusSearch() {
        if (current != null) {
            built.get(current).focusSearch();
        }
    }

    public void setStatus(String text) {
        status.setText(text);
    }

    /**
     * Reloads the shown page whenever {@code changes} reports a change (and each other built page when it
     * is shown next), until {@link #dispose()}.
     */
    public void follow(VaultChanges changes) {
        following = changes.listen(() -> Platform.runLater(this::vaultChanged));
    }

    private void vaultChanged() {
        if (following == null) {
            return; // disposed meanwhile
        }
        stale.addAll(built.keySet());
        if (current != null && stale.remove(current)) {
            built.get(current).reload();
        }
    }

    /** Disposes every page built so far (lock): wipes revealed values and forgets the views. */
    public void dispose() {
        if (following != null) {
            following.close();
            following = null;
        }
        stale.clear();
        built.values().forEach(Page::dispose);
        built.clear();
        content.getChildren().clear();
    }
}
