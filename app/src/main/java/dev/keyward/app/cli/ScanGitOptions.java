package dev.keyward.app.cli;

import dev.keyward.vault.scan.ContentScanner;
import dev.keyward.vault.scan.Finding;
import dev.keyward.vault.scan.Location;
import dev.keyward.vault.scan.ScanListener;
import dev.keyward.vault.scan.ScanOptions;
import dev.keyward.vault.scan.ScanSummary;
import dev.keyward.vault.scan.SkippedSource;
import dev.keyward.vault.scan.git.GitRepositories;
import dev.keyward.vault.scan.git.GitScanner;
import dev.keyward.vault.scan.git.PreCommitHook;
import dev.keyward.vault.scan.history.HistoryFiles;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.Repository;
import picocli.CommandLine.Option;

/**
 * The options of {@code keyward scan} that reach beyond the files of a folder (issue 17): a repository's
 * whole history ({@code --git}), its staged change ({@code --staged}), the user's shell and REPL history
 * files ({@code --history-files}), and the pre-commit hook ({@code --install-hook}, {@code --no-prompt}).
 * A picocli mixin of {@link ScanCommand}, which calls back into it.
 */
final class ScanGitOptions {

    /** How often a long history scan says how far it is, on a terminal. */
    private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;

    @Option(names = "--git", description = "Also scan the whole history of the git repository each PATH is in: every commit"
            + " of every branch, tag and remote, and every stash; each file version once, named by the commit that"
            + " introduced it. Files deleted since are found too.")
    boolean history;

    @Option(names = "--staged", description = "Scan only what is staged for the next commit in the repository PATH is in"
            + " (what the pre-commit hook checks), instead of the folder's files.")
    boolean staged;

    @Option(names = "--history-files", description = "Also scan your shell and REPL history files (bash, zsh, fish,"
            + " python, node, psql, mysql, sqlite, irb and others, under $HOME).")
    boolean historyFiles;

    @Option(names = "--install-hook", description = "Write a git pre-commit hook into the repository PATH is in (default:"
            + " this folder) that runs 'keyward scan --staged --no-prompt' and stops a commit that holds a finding.")
    boolean installHook;

    @Option(names = "--force", description = "With --install-hook: replace a pre-commit hook that is already there"
            + " (the old one is kept next to it as pre-commit.keyward-saved).")
    boolean force;

    @Option(names = "--no-prompt", description = "Never ask for a password: unless a running Keyward app or agent serves"
            + " the profile, look for keys by their format only (the hook uses it).")
    boolean noPrompt;

    /** Refuses combinations that mean nothing, before anything is read. */
    void check() {
        if (force && !installHook) {
            throw new CliUsageException("--force only goes with --install-hook.");
        }
        if (installHook && (history || staged || historyFiles)) {
            throw new CliUsageException("--install-hook only writes the hook; scan with --git, --staged or --history-files"
                    + " in another call.");
        }
        if (staged && (history || historyFiles)) {
            throw new CliUsageException("--staged scans only the staged change; --git and --history-files scan more.");
        }
    }

    /** Whether the folder's own files are scanned (not for {@code --staged}). */
    boolean scansFiles() {
        return !staged;
    }

    /** Whether the scan must not unlock the vault itself: {@code --no-prompt} and no agent serving it. */
    boolean formatsOnlyWithoutPrompt(KeywardCommand root) {
        return noPrompt && !root.servedByAgent();
    }

    /** The history files to scan as well; none without {@code --history-files}. */
    List<Path> historyFiles(KeywardCommand root) {
        if (!historyFiles) {
            return List.of();
        }
        Map<String, String> env = new HashMap<>(root.terminal().env());
        // Served by the agent, a request carries few variables: the agent runs as the same user, with its HOME.
        env.putIfAbsent("HOME", System.getProperty("user.home"));
        return HistoryFiles.of(env);
    }

    /** Whether a repository is scanned ({@code --git} or {@code --staged}). */
    boolean scansRepositories() {
        return history || staged;
    }

    /**
     * Scans the history (or the staged change) of the repository each of {@code paths} is in, each
     * repository once. Paths in findings are the repository's own, below {@code base} where it lies there.
     */
    ScanSummary scanRepositories(KeywardCommand root, List<Path> paths, Path base, ContentScanner content,
                                 ScanOptions options, ScanListener listener) {
        Map<String, String> env = new HashMap<>(root.terminal().env());
        String index = env.get(GitRepositories.INDEX_FILE_VARIABLE);
        if (index != null && !index.isBlank()) {
            env.put(GitRepositories.INDEX_FILE_VARIABLE, base.resolve(index).toString()); // git's is relative to the hook's folder
        }
        GitScanner scanner = new GitScanner(content, options);
        Set<Path> done = new HashSet<>();
        ScanSummary total = new ScanSummary(0, 0, 0, 0, 0, false);
        for (Path path : paths) {
            try (Repository repository = GitRepositories.open(path, env)) {
                Path gitDir = repository.getDirectory().toPath().toAbsolutePath().normalize();
                if (!done.add(gitDir)) {
                    continue;
                }
                Path top = repository.isBare() ? gitDir : repository.getWorkTree().toPath().toAbsolutePath().normalize();
                ScanListener named = prefixed(listener, prefix(base, top));
                ScanSummary one = staged ? scanner.staged(repository, named, () -> false)
                        : scanner.history(repository, named, progress(root, top), () -> false);
                total = plus(total, one);
            }
        }
        return total;
    }

    /** Writes the hook into the repository of {@code paths}' first (or this folder); the exit status. */
    int installHook(KeywardCommand root, List<Path> paths) {
        if (paths.size() > 1) {
            throw new CliUsageException("--install-hook takes one repository; name one PATH at most.");
        }
        Path where = root.resolve(paths.isEmpty() ? Path.of("") : paths.get(0));
        List<String> passedOn = new ArrayList<>();
        if (root.dataDir != null) {
            passedOn.addAll(List.of("--data-dir", root.resolve(root.dataDir).toAbsolutePath().normalize().toString()));
        }
        if (root.profile != null) {
            passedOn.addAll(List.of("--profile", root.profile));
        }
        String script = PreCommitHookScript.of(LauncherLocation.command(), passedOn);
        PreCommitHook.Installed installed;
        try (Repository repository = GitRepositories.open(where, root.terminal().env())) {
            installed = PreCommitHook.install(repository, script, force, root.terminal().env());
        }
        PrintStream out = root.terminal().out();
        out.println((installed.replacedOwn() ? "Replaced Keyward's pre-commit hook at " : "Installed the pre-commit hook at ")
                + installed.hook() + ".");
        installed.keptCopy().ifPresent(copy -> out.println("The hook that was there is kept as " + copy + "."));
        out.println("Each commit's staged change is now scanned; a finding stops the commit.");
        return ErrorReport.OK;
    }

    private static String prefix(Path base, Path top) {
        if (top.equals(base)) {
            return "";
        }
        return (top.startsWith(base) ? base.relativize(top) : top).toString().replace('\\', '/') + "/";
    }

    private static ScanListener prefixed(ScanListener listener, String prefix) {
        if (prefix.isEmpty()) {
            return listener;
        }
        return new ScanListener() {
            @Override
            public void found(Finding finding) {
                Location at = finding.location();
                listener.found(new Finding(new Location(prefix + at.path(), at.commit(), at.line(), at.column()), finding.kind()));
            }

            @Override
            public void skipped(SkippedSource source) {
                listener.skipped(new SkippedSource(prefix + source.path(), source.commit(), source.reason()));
            }

            @Override
            public void progress(long sources, long bytes) {
                listener.progress(sources, bytes);
            }
        };
    }

    /** On a terminal, a line every few seconds: how many commits of how many are scanned. */
    private static GitScanner.CommitProgress progress(KeywardCommand root, Path top) {
        if (!root.terminal().interactive()) {
            return (done, total) -> { };
        }
        long[] last = {System.nanoTime()};
        return (done, total) -> {
            long now = System.nanoTime();
            if (now - last[0] >= PROGRESS_EVERY_NANOS) {
                last[0] = now;
                root.terminal().err().println(total < 0 ? "Counting the commits of " + top + ": " + done + " so far"
                        : "Scanning the history of " + top + ": " + done + " of " + total + " commits");
            }
        };
    }

    /** Two summaries as one. */
    static ScanSummary plus(ScanSummary a, ScanSummary b) {
        return new ScanSummary(a.sourcesRead() + b.sourcesRead(), a.bytesRead() + b.bytesRead(), a.findings() + b.findings(),
                a.skipped() + b.skipped(), a.binarySkipped() + b.binarySkipped(), a.cancelled() || b.cancelled());
    }
}
