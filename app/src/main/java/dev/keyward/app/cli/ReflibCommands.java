package dev.keyward.app.cli;

import dev.keyward.app.error.CliMessage;
import dev.keyward.app.error.ErrorWording;
import dev.keyward.app.session.LibraryAccess;
import dev.keyward.reflib.ArchiveFormat;
import dev.keyward.reflib.LibrarySettings;
import dev.keyward.reflib.LibrarySource;
import dev.keyward.reflib.ReferenceLibrary;
import dev.keyward.reflib.ReferenceSource;
import dev.keyward.reflib.SearchHit;
import dev.keyward.reflib.SyncMode;
import dev.keyward.reflib.SyncOutcome;
import dev.keyward.reflib.SyncReport;
import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.NotFoundException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code keyward reflib ...}: the reference library in {@code <data-dir>/reference_library}. It lives
 * outside the vault and holds only public sources, so no profile or password is needed.
 */
@Command(name = "reflib", description = "The reference library: public automation sources that ground generated programs.",
        subcommands = {ReflibCommands.Add.class, ReflibCommands.Sync.class, ReflibCommands.ListSources.class,
                ReflibCommands.Verify.class, ReflibCommands.Remove.class, ReflibSearchCommand.class})
public final class ReflibCommands {

    /** Overrides where archives are downloaded from (a mirror, or a loopback server in tests). */
    static final String ARCHIVE_BASE_ENV = "KEYWARD_REFLIB_ARCHIVE_BASE";

    @ParentCommand
    KeywardCommand root;

    @Option(names = "--archive-base", paramLabel = "URL",
            description = "Download archives from URL/OWNER/REPO/archive/SHA.tar.gz (default: $" + ARCHIVE_BASE_ENV
                    + ", else https://github.com).")
    String archiveBase;

    /**
     * The library in the data folder, closed when the command ends. Not from {@code SessionServices}: the
     * library lives outside every vault and holds only public sources, so these commands ask for no profile
     * or password.
     */
    LibraryAccess library() {
        return LibraryAccess.of(root.root().path(), archiveBaseUri());
    }

    private URI archiveBaseUri() {
        String text = archiveBase != null ? archiveBase : root.terminal().env().get(ARCHIVE_BASE_ENV);
        if (text == null || text.isBlank()) {
            return LibrarySettings.GITHUB_ARCHIVE_BASE;
        }
        URI uri;
        try {
            uri = URI.create(text.trim());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new CliUsageException("The archive base '" + text + "' is not an http(s) URL with a host.");
        }
        return uri;
    }

    /** Fails with "not found" (exit 4) unless a source of that name is registered. */
    static LibrarySource requireRegistered(ReferenceLibrary library, String name) {
        return library.list().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("No reference source is named '" + name
                        + "'; 'keyward reflib list' shows the names."));
    }

    @Command(name = "add", description = "Register a source pinned to a commit, or re-pin one; 'reflib sync' downloads it.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        ReflibCommands group;

        @Parameters(index = "0", paramLabel = "NAME", description = "Folder-safe name, e.g. playwright-python.")
        String name;

        @Parameters(index = "1", paramLabel = "REPO_URL", description = "https://github.com/OWNER/REPO")
        String repositoryUrl;

        @Parameters(index = "2", paramLabel = "SHA", description = "The full 40-character commit SHA.")
        String sha;

        @Option(names = "--format", paramLabel = "tar_gz|zip", description = "Archive flavour (default tar_gz).")
        String format;

        @Option(names = "--checksum", paramLabel = "SHA256", description = "Refuse the archive unless its SHA-256 is this.")
        String checksum;

        @Override
        public Integer call() {
            try (LibraryAccess access = group.library()) {
                return run(access.library());
            }
        }

        private Integer run(ReferenceLibrary library) {
            ReferenceSource source = new ReferenceSource(name, repositoryUrl, sha,
                    format == null ? ArchiveFormat.TAR_GZ : ArchiveFormat.fromDbValue(format), checksum);
            library.add(source);
            group.root.terminal().out().println("Registered " + source.name() + " at " + source.shortSha()
                    + " (" + source.repositoryUrl() + "); run 'keyward reflib sync " + source.name() + "' to download it.");
            return 0;
        }
    }

    @Command(name = "sync", description = "Download, check, extract and index sources that are not current; progress on stderr.")
    static final class Sync implements Callable<Integer> {
        @ParentCommand
        ReflibCommands group;

        @Parameters(arity = "0..1", paramLabel = "NAME", description = "One source (default: all).")
        String name;

        @Option(names = "--force", description = "Download again even when the pinned commit is installed (repairs a changed copy).")
        boolean force;

        @Override
        public Integer call() {
            try (LibraryAccess access = group.library()) {
                return run(access.library());
            }
        }

        private Integer run(ReferenceLibrary library) {
            SyncMode mode = force ? SyncMode.ALWAYS : SyncMode.IF_OUTDATED;
            SyncProgressBar bar = new SyncProgressBar(group.root.terminal().err(), group.root.terminal().interactive());
            if (name != null) {
                requireRegistered(library, name);
                SyncReport report;
                try {
                    report = library.sync(name, mode, bar);
                } finally {
                    bar.finish(); // the error or the summary starts on its own line
                }
                printReport(report);
                return 0;
            }
            List<SyncOutcome> outcomes = library.syncAll(mode, bar);
            bar.finish();
            int code = 0;
            for (SyncOutcome outcome : outcomes) {
                switch (outcome) {
                    case SyncOutcome.Synced synced -> printReport(synced.report());
                    case SyncOutcome.Failed failed -> {
                        CliMessage message = ErrorWording.forCli(failed.error());
                        group.root.terminal().err().println("keyward: " + message.text());
                        code = Math.max(code, message.exitCode());
                    }
                }
            }
            if (outcomes.isEmpty()) {
                group.root.terminal().out().println("No sources are registered; add one with 'keyward reflib add'.");
            }
            return code;
        }

        private void printReport(SyncReport r) {
            String sha = r.commitSha().substring(0, 7);
            group.root.terminal().out().println(r.downloaded()
                    ? "Synced " + r.sourceName() + " at " + sha + ": " + r.fileCount() + " files, "
                            + SyncProgressBar.bytes(r.totalSizeBytes()) + ", " + r.indexedChunks() + " indexed chunks"
                            + (r.skipped().isEmpty() ? "" : ", " + r.skipped().size() + " entries skipped")
                            + (r.resumed() ? " (download resumed)" : "") + "."
                    : r.sourceName() + " is already current at " + sha + ".");
        }
    }

    @Command(name = "list", description = "Registered sources, their pinned and installed commits.")
    static final class ListSources implements Callable<Integer> {
        @ParentCommand
        ReflibCommands group;

        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            try (LibraryAccess access = group.library()) {
                return run(access.library());
            }
        }

        private Integer run(ReferenceLibrary library) {
            List<LibrarySource> sources = library.list();
            if (json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (LibrarySource s : sources) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("name", s.name());
                    row.put("repository_url", s.pinned().repositoryUrl());
                    row.put("pinned_commit", s.pinned().commitSha());
                    row.put("format", s.pinned().format().dbValue());
                    row.put("state", s.state().name().toLowerCase(Locale.ROOT));
                    row.put("installed_commit", s.installed().map(m -> m.commitSha()).orElse(null));
                    row.put("downloaded_at", s.installed().map(m -> m.downloadedAt().toString()).orElse(null));
                    row.put("file_count", s.installed().map(m -> m.fileCount()).orElse(null));
                    row.put("total_size_bytes", s.installed().map(m -> m.totalSizeBytes()).orElse(null));
                    row.put("checksum", s.installed().map(m -> m.checksum()).orElse(null));
                    rows.add(row);
                }
                group.root.printJson(rows);
                return 0;
            }
            for (LibrarySource s : sources) {
                String installed = s.installed().map(m -> m.fileCount() + " files, "
                        + SyncProgressBar.bytes(m.totalSizeBytes()) + ", synced " + m.downloadedAt()).orElse("not downloaded");
                group.root.terminal().out().printf("%-24s %-8s %-14s %s  %s%n", s.name(), s.pinned().shortSha(),
                        s.state().name().toLowerCase(Locale.ROOT), s.pinned().repositoryUrl(), installed);
            }
            return 0;
        }
    }

    @Command(name = "verify", description = "Re-hash installed sources against manifest.db; exit 5 when one is damaged.")
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        ReflibCommands group;

        @Override
        public Integer call() {
            try (LibraryAccess access = group.library()) {
                return run(access.library());
            }
        }

        private Integer run(ReferenceLibrary library) {
            var reports = library.verify();
            int code = 0;
            for (var r : reports) {
                String detail = switch (r.status()) {
                    case OK -> r.actualFileCount() + " files intact";
                    case MISSING -> r.missingPaths().size() + " of " + r.expectedFileCount() + " files missing";
                    case CHANGED -> r.changedPaths().size() + " files changed, " + r.unexpectedPaths().size() + " added";
                };
                group.root.terminal().out().printf("%-24s %-8s %s%n", r.sourceName(),
                        r.status().name().toLowerCase(Locale.ROOT), detail);
                if (r.status() != dev.keyward.reflib.VerifyStatus.OK) {
                    code = 5;
                }
            }
            if (code != 0) {
                group.root.terminal().err().println("keyward: some sources differ from what was installed;"
                        + " 'keyward reflib sync --force NAME' downloads them again.");
            } else if (reports.isEmpty()) {
                group.root.terminal().out().println("No source is installed yet.");
            }
            return code;
        }
    }

    @Command(name = "remove", description = "Remove a source: registration, files and index entries.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        ReflibCommands group;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (LibraryAccess access = group.library()) {
                return run(access.library());
            }
        }

        private Integer run(ReferenceLibrary library) {
            ReferenceSource.requireName(name);
            requireRegistered(library, name);
            library.remove(name);
            group.root.terminal().out().println("Removed " + name + " from the reference library.");
            return 0;
        }
    }

    /** Checks a search limit given on the command line. */
    static int checkedLimit(int limit) {
        if (limit < 1 || limit > 200) {
            throw new InvalidInputException("--limit must be from 1 to 200.");
        }
        return limit;
    }

    /** A hit in the machine-readable form of {@code reflib search --json}. */
    static Map<String, Object> hitJson(SearchHit hit) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("source", hit.sourceName());
        row.put("path", hit.path());
        row.put("line", hit.line());
        row.put("score", hit.score());
        row.put("snippet", hit.snippet());
        return row;
    }
}
