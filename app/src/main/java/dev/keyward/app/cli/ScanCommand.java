package dev.keyward.app.cli;

import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.io.UserFiles;
import dev.keyward.vault.scan.CatalogFormatSearch;
import dev.keyward.vault.scan.ContentScanner;
import dev.keyward.vault.scan.KeyFormatSearch;
import dev.keyward.vault.scan.KnownValues;
import dev.keyward.vault.scan.ScanOptions;
import dev.keyward.vault.scan.ScanSummary;
import dev.keyward.vault.scan.TreeScanner;
import dev.keyward.vault.scan.ValueMatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code keyward scan [PATH...]}: finds copies of the vault's values, and unvaulted keys, in files. */
@Command(name = "scan", description = {
        "Find copies of your vault's values (every version; as is, base64, base64url, URL-encoded, JSON-escaped or hex)"
                + " and keys of known providers that the vault does not hold, in files under PATH (default: this folder).",
        "Symbolic links are not followed, .gitignore is honoured, binary files and Keyward's own data folder are"
                + " skipped. A finding shows where it is and whose value it is, never the value (its last 4 characters"
                + " at most).",
        "Exit status: 0 nothing found, 1 something found; errors keep their usual codes (2 usage, 3 wrong password,"
                + " 4 not found, 5 damaged vault, 6 refused at an approval)."})
public final class ScanCommand implements Callable<Integer> {

    /** The exit status when something was found (as gitleaks): a script or hook tells clean from not. */
    static final int FOUND = 1;

    @ParentCommand
    KeywardCommand root;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Folders or files to scan (default: the current folder).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "Report format: text (default), json or sarif (SARIF 2.1.0).")
    ScanReport.Format format = ScanReport.Format.text;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--no-ignore", description = "Scan files that .gitignore ignores too.")
    boolean noIgnore;

    @Option(names = "--max-file-size", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "Skip (and list) files larger than SIZE, such as 10M or 1G (default: 50M).")
    Long maxFileSize;

    @Option(names = "--formats-only", description = "Look for keys by their provider's format alone: no vault, no password.")
    boolean formatsOnly;

    @Option(names = "--values-only", description = "Look only for copies of the vault's values (every version, every"
            + " encoding), not for unvaulted keys by their provider's format: no guesses, and faster.")
    boolean valuesOnly;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    /** --git, --staged, --history-files, --install-hook, --force, --no-prompt. */
    @Mixin
    ScanGitOptions git;

    @Override
    public Integer call() {
        git.check();
        if (formatsOnly && valuesOnly) {
            throw new InvalidInputException("--formats-only and --values-only leave nothing to look for together;"
                    + " nothing was scanned.");
        }
        if (git.installHook) {
            return git.installHook(root, paths);
        }
        List<Path> roots = (paths.isEmpty() ? List.of(Path.of("")) : paths).stream().map(root::resolve).toList();
        for (Path path : roots) {
            if (!Files.exists(path)) {
                throw new InvalidInputException("There is nothing at " + path + " to scan; nothing was scanned.");
            }
        }
        Path report = output == null ? null : root.resolve(output);
        if (report != null) {
            UserFiles.checkWritable(report); // before any password or file is read
        }
        boolean byFormatsOnly = formatsOnly || git.formatsOnlyWithoutPrompt(root);
        ValueMatcher values = byFormatsOnly ? ValueMatcher.empty() : vaultValues();
        ScanOptions defaults = ScanOptions.defaults(List.of(root.root().path()));
        ScanOptions options = new ScanOptions(!noIgnore, maxFileSize == null ? defaults.maxFileSize() : maxFileSize,
                defaults.threads(), defaults.neverRead());
        ScanResults results = new ScanResults();
        ContentScanner content = new ContentScanner(values, valuesOnly ? KeyFormatSearch.none() : CatalogFormatSearch.bundled());
        Path base = root.resolve(Path.of(""));
        List<Path> files = new ArrayList<>(git.scansFiles() ? roots : List.of());
        files.addAll(git.historyFiles(root));
        ScanSummary summary = new TreeScanner(content, options).scan(files, base, results, () -> false);
        if (git.scansRepositories()) {
            summary = ScanGitOptions.plus(summary, git.scanRepositories(root, roots, base, content, options, results));
        }
        byte[] rendered = ScanReport.render(format, results.findings(), results.skipped(), summary);
        if (report == null) {
            CheckedOutput.write(root.terminal().out(), rendered);
        } else {
            write(report, rendered);
        }
        if (format == ScanReport.Format.text || report != null) {
            if (format == ScanReport.Format.text) {
                results.skipped().forEach(s -> root.terminal().err().println(ScanWording.skipped(s)));
            }
            root.terminal().err().println(summaryLine(summary, values, byFormatsOnly, valuesOnly));
        }
        return summary.findings() > 0 ? FOUND : ErrorReport.OK;
    }

    /** Every value of the vault compiled for matching; the values are wiped before the scan starts. */
    private ValueMatcher vaultValues() {
        try (SessionLease lease = root.unlock(passwordStdin);
             KnownValues known = KnownValues.readAll(lease.session().secrets())) {
            return ValueMatcher.of(known);
        }
    }

    private static String summaryLine(ScanSummary summary, ValueMatcher values, boolean formatsOnly, boolean valuesOnly) {
        String searched = formatsOnly ? "by key formats only"
                : values.valuesSearched() + " vault value" + (values.valuesSearched() == 1 ? "" : "s")
                + (valuesOnly ? " only" : " and key formats")
                + (values.valuesTooShort() == 0 ? "" : " (" + values.valuesTooShort() + " shorter than "
                        + ValueMatcher.DEFAULT_MIN_VALUE_LENGTH + " characters left out)");
        return "Scanned " + summary.sourcesRead() + " file" + (summary.sourcesRead() == 1 ? "" : "s") + " ("
                + summary.bytesRead() + " bytes) for " + searched + ": " + summary.findings() + " found, "
                + summary.skipped() + " skipped, " + summary.binarySkipped() + " binary left out.";
    }

    /** Writes the report whole or not at all, owner-only, never through a link (as every file Keyward writes). */
    private static void write(Path report, byte[] rendered) {
        try {
            UserFiles.write(report, rendered);
        } catch (IOException e) {
            throw new OperationFailedException("The report could not be written to " + report
                    + "; the scan's findings were not saved.", e);
        }
    }
}
