package dev.keyward.vault.scan;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Scans folders and files on disk: walks each root without following any symbolic link (so a link out
 * of the tree is never read and a link loop is harmless), leaves out what {@code .gitignore} ignores
 * (unless told not to), {@code .git} folders (their history is another scan's) and Keyward's own data,
 * and reads the files in parallel with a bounded number in flight. A file that cannot be read, vanishes,
 * or changes while it is read gives a {@link SkippedSource} line; the scan goes on.
 */
public final class TreeScanner {

    /** Opens a file found by the walk for reading. */
    @FunctionalInterface
    interface FileOpener {
        java.io.InputStream open(Path file) throws IOException;
    }

    private final ContentScanner content;
    private final ScanOptions options;
    private final FileOpener opener;

    public TreeScanner(ContentScanner content, ScanOptions options) {
        this(content, options, file -> Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS));
    }

    /** A scanner whose files are opened by {@code opener} (tests: a file that vanishes or changes as it is opened). */
    TreeScanner(ContentScanner content, ScanOptions options, FileOpener opener) {
        this.content = content;
        this.options = options;
        this.opener = opener;
    }

    /**
     * Scans {@code roots} (folders or files); paths in reports are relative to {@code base} (the folder
     * the scan was started from) where they lie below it, else absolute. Checks {@code cancelled} between
     * files and chunks; a cancelled scan's summary says so.
     */
    public ScanSummary scan(List<Path> roots, Path base, ScanListener listener, BooleanSupplier cancelled) {
        Run run = new Run(listener, cancelled, base.toAbsolutePath().normalize());
        ExecutorService readers = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread thread = new Thread(r, "keyward-scan");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Path> reals = roots.stream().map(root -> realOrNull(run.base.resolve(root))).toList();
            for (int i = 0; i < roots.size(); i++) {
                if (cancelled.getAsBoolean()) {
                    break;
                }
                if (!coveredByAnother(reals, i)) { // "scan src ." reads src once
                    walk(roots.get(i), run, readers);
                }
            }
        } finally {
            readers.shutdown();
            awaitQuietly(readers);
        }
        Throwable failure = run.failure.get();
        if (failure instanceof RuntimeException e) {
            throw e;
        } else if (failure instanceof Error e) {
            throw e;
        }
        return run.summary(cancelled.getAsBoolean());
    }

    /** True when root {@code i} lies inside another root, or repeats an earlier one. */
    private static boolean coveredByAnother(List<Path> reals, int i) {
        Path real = reals.get(i);
        if (real == null) {
            return false; // the walk reports it
        }
        for (int j = 0; j < reals.size(); j++) {
            Path other = reals.get(j);
            if (j != i && other != null && real.startsWith(other) && (!real.equals(other) || j < i)) {
                return true;
            }
        }
        return false;
    }

    private static Path realOrNull(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    private void walk(Path given, Run run, ExecutorService readers) {
        Path logical = run.base.resolve(given).normalize();
        Path real;
        try {
            real = logical.toRealPath(); // the root itself may be a link: the person named it
        } catch (IOException e) {
            run.skip(new SkippedSource(run.display(logical), Optional.empty(),
                    e instanceof NoSuchFileException ? SkipReason.VANISHED : SkipReason.UNREADABLE));
            return;
        }
        Tree tree = new Tree(logical, real, neverRead());
        if (tree.excluded(real)) {
            run.skip(new SkippedSource(run.display(logical), Optional.empty(), SkipReason.KEYWARD_DATA));
            return;
        }
        try {
            Files.walkFileTree(real, EnumSet.noneOf(java.nio.file.FileVisitOption.class), Integer.MAX_VALUE,
                    new Visitor(tree, run, readers));
        } catch (IOException e) {
            run.skip(new SkippedSource(run.display(logical), Optional.empty(), SkipReason.UNREADABLE));
        }
    }

    private List<Path> neverRead() {
        List<Path> out = new ArrayList<>();
        for (Path path : options.neverRead()) {
            Path absolute = path.toAbsolutePath().normalize();
            out.add(absolute);
            try {
                out.add(absolute.toRealPath());
            } catch (IOException e) {
                // not there (yet): its absolute path is enough
            }
        }
        return out;
    }

    /** One root: where it was named, where it really is, and what is never read. */
    private record Tree(Path logical, Path real, List<Path> neverRead) {
        boolean excluded(Path path) {
            String name = path.getFileName() == null ? "" : path.getFileName().toString();
            // A vault's files, wherever a profile folder was copied to, are Keyward's own too.
            return name.equals("vault.db") || name.startsWith("vault.db-")
                    || neverRead.stream().anyMatch(path::startsWith);
        }

        /** {@code path} (below the real root) as it was named: below the logical root. */
        Path named(Path path) {
            return logical.resolve(real.relativize(path).toString());
        }
    }

    private final class Visitor extends SimpleFileVisitor<Path> {
        private final Tree tree;
        private final Run run;
        private final ExecutorService readers;
        private final Deque<IgnoreRules> rules = new ArrayDeque<>();

        Visitor(Tree tree, Run run, ExecutorService readers) {
            this.tree = tree;
            this.run = run;
            this.readers = readers;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (run.cancelled.getAsBoolean()) {
                return FileVisitResult.TERMINATE;
            }
            if (!dir.equals(tree.real())) {
                if (".git".equals(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (tree.excluded(dir)) {
                    run.skip(new SkippedSource(run.display(tree.named(dir)), Optional.empty(), SkipReason.KEYWARD_DATA));
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (current().ignores(dir, true)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
            }
            run.entered(tree.named(dir));
            rules.push(!options.honourIgnoreFiles() ? IgnoreRules.none()
                    : dir.equals(tree.real()) ? IgnoreRules.enclosing(dir) : current().enter(dir));
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            if (e != null) {
                run.skip(new SkippedSource(run.display(tree.named(dir)), Optional.empty(), SkipReason.UNREADABLE));
            }
            rules.pop();
            return run.cancelled.getAsBoolean() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (run.cancelled.getAsBoolean()) {
                return FileVisitResult.TERMINATE;
            }
            if (attrs.isSymbolicLink()) {
                linked(file);
            } else if (attrs.isRegularFile() && !tree.excluded(file)) {
                run.cameUpon(tree.named(file));
                if (!current().ignores(file, false)) {
                    String shown = run.display(tree.named(file));
                    if (attrs.size() > options.maxFileSize()) {
                        run.skip(new SkippedSource(shown, Optional.empty(), SkipReason.TOO_LARGE));
                    } else {
                        run.submit(readers, () -> read(file, shown, attrs, run));
                    }
                }
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            run.skip(new SkippedSource(run.display(tree.named(file)), Optional.empty(),
                    e instanceof NoSuchFileException ? SkipReason.VANISHED : SkipReason.UNREADABLE));
            return FileVisitResult.CONTINUE;
        }

        /**
         * A link is never followed. One to a place inside the tree needs no report (the place is scanned
         * itself), nor does one that leads nowhere (dangling, or a loop); one out of the tree is said.
         */
        private void linked(Path link) {
            Path target;
            try {
                target = link.toRealPath();
            } catch (IOException e) {
                return;
            }
            if (!target.startsWith(tree.real()) && !current().ignores(link, false)) {
                run.skip(new SkippedSource(run.display(tree.named(link)), Optional.empty(), SkipReason.SYMLINK_OUT_OF_TREE));
            }
        }

        private IgnoreRules current() {
            return rules.isEmpty() ? IgnoreRules.none() : rules.peek();
        }
    }

    private void read(Path file, String shown, BasicFileAttributes before, Run run) {
        // Read no further than the size the walk saw, plus one byte to notice growth: a file that keeps growing
        // (a log being written) would otherwise be read past --max-file-size, or for ever.
        long limit = before.size() + 1;
        ScanSource source = ScanSource.of(shown, Optional.empty(), before.size(), () -> limited(opener.open(file), limit));
        try {
            ContentScanner.Result result = content.scan(source, run::found, run.cancelled);
            if (result.binary()) {
                run.binary();
                return;
            }
            BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            boolean changed = after.size() != before.size() || result.bytesRead() != before.size()
                    || !after.lastModifiedTime().equals(before.lastModifiedTime());
            if (changed && !run.cancelled.getAsBoolean()) {
                run.skip(new SkippedSource(shown, Optional.empty(), SkipReason.CHANGED));
            }
            run.read(result.bytesRead());
        } catch (NoSuchFileException e) {
            run.skip(new SkippedSource(shown, Optional.empty(), SkipReason.VANISHED));
        } catch (AccessDeniedException e) {
            run.skip(new SkippedSource(shown, Optional.empty(), SkipReason.UNREADABLE));
        } catch (IOException e) {
            run.skip(new SkippedSource(shown, Optional.empty(), SkipReason.UNREADABLE));
        }
    }

    /** {@code in}, ending after {@code limit} bytes. */
    private static InputStream limited(InputStream in, long limit) {
        return new FilterInputStream(in) {
            private long left = limit;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(buffer, offset, (int) Math.min(length, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(Math.min(n, left));
                left -= skipped;
                return skipped;
            }

            @Override
            public int available() throws IOException {
                return (int) Math.min(super.available(), left);
            }
        };
    }

    private static void awaitQuietly(ExecutorService readers) {
        boolean interrupted = false;
        while (true) {
            try {
                if (readers.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One scan's shared state: the listener (called one at a time), counts, and the in-flight bound. */
    private final class Run {
        private final ScanListener listener;
        private final BooleanSupplier cancelled;
        private final Path base;
        private final Semaphore inFlight = new Semaphore(options.threads() * 2);
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private long sources;
        private long bytes;
        private long findings;
        private long skipped;
        private long binary;

        Run(ScanListener listener, BooleanSupplier cancelled, Path base) {
            this.listener = listener;
            this.cancelled = cancelled;
            this.base = base;
        }

        String display(Path path) {
            Path shown = path.startsWith(base) ? base.relativize(path) : path;
            String text = shown.toString().replace('\\', '/');
            return text.isEmpty() ? "." : text;
        }

        void submit(ExecutorService readers, Runnable task) {
            try {
                inFlight.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            readers.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                } finally {
                    inFlight.release();
                }
            });
        }

        synchronized void found(Finding finding) {
            findings++;
            listener.found(finding);
        }

        synchronized void skip(SkippedSource source) {
            skipped++;
            listener.skipped(source);
        }

        synchronized void entered(Path folder) {
            listener.entered(display(folder));
        }

        synchronized void cameUpon(Path file) {
            listener.cameUpon(file);
        }

        synchronized void binary() {
            binary++;
        }

        synchronized void read(long count) {
            sources++;
            bytes += count;
            listener.progress(sources, bytes);
        }

        synchronized ScanSummary summary(boolean wasCancelled) {
            return new ScanSummary(sources, bytes, findings, skipped, binary, wasCancelled);
        }
    }
}
