package dev.keyward.app.ui;

import java.io.File;
import java.nio.file.Path;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks the user for a file; tests supply their own answer instead of a native dialog. */
public interface FilePicker {

    /** A file to read, or null when the user cancelled. */
    Path chooseFileToOpen(Window owner, String title);

    /** A file to write, or null when the user cancelled. */
    Path chooseFileToSave(Window owner, String title, String suggestedName);

    /** A folder, or null when the user cancelled; the platform's folder chooser unless a picker answers itself. */
    default Path chooseFolder(Window owner, String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        File f = chooser.showDialog(owner);
        return f == null ? null : f.toPath();
    }

    /** The platform's file chooser. */
    static FilePicker nativeChooser() {
        return new FilePicker() {
            @Override
            public Path chooseFileToOpen(Window owner, String title) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                File f = chooser.showOpenDialog(owner);
                return f == null ? null : f.toPath();
            }

            @Override
            public Path chooseFileToSave(Window owner, String title, String suggestedName) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.setInitialFileName(suggestedName);
                File f = chooser.showSaveDialog(owner);
                return f == null ? null : f.toPath();
            }
        };
    }
}
