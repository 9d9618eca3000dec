package dev.keyward.app.ui.scan;

import dev.keyward.app.ui.UserMessages;
import dev.keyward.vault.adopt.AdoptCandidate;
import dev.keyward.vault.adopt.EnvFileFinder;
import dev.keyward.vault.scan.CatalogFormatSearch;
import dev.keyward.vault.scan.ContentScanner;
import dev.keyward.vault.scan.Finding;
import dev.keyward.vault.scan.KeyFormatSearch;
import dev.keyward.vault.scan.KnownValues;
import dev.keyward.vault.scan.ScanListener;
import dev.keyward.vault.scan.ScanOptions;
import dev.keyward.vault.scan.ScanSummary;
import dev.keyward.vault.scan.SkippedSource;
import dev.keyward.vault.scan.TreeScanner;
import dev.keyward.vault.scan.ValueMatcher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Scan page's work, off the JavaFX thread: reads every version of every secret once (one audit entry, as the
 * command line's scan), scans each chosen folder with a {@link TreeScanner}, and lists the {@code .env} files
 * adopt takes among the files that walk came upon (an ignored {@code .env} too, nothing in a folder the walk left
 * out), each read for its project and how many of its variables would move. The vault is not read for that:
 * the plan, which compares the values with the vault's, is made when the person presses Adopt. Stops between
 * files and chunks once {@code cancelled} says so, and keeps what was found until then.
 */
final class ScanJob {

    /** Where a running scan is: files and bytes read so far, and the folder the walk is in. */
    record Progress(long files, long bytes, String folder) {
    }

    private final Supplier<KnownValues> values;
    private final List<Path> neverRead;

    /**
     * A job that reads the vault's values from {@code values} (once per scan; the page's reads every version
     * of every secret) and never reads what lies in {@code neverRead}.
     */
    ScanJob(Supplier<KnownValues> values, List<Path> neverRead) {
        this.values = values;
        this.neverRead = List.copyOf(neverRead);
    }

    ScanOutcome run(ScanRequest request, Consumer<Progress> progress, BooleanSupplier cancelled) {
        ValueMatcher matcher;
        try (KnownValues known = values.get()) {
            matcher = ValueMatcher.of(known);
        }
        KeyFormatSearch formats = request.keyFormats() ? CatalogFormatSearch.bundled() : KeyFormatSearch.none();
        ScanOptions defaults = ScanOptions.defaults(neverRead);
        TreeScanner scanner = new TreeScanner(new ContentScanner(matcher, formats),
                new ScanOptions(request.honourIgnoreFiles(), defaults.maxFileSize(), defaults.threads(), neverRead));
        Collector collector = new Collector(progress);
        boolean stopped = false;
        for (Path root : outermost(request.folders())) {
            collector.root = root.toAbsolutePath().normalize();
            collector.base = base(root);
            ScanSummary summary = scanner.scan(List.of(root), collector.base, collector, cancelled);
            collector.finished(summary);
            if (summary.cancelled() || cancelled.getAsBoolean()) {
                stopped = true;
                break;
            }
        }
        List<ScanOutcome.EnvFile> envFiles = new ArrayList<>();
        List<String> envProblems = new ArrayList<>();
        if (!stopped) {
            collector.envFiles.sort(Comparator.comparing(Walked::shown));
            for (Walked file : collector.envFiles) {
                if (cancelled.getAsBoolean()) {
                    stopped = true;
                    break;
                }
                adoptable(file, envFiles, envProblems);
            }
        }
        return new ScanOutcome(collector.findings, collector.skipped, collector.filesBefore, collector.bytesBefore,
                collector.binary, matcher.valuesSearched(), stopped, envFiles, envProblems);
    }

    /** A .env file the walk came upon, and how the results show it. */
    private record Walked(Path file, String shown) {
    }

    /** {@code file}, when it has values to move into the vault (or to be refused: the dialog says why). */
    private static void adoptable(Walked file, List<ScanOutcome.EnvFile> out, List<String> problems) {
        try {
            AdoptCandidate candidate = AdoptCandidate.read(file.file(), file.shown());
            if (candidate.variables() > 0) {
                out.add(new ScanOutcome.EnvFile(file.file(), file.shown(), candidate.project(), candidate.variables()));
            }
        } catch (RuntimeException e) {
            // The message names the file and its line already.
            problems.add(UserMessages.describe(e));
        }
    }

    /** The chosen folders without any that lies inside another (so nothing is read twice). */
    static List<Path> outermost(List<Path> folders) {
        List<Path> reals = folders.stream().map(ScanJob::real).toList();
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < folders.size(); i++) {
            boolean inside = false;
            for (int j = 0; j < folders.size() && !inside; j++) {
                inside = j != i && reals.get(i).startsWith(reals.get(j)) && (!reals.get(i).equals(reals.get(j)) || j < i);
            }
            if (!inside) {
                out.add(folders.get(i));
            }
        }
        return out;
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    /** Paths are shown from the folder above a scanned one, so each starts with the chosen folder's name. */
    private static Path base(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        return absolute.getParent() == null ? absolute : absolute.getParent();
    }

    private static String shown(Path base, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return (absolute.startsWith(base) ? base.relativize(absolute) : absolute).toString().replace('\\', '/');
    }

    /** Gathers one folder's results after another; a scan calls it one thread at a time. */
    private static final class Collector implements ScanListener {
        private final Consumer<Progress> progress;
        private final List<ScanOutcome.Located> findings = new ArrayList<>();
        private final List<ScanOutcome.SkippedFile> skipped = new ArrayList<>();
        private final List<Walked> envFiles = new ArrayList<>();
        private Path root;
        private Path base;
        private long filesBefore;
        private long bytesBefore;
        private long binary;
        private long files;
        private long bytes;
        private String folder = "";

        Collector(Consumer<Progress> progress) {
            this.progress = progress;
        }

        @Override
        public void found(Finding finding) {
            findings.add(new ScanOutcome.Located(finding, base.resolve(finding.location().path())));
        }

        @Override
        public void skipped(SkippedSource source) {
            skipped.add(new ScanOutcome.SkippedFile(source, base.resolve(source.path())));
        }

        @Override
        public void cameUpon(Path file) {
            if (EnvFileFinder.isCandidate(root, file)) {
                envFiles.add(new Walked(file, shown(base, file)));
            }
        }

        @Override
        public void progress(long sources, long read) {
            files = sources;
            bytes = read;
            progress.accept(new Progress(filesBefore + files, bytesBefore + bytes, folder));
        }

        @Override
        public void entered(String shown) {
            folder = shown;
            progress.accept(new Progress(filesBefore + files, bytesBefore + bytes, folder));
        }

        /** One folder is done: its totals become the base of the next one's. */
        void finished(ScanSummary summary) {
            filesBefore += summary.sourcesRead();
            bytesBefore += summary.bytesRead();
            binary += summary.binarySkipped();
            files = 0;
            bytes = 0;
        }
    }
}
