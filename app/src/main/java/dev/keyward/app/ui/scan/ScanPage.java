package dev.keyward.app.ui.scan;

import dev.keyward.app.ui.Buttons;
import dev.keyward.app.ui.EmptyText;
import dev.keyward.app.ui.Page;
import dev.keyward.app.ui.PageContext;
import dev.keyward.app.ui.UserMessages;
import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.adopt.AdoptOptions;
import dev.keyward.vault.io.ByteCounts;
import dev.keyward.vault.provider.ProviderInfo;
import dev.keyward.vault.scan.KnownValues;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Scan page: choose folders, scan them for copies of the vault's values and for keys the vault does not
 * hold, see the findings grouped by whose value they are with every place, open a place's folder, and adopt a
 * {@code .env} file. The scan runs off the JavaFX thread with a progress line and a Cancel that stops it
 * between files; a cancelled scan shows what it found so far.
 */
public final class ScanPage implements Page {

    private final PageContext ctx;
    private final FolderOpener opener;
    private final Consumer<ScanJob.Progress> probe;
    private final ListView<Path> folders = new ListView<>();
    private final CheckBox keyFormats = new CheckBox("Also look for keys the vault does not hold, by their provider's format");
    private final CheckBox honourIgnore = new CheckBox("Leave out what .gitignore files ignore");
    private final Button start = new Button("Start scan");
    private final Button cancel = new Button("_Cancel scan");
    private final Label progress = new Label();
    private final Label status = new Label();
    private final ResultsTree results = new ResultsTree(this::openFolder, this::adoptSelected);
    private final ScrollPane view;
    private AtomicBoolean running;
    private ScanRequest last;
    /** What an adoption did, said again above the summary of the scan that follows it. */
    private String afterAdopt;

    public ScanPage(PageContext ctx) {
        this(ctx, FolderOpener.system());
    }

    /** A page whose "Open folder" goes to {@code opener} (tests: one that records the folder). */
    public ScanPage(PageContext ctx, FolderOpener opener) {
        this(ctx, opener, p -> { });
    }

    /** Tests: {@code probe} hears each progress report on the scan's thread, before the screen does. */
    ScanPage(PageContext ctx, FolderOpener opener, Consumer<ScanJob.Progress> probe) {
        this.ctx = ctx;
        this.opener = opener;
        this.probe = probe;
        Label intro = new Label("Finds copies of your vault's values, in any common encoding, and keys the vault does"
                + " not hold. A value is never shown: its last 4 characters at most.");
        intro.setWrapText(true);
        intro.setMinHeight(Label.USE_PREF_SIZE);

        folders.setId("scan-folders");
        folders.setPrefHeight(64);
        folders.setMinHeight(48);
        folders.setPlaceholder(EmptyText.of("No folder chosen yet: add the folders to scan."));
        Button add = Buttons.of("Add _folder…", "scan-add-folder", this::addFolder);
        Button remove = Buttons.of("Re_move folder", "scan-remove-folder", this::removeFolder);
        remove.disableProperty().bind(folders.getSelectionModel().selectedItemProperty().isNull());

        keyFormats.setId("scan-key-formats");
        keyFormats.setSelected(true);
        keyFormats.setWrapText(true);
        keyFormats.setMinHeight(CheckBox.USE_PREF_SIZE);
        honourIgnore.setId("scan-honour-ignore");
        honourIgnore.setSelected(true);
        honourIgnore.setWrapText(true);
        honourIgnore.setMinHeight(CheckBox.USE_PREF_SIZE);

        start.setId("scan-start");
        start.setOnAction(e -> startScan());
        start.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                start.fire();
            }
        });
        start.setDisable(true);
        cancel.setId("scan-cancel");
        cancel.setOnAction(e -> cancelScan());
        cancel.setDisable(true);
        progress.setId("scan-progress");
        progress.setWrapText(true);
        progress.setMinHeight(Label.USE_PREF_SIZE);
        FlowPane commands = new FlowPane(8, 8, start, cancel);
        commands.setAlignment(Pos.CENTER_LEFT);

        status.setId("scan-status");
        status.setWrapText(true);
        status.setMinHeight(Label.USE_PREF_SIZE);

        folders.getItems().addListener((javafx.collections.ListChangeListener<Path>) c -> updateStart());

        // Tab order follows this order: choose folders, how to scan, start; then the results and what to do with one.
        VBox folderButtons = new VBox(6, add, remove);
        HBox chosen = new HBox(8, folders, folderButtons);
        HBox.setHgrow(folders, Priority.ALWAYS);
        VBox page = new VBox(8, intro, chosen, keyFormats, honourIgnore, commands, progress, status, results.actions(),
                results.tree());
        VBox.setVgrow(results.tree(), Priority.ALWAYS);
        page.setPadding(new Insets(16));
        // A small window scrolls the page rather than squeezing its lines or pushing the buttons out of sight;
        // a large one gives the results all the room there is.
        view = new ScrollPane(page);
        view.setFitToWidth(true);
        view.setFitToHeight(true);
        view.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        view.setId("scan-page");
        for (Node control : List.<Node>of(add, remove, folders, keyFormats, honourIgnore, start, cancel,
                results.openFolderButton(), results.adoptButton(), results.tree())) {
            control.focusedProperty().addListener((o, was, is) -> {
                if (is) {
                    reveal(control);
                }
            });
        }
    }

    /** Scrolls the page so that {@code node}, which has just got the keyboard focus, is in sight. */
    private void reveal(Node node) {
        Node content = view.getContent();
        Bounds at = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double room = view.getViewportBounds().getHeight();
        double extra = content.getBoundsInLocal().getHeight() - room;
        if (at == null || extra <= 0) {
            return;
        }
        double top = view.getVvalue() * extra;
        if (at.getMinY() < top) {
            top = at.getMinY();
        } else if (at.getMaxY() > top + room) {
            top = Math.min(at.getMaxY(), at.getMinY() + room) - room;
        }
        view.setVvalue(Math.max(0, Math.min(1, top / extra)));
    }

    @Override
    public Node view() {
        return view;
    }

    /** The page goes away: a running scan stops. Its results hold no value, so there is nothing to wipe. */
    @Override
    public void dispose() {
        if (running != null) {
            running.set(true);
        }
    }

    private void addFolder() {
        Path folder = ctx.files().chooseFolder(ctx.owner(), "Choose a folder to scan");
        if (folder == null) {
            return;
        }
        Path normal = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(normal)) {
            status.setText("There is no folder at " + normal + "; nothing was added.");
            return;
        }
        if (!folders.getItems().contains(normal)) {
            folders.getItems().add(normal);
        }
        folders.getSelectionModel().select(normal);
    }

    private void removeFolder() {
        Path chosen = folders.getSelectionModel().getSelectedItem();
        if (chosen != null) {
            folders.getItems().remove(chosen);
        }
    }

    private void updateStart() {
        start.setDisable(running != null || folders.getItems().isEmpty());
    }

    private void startScan() {
        if (running != null || folders.getItems().isEmpty()) {
            return;
        }
        scan(new ScanRequest(List.copyOf(folders.getItems()), keyFormats.isSelected(), honourIgnore.isSelected()));
    }

    private void scan(ScanRequest request) {
        AtomicBoolean stop = new AtomicBoolean();
        running = stop;
        last = request;
        updateStart();
        cancel.setDisable(false);
        cancel.requestFocus();
        status.setText("");
        progress.setText("Reading the vault's values…");
        LatestOnFx<ScanJob.Progress> shown = new LatestOnFx<>(p -> {
            if (running == stop) {
                progress.setText(FindingGroups.progressLine(p));
            }
        });
        ScanJob job = new ScanJob(() -> KnownValues.readAll(ctx.session().secrets()), List.of(ctx.services().dataRoot()));
        Consumer<ScanJob.Progress> heard = p -> {
            probe.accept(p);
            shown.accept(p);
        };
        ctx.work().run(() -> new Shown(job.run(request, heard, stop::get), providerNames()), done -> {
            if (running != stop) {
                return;
            }
            finished();
            show(done.outcome(), done.providers());
        }, error -> {
            if (running != stop) {
                return;
            }
            finished();
            progress.setText("");
            status.setText(UserMessages.describe(error));
        });
    }

    /** An outcome with the providers' names for its unvaulted keys, both read off the JavaFX thread. */
    private record Shown(ScanOutcome outcome, Map<String, String> providers) {
    }

    private Map<String, String> providerNames() {
        return ctx.session().providers().list().stream()
                .collect(Collectors.toMap(ProviderInfo::slug, ProviderInfo::name, (a, b) -> a));
    }

    private void finished() {
        running = null;
        cancel.setDisable(true);
        updateStart();
        start.requestFocus();
    }

    private void cancelScan() {
        if (running != null) {
            running.set(true);
            cancel.setDisable(true);
            progress.setText("Cancelling: the files being read are finished first…");
        }
    }

    private void show(ScanOutcome outcome, Map<String, String> providers) {
        int groups = results.show(outcome, providers);
        progress.setText("Scanned " + FindingGroups.count(outcome.filesRead(), "file") + " ("
                + ByteCounts.approximate(outcome.bytesRead()) + ").");
        status.setText((afterAdopt == null ? "" : afterAdopt + " ") + FindingGroups.summary(outcome, groups));
        afterAdopt = null;
    }

    private void openFolder() {
        ResultRow row = results.selected();
        if (row == null || row.file() == null) {
            return;
        }
        Path file = row.file();
        ctx.work().run(() -> {
            // Links are not followed: a folder swapped for a link after the scan must not send the file manager
            // (and what it would open there) somewhere else.
            Path folder = Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) ? file : file.getParent();
            if (Files.isSymbolicLink(folder) || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                throw new InvalidInputException(folder + " is no longer a folder; it was not opened.");
            }
            opener.open(folder);
            return folder;
        }, folder -> status.setText("Opened " + folder + " in the file manager."),
                error -> status.setText(UserMessages.describe(error)));
    }

    private void adoptSelected() {
        ResultRow row = results.selected();
        if (row == null || !row.adoptable()) {
            return;
        }
        Path file = row.file();
        // The plan compares each value with the vault's: made now, for this one file, not for every file the scan
        // listed. Its progress layer keeps a second press (or a scan) from starting meanwhile, and can be cancelled.
        ctx.longWork().run("Comparing " + row.shown() + " with the vault…",
                () -> ctx.services().adopt().plan(file, AdoptOptions.defaults()),
                plan -> AdoptDialog.show(ctx, plan, row.shown(), sentence -> {
                    status.setText(sentence);
                    if (last != null && running == null) {
                        afterAdopt = sentence;
                        scan(last); // the adopted file's findings are gone now: show what is left
                    }
                }), error -> status.setText("What adopting " + row.shown() + " would do could not be worked out: "
                        + UserMessages.describe(error)));
    }
}
