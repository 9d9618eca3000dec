package dev.keyward.app.ui.settings;

import dev.keyward.app.ui.Page;
import dev.keyward.app.ui.PageContext;
import dev.keyward.app.ui.UserMessages;
import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.settings.Setting;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Every field of the profile's settings, each checked by its own rule with the error shown
 * under it; when any field is wrong nothing is saved.
 */
public final class SettingsPage implements Page {

    private final PageContext ctx;
    private final Map<Setting, Control> fields = new EnumMap<>(Setting.class);
    private final Map<Setting, Label> errors = new EnumMap<>(Setting.class);
    private final Label status = new Label();
    private final Button save = new Button("Save setti_ngs");
    private final BorderPane view;
    private Map<Setting, String> initial = Map.of();

    /**
     * Whether this app serves its unlocked profile to Keyward commands in the user's terminals: a setting of
     * the data folder (kept outside every vault), applied by the shell at once.
     */
    public interface CommandLineSwitch {
        boolean isOn();

        /** Stores the choice and turns serving on or off now; the sentence says what is in force. On the JavaFX thread. */
        String turn(boolean on);
    }

    public SettingsPage(PageContext ctx, CommandLineSwitch commandLine) {
        this.ctx = ctx;
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(4);
        int row = 0;
        grid.add(heading("Command line (applies at once, to every profile in this data folder)"), 0, row++, 2, 1);
        row = commandLineRow(grid, row, commandLine);
        grid.add(heading("Security and display"), 0, row++, 2, 1);
        for (Setting s : Setting.values()) {
            if (s == Setting.AUTONOMOUS_MODE_ENABLED) {
                grid.add(heading("Automation (saving one of these turns on the automation data for this profile)"),
                        0, row++, 2, 1);
            }
            Control field = field(s);
            fields.put(s, field);
            Label name = new Label(title(s));
            name.setLabelFor(field);
            name.setWrapText(true);
            name.setMaxWidth(420);
            Label help = new Label(help(s));
            help.getStyleClass().add("text-muted");
            help.setWrapText(true);
            help.setMaxWidth(420);
            Label error = new Label();
            error.setId("error-" + s.key());
            error.getStyleClass().add("form-error");
            error.setWrapText(true);
            error.setMaxWidth(420);
            errors.put(s, error);
            grid.add(new VBox(2, name, help), 0, row);
            grid.add(new VBox(2, field, error), 1, row++);
        }
        save.setId("settings-save");
        save.setOnAction(e -> save());
        Button discard = new Button("Dis_card changes");
        discard.setOnAction(e -> load());
        status.setId("settings-status");
        status.setWrapText(true);
        grid.setPadding(new Insets(16));
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        // The buttons stay in sight below the scrolling fields.
        VBox actions = new VBox(6, new HBox(8, save, discard), status);
        actions.setPadding(new Insets(10, 16, 12, 16));
        view = new BorderPane(scroll);
        view.setBottom(actions);
        view.setId("settings-page");
        load();
    }

    /** The on/off control for serving the command line, applied when clicked (not by Save, which is the profile's). */
    private int commandLineRow(GridPane grid, int row, CommandLineSwitch commandLine) {
        CheckBox serves = new CheckBox("Serve while unlocked");
        serves.setId("setting-agent-serves");
        serves.setSelected(commandLine.isOn());
        serves.setMinWidth(Control.USE_PREF_SIZE);
        Label name = new Label("Serve the command line");
        name.setLabelFor(serves);
        name.setWrapText(true);
        name.setMaxWidth(420);
        Label help = new Label("While a profile is unlocked here, Keyward commands in your terminals use it instead of"
                + " asking for the password, and this window asks you before one reads or changes a value. When off,"
                + " each command asks for the password itself.");
        help.getStyleClass().add("text-muted");
        help.setWrapText(true);
        help.setMaxWidth(420);
        Label result = new Label();
        result.setId("agent-serves-status");
        result.setWrapText(true);
        result.setMaxWidth(420);
        serves.setOnAction(e -> {
            try {
                result.setText(commandLine.turn(serves.isSelected()));
            } catch (RuntimeException error) {
                serves.setSelected(commandLine.isOn());
                result.setText(UserMessages.describe(error));
            }
        });
        grid.add(new VBox(2, name, help), 0, row);
        grid.add(new VBox(2, serves, result), 1, row);
        return row + 1;
    }

    private Control field(Setting s) {
        Control c = switch (s.kind()) {
            case BOOLEAN -> new CheckBox();
            case THEME -> {
                ComboBox<String> box = new ComboBox<>();
                box.getItems().setAll("light", "dark");
                yield box;
            }
            case INTEGER, OPTIONAL_HOUR -> {
                TextField t = new TextField();
                t.setPrefColumnCount(8);
                if (s.kind() == Setting.Kind.OPTIONAL_HOUR) {
                    t.setPromptText("none");
                }
                yield t;
            }
            case TEXT, URL -> {
                TextField t = new TextField();
                t.setPrefColumnCount(28);
                t.setPromptText(s.kind() == Setting.Kind.URL ? "http://127.0.0.1:11434 (empty: none)" : "(empty: none)");
                // Wide enough for its prompt: the name column wraps instead.
                t.setMinWidth(Control.USE_PREF_SIZE);
                yield t;
            }
        };
        c.setId("setting-" + s.key());
        return c;
    }

    private void load() {
        ctx.work().run(() -> SettingsForm.texts(ctx.session().settings().values(), ctx.session().settings().current()),
                texts -> {
                    initial = texts;
                    texts.forEach(this::setText);
                    errors.values().forEach(l -> l.setText(""));
                }, error -> status.setText(UserMessages.describe(error)));
    }

    private void save() {
        Map<Setting, String> now = new EnumMap<>(Setting.class);
        fields.keySet().forEach(s -> now.put(s, text(s)));
        Map<Setting, String> changed = SettingsForm.changed(initial, now);
        Map<Setting, String> problems = SettingsForm.errors(changed, now);
        errors.forEach((s, label) -> label.setText(problems.getOrDefault(s, "")));
        if (!problems.isEmpty()) {
            status.setText("Nothing was saved: correct the " + (problems.size() == 1 ? "field" : "fields")
                    + " marked in red.");
            fields.get(problems.keySet().iterator().next()).requestFocus();
            return;
        }
        if (changed.isEmpty()) {
            status.setText("No changes to save.");
            return;
        }
        save.setDisable(true);
        ctx.work().run(() -> {
            for (Map.Entry<Setting, String> e : changed.entrySet()) {
                try {
                    ctx.session().settings().set(e.getKey().key(), e.getValue());
                } catch (InvalidInputException refused) {
                    throw new FieldRefused(e.getKey(), refused);
                }
            }
            return ctx.session().settings().current();
        }, saved -> {
            save.setDisable(false);
            status.setText("Saved " + changed.size() + (changed.size() == 1 ? " setting." : " settings."));
            ctx.settingsChanged().accept(saved);
            load();
        }, error -> {
            save.setDisable(false);
            if (error instanceof FieldRefused f) {
                errors.get(f.setting).setText(f.getCause().getMessage());
                status.setText("That setting was refused; settings before it in the list were saved.");
            } else {
                status.setText(UserMessages.describe(error));
            }
        });
    }

    /** Carries which field the vault refused back to the JavaFX thread. */
    private static final class FieldRefused extends RuntimeException {
        final transient Setting setting;

        FieldRefused(Setting setting, InvalidInputException cause) {
            super(cause.getMessage(), cause);
            this.setting = setting;
        }
    }

    private String text(Setting s) {
        return switch (fields.get(s)) {
            case CheckBox c -> c.isSelected() ? "true" : "false";
            case ComboBox<?> c -> c.getValue() == null ? "" : c.getValue().toString();
            case TextField t -> t.getText().trim();
            default -> throw new IllegalStateException("unknown field for " + s);
        };
    }

    @SuppressWarnings("unchecked")
    private void setText(Setting s, String text) {
        switch (fields.get(s)) {
            case CheckBox c -> c.setSelected("true".equals(text));
            case ComboBox<?> c -> ((ComboBox<String>) c).setValue(text);
            case TextField t -> t.setText(text);
            default -> throw new IllegalStateException("unknown field for " + s);
        }
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("title-4");
        l.setPadding(new Insets(8, 0, 4, 0));
        l.setWrapText(true);
        return l;
    }

    static String title(Setting s) {
        String words = s.key().replace('_', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    private static String help(Setting s) {
        if (s == Setting.BACKGROUND_REFRESH_WHILE_LOCKED) {
            return "Keep background jobs running while the window is locked. The keys then stay in memory while "
                    + "locked. When off, locking closes the vault and wipes its keys.";
        }
        String meaning = s.meaning();
        return meaning.substring(0, 1).toUpperCase(Locale.ROOT) + meaning.substring(1) + ".";
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void focusSearch() {
        fields.get(Setting.AUTO_LOCK_MINUTES).requestFocus();
    }
}
