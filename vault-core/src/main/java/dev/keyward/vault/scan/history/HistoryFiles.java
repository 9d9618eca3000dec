package dev.keyward.vault.scan.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The current user's shell and REPL history files: where a key typed or pasted on a command line stays
 * in plain text. Found from the environment's {@code HOME} (and {@code HISTFILE} and {@code XDG_DATA_HOME}
 * when set), as each program writes them by default.
 */
public final class HistoryFiles {

    /** Each program's default history file, relative to HOME. */
    static final List<String> IN_HOME = List.of(
            ".bash_history", ".zsh_history", ".histfile", ".sh_history", ".ksh_history",
            ".python_history", ".node_repl_history", ".psql_history", ".mysql_history", ".sqlite_history",
            ".irb_history", ".pry_history", ".rediscli_history", ".scala_history", ".Rhistory", ".lesshst",
            ".dbshell", ".mongodb/mongosh/mongosh_repl_history", ".julia/logs/repl_history.jl",
            ".ipython/profile_default/history.sqlite", ".local/share/fish/fish_history");

    private HistoryFiles() {
    }

    /** The history files that exist for the user {@code env} describes, each once, in a stable order. */
    public static List<Path> of(Map<String, String> env) {
        String home = env.get("HOME");
        Set<Path> candidates = new LinkedHashSet<>();
        if (home != null && !home.isBlank()) {
            Path folder = Path.of(home);
            IN_HOME.forEach(name -> candidates.add(folder.resolve(name)));
        }
        String histfile = env.get("HISTFILE");
        if (histfile != null && !histfile.isBlank() && Path.of(histfile).isAbsolute()) {
            candidates.add(Path.of(histfile));
        }
        String dataHome = env.get("XDG_DATA_HOME");
        if (dataHome != null && !dataHome.isBlank() && Path.of(dataHome).isAbsolute()) {
            candidates.add(Path.of(dataHome, "fish", "fish_history"));
        }
        return candidates.stream().map(Path::normalize).distinct().filter(Files::isRegularFile).toList();
    }
}
