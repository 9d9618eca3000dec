package dev.keyward.app.ui.scan;

import java.util.List;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.FlowPane;

/**
 * The Scan page's results: a tree of groups (findings by whose value they are, the .env files to adopt, the
 * skipped files folded away) with their places, each line wrapped at the tree's width ({@link ResultCell}), and
 * the Open folder and Adopt buttons, which act on the chosen line and are offered only where they apply.
 */
final class ResultsTree {

    private final TreeView<ResultRow> tree = new TreeView<>(new TreeItem<>(ResultRow.title("Results")));
    private final Button openFolder = new Button("_Open folder");
    private final Button adopt = new Button("Adopt .env fil_e…");
    private final FlowPane actions = new FlowPane(8, 8, openFolder, adopt);

    ResultsTree(Runnable onOpenFolder, Runnable onAdopt) {
        tree.setId("scan-results");
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new ResultCell());
        tree.setMinHeight(120);
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> updateActions());
        openFolder.setId("scan-open-folder");
        openFolder.setOnAction(e -> onOpenFolder.run());
        adopt.setId("scan-adopt");
        adopt.setOnAction(e -> onAdopt.run());
        updateActions();
    }

    TreeView<ResultRow> tree() {
        return tree;
    }

    FlowPane actions() {
        return actions;
    }

    Button openFolderButton() {
        return openFolder;
    }

    Button adoptButton() {
        return adopt;
    }

    /** Shows {@code outcome}'s groups; returns how many groups of findings there are. */
    int show(ScanOutcome outcome, Map<String, String> providers) {
        List<FindingGroups.Group> groups = FindingGroups.findings(outcome.findings(), s -> providers.getOrDefault(s, s));
        TreeItem<ResultRow> root = tree.getRoot();
        root.getChildren().clear();
        for (FindingGroups.Group g : groups) {
            root.getChildren().add(item(g, true));
        }
        FindingGroups.Group env = FindingGroups.envFiles(outcome.envFiles());
        if (env != null) {
            root.getChildren().add(item(env, true));
        }
        FindingGroups.Group skipped = FindingGroups.skipped(outcome.skipped());
        if (skipped != null) {
            root.getChildren().add(item(skipped, false));
        }
        if (root.getChildren().isEmpty()) {
            root.getChildren().add(new TreeItem<>(ResultRow.title(outcome.cancelled()
                    ? "Nothing was found before the scan was cancelled." : "Nothing found.")));
        }
        updateActions();
        return groups.size();
    }

    /** The chosen line, or null. */
    ResultRow selected() {
        TreeItem<ResultRow> item = tree.getSelectionModel().getSelectedItem();
        return item == null ? null : item.getValue();
    }

    private static TreeItem<ResultRow> item(FindingGroups.Group group, boolean expanded) {
        TreeItem<ResultRow> item = new TreeItem<>(group.title());
        group.places().forEach(p -> item.getChildren().add(new TreeItem<>(p)));
        item.setExpanded(expanded);
        return item;
    }

    private void updateActions() {
        ResultRow row = selected();
        openFolder.setDisable(row == null || row.file() == null);
        adopt.setDisable(row == null || !row.adoptable());
    }
}
