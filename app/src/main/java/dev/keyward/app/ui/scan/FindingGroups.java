package dev.keyward.app.ui.scan;

import dev.keyward.vault.adopt.EnvFileFinder;
import dev.keyward.vault.io.ByteCounts;
import dev.keyward.vault.scan.FindingKind;
import dev.keyward.vault.scan.Location;
import dev.keyward.vault.scan.SkipReason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The words of the Scan page's results: findings grouped by whose value they are (a copy of a vault secret,
 * or an unvaulted key of a provider), each group with its places; skipped files in one group; and the
 * {@code .env} files that can be adopted. A line names a place and a kind, never a value (last 4 at most).
 */
final class FindingGroups {

    /** A group's title line and its place lines. */
    record Group(ResultRow title, List<ResultRow> places) {
    }

    private static final Comparator<ScanOutcome.Located> BY_PLACE = Comparator
            .comparing((ScanOutcome.Located l) -> l.finding().location().path())
            .thenComparingLong(l -> l.finding().location().line())
            .thenComparingLong(l -> l.finding().location().column());

    /** How many unreadable .env files the summary names before it only counts the rest. */
    static final int SHOWN_PROBLEMS = 3;

    private FindingGroups() {
    }

    /**
     * Copies first, by secret name, then unvaulted keys, by provider; {@code providerName} gives a provider's
     * name for its catalog slug.
     */
    static List<Group> findings(List<ScanOutcome.Located> findings, Function<String, String> providerName) {
        Map<String, List<ScanOutcome.Located>> copies = new java.util.TreeMap<>();
        Map<String, List<ScanOutcome.Located>> unvaulted = new java.util.TreeMap<>();
        for (ScanOutcome.Located located : findings) {
            switch (located.finding().kind()) {
                case FindingKind.Copy copy ->
                        copies.computeIfAbsent(copy.owner().secretName(), k -> new ArrayList<>()).add(located);
                case FindingKind.Unvaulted key ->
                        unvaulted.computeIfAbsent(key.providerSlug(), k -> new ArrayList<>()).add(located);
            }
        }
        List<Group> out = new ArrayList<>();
        copies.forEach((name, places) -> out.add(group("Copy of secret " + name, places)));
        unvaulted.forEach((slug, places) -> out.add(group("Unvaulted " + providerName.apply(slug) + " key", places)));
        return out;
    }

    private static Group group(String title, List<ScanOutcome.Located> places) {
        List<ResultRow> rows = places.stream().sorted(BY_PLACE).map(FindingGroups::place).toList();
        return new Group(ResultRow.title(title + " (" + count(rows.size(), "place") + ")"), rows);
    }

    /** "app/config.json, line 3, column 12: base64, current value, ending 1a2b". */
    static ResultRow place(ScanOutcome.Located located) {
        Location at = located.finding().location();
        FindingKind kind = located.finding().kind();
        String how = switch (kind) {
            case FindingKind.Copy copy -> copy.encoding().label() + ", "
                    + (copy.owner().current() ? "current value" : "earlier value (version " + copy.owner().version() + ")");
            case FindingKind.Unvaulted key -> "not in the vault";
        };
        String last4 = kind.last4().isEmpty() ? "" : ", ending " + kind.last4();
        String file = located.file().getFileName() == null ? "" : located.file().getFileName().toString();
        return new ResultRow(at.path() + ", line " + at.line() + ", column " + at.column() + ": " + how + last4,
                located.file(), at.path(), EnvFileFinder.isCandidateName(file));
    }

    /** "3 files skipped: 2 larger than the size limit, 1 unreadable", its lines one per file; null when none. */
    static Group skipped(List<ScanOutcome.SkippedFile> skipped) {
        if (skipped.isEmpty()) {
            return null;
        }
        Map<SkipReason, Long> byReason = new EnumMap<>(SkipReason.class);
        skipped.forEach(s -> byReason.merge(s.source().reason(), 1L, Long::sum));
        String reasons = byReason.entrySet().stream().map(e -> e.getValue() + " " + shortReason(e.getKey()))
                .collect(Collectors.joining(", "));
        List<ResultRow> rows = skipped.stream()
                .sorted(Comparator.comparing((ScanOutcome.SkippedFile s) -> s.source().path()))
                .map(s -> new ResultRow(s.source().path() + ": " + s.source().reason().sentence(), s.file(),
                        s.source().path(), false))
                .toList();
        return new Group(ResultRow.title(count(skipped.size(), "file") + " skipped: " + reasons), rows);
    }

    /** ".env files that can be adopted (2)", a line per file; null when none. */
    static Group envFiles(List<ScanOutcome.EnvFile> files) {
        if (files.isEmpty()) {
            return null;
        }
        Map<String, ScanOutcome.EnvFile> byShown = new LinkedHashMap<>();
        files.stream().sorted(Comparator.comparing(ScanOutcome.EnvFile::shown)).forEach(f -> byShown.put(f.shown(), f));
        List<ResultRow> rows = byShown.values().stream().map(f -> new ResultRow(f.shown() + ": "
                + count(f.variables(), "variable") + " to move into project " + f.project(), f.file(), f.shown(), true))
                .toList();
        return new Group(ResultRow.title(".env files with values to adopt (" + rows.size() + ")"), rows);
    }

    private static String shortReason(SkipReason reason) {
        return switch (reason) {
            case TOO_LARGE -> "larger than the size limit";
            case SYMLINK_OUT_OF_TREE -> "links out of the folder";
            case UNREADABLE -> "unreadable";
            case GIT_OBJECT_MISSING, GIT_OBJECT_DAMAGED -> "git objects missing or damaged";
            case VANISHED -> "vanished";
            case CHANGED -> "changed while read";
            case KEYWARD_DATA -> "Keyward's own data";
        };
    }

    /** The page's line after a scan: what was found (or so far, when cancelled), and the .env files to adopt. */
    static String summary(ScanOutcome outcome, int groups) {
        long found = outcome.findings().size();
        String what = found == 0 ? "no copy of a vault value and no unvaulted key"
                : count(found, "place") + " in " + count(groups, "group");
        String searched = " (" + count(outcome.valuesSearched(), "vault value") + " searched for)";
        String head = outcome.cancelled()
                ? "Scan cancelled after " + count(outcome.filesRead(), "file") + ". Found so far: " + what
                : "Scan finished: " + what + searched;
        String env = outcome.envFiles().isEmpty() ? "" : " " + count(outcome.envFiles().size(), ".env file") + " can be adopted.";
        return head + "." + env + problems(outcome.envProblems());
    }

    /** The first few .env files that could not be read, and how many more: one line must not grow with the tree. */
    static String problems(List<String> problems) {
        if (problems.isEmpty()) {
            return "";
        }
        String shown = " " + String.join(" ", problems.subList(0, Math.min(SHOWN_PROBLEMS, problems.size())));
        int more = problems.size() - SHOWN_PROBLEMS;
        return more <= 0 ? shown : shown + " " + count(more, "more .env file") + " could not be read.";
    }

    /** "Scanned 120 files (4.2 MB), now in proj/src…" while a scan runs. */
    static String progressLine(ScanJob.Progress p) {
        return "Scanned " + count(p.files(), "file") + " (" + ByteCounts.approximate(p.bytes()) + ")"
                + (p.folder().isEmpty() ? "" : ", now in " + p.folder()) + "…";
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
