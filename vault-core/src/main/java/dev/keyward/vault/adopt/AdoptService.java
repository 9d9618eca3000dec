package dev.keyward.vault.adopt;

import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.adopt.AdoptPlan.Action;
import dev.keyward.vault.adopt.AdoptPlan.FilePlan;
import dev.keyward.vault.adopt.AdoptPlan.Variable;
import dev.keyward.vault.backup.EnvFileBackups;
import dev.keyward.vault.crypto.StrictUtf8;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.env.DotenvKeys;
import dev.keyward.vault.io.AtomicFiles;
import dev.keyward.vault.projects.ProjectFolders;
import dev.keyward.vault.projects.ProjectLink;
import dev.keyward.vault.refs.Reference;
import dev.keyward.vault.session.VaultSession;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves plaintext {@code .env} files into the vault: their values become (or are linked to) secrets of a
 * project, and each file becomes a references file that {@code run --env-file} reads to the same
 * variables and values.
 *
 * <h2>Order of steps, and why nothing is lost when it stops anywhere</h2>
 * <ol>
 *   <li>One vault transaction creates the projects, adds, links or rotates the secrets, checks that every
 *       adopted variable now gives the file's value (or the vault's, where the vault won a conflict), and
 *       records the adoption in the audit log. Killed before the commit: nothing changed.</li>
 *   <li>Per file: its original bytes are sealed into an encrypted copy ({@link EnvFileBackups}), written
 *       and synced to disk. Killed here: the file is still the original; its values are in the vault.</li>
 *   <li>The references text is written to a temp file in the same folder, synced, renamed over the file,
 *       and the folder synced ({@link AtomicFiles}). Killed before the rename: the original is in place;
 *       after it: the references file is, and the original is in the backup.</li>
 * </ol>
 * A file changed on disk since it was read is left alone. Running adopt again resumes: variables already
 * in the vault plan as {@link Action#UNCHANGED}, files already turned into references are skipped, so a
 * second run finishes what a stopped one began, and changes nothing after one that finished.
 */
public final class AdoptService {

    /** The points between steps, reported to a {@link Progress} as they are passed. */
    public enum Step {
        /** Everything is written in the vault transaction, which is about to commit. */
        IMPORTED,
        /** The vault transaction committed. */
        COMMITTED,
        /** A file's encrypted copy is on disk. */
        BACKED_UP,
        /** A file was replaced by its references file. */
        REPLACED
    }

    /** Hears each step as it is passed (a file is null for {@link Step#IMPORTED} and {@link Step#COMMITTED}). */
    @FunctionalInterface
    public interface Progress {
        /** Reports nothing. */
        Progress NONE = (step, file) -> { };

        void reached(Step step, Path file);
    }

    /**
     * What an adoption did: the files replaced and their encrypted copies, and the files left alone with
     * the reason.
     */
    public record Result(List<Path> replaced, List<Path> backups, List<AdoptPlan.Skipped> leftAlone) {
    }

    private final VaultSession session;

    public AdoptService(VaultSession session) {
        this.session = session;
    }

    /** What adopting the .env files under {@code root} would do; reads values only to compare, writes nothing. */
    public AdoptPlan plan(Path root, AdoptOptions options) {
        EnvFileFinder.Found found = EnvFileFinder.under(root);
        List<EnvSource> sources = read(root, found.files());
        try {
            List<FilePlan> planned = session.database().read(c -> new AdoptPlanner(session).plan(c, sources, options));
            List<FilePlan> files = new ArrayList<>();
            List<AdoptPlan.Skipped> skipped = new ArrayList<>();
            found.passed().forEach(p -> skipped.add(new AdoptPlan.Skipped(p.path(), shown(root, p.path()), p.reason())));
            for (int i = 0; i < planned.size(); i++) {
                FilePlan file = planned.get(i);
                boolean refused = file.variables().stream().anyMatch(v -> v.action() == Action.REFUSED);
                if (!file.replacesLines() && !refused) {
                    boolean references = file.variables().stream()
                            .anyMatch(v -> v.detail().startsWith("already a keyward"));
                    skipped.add(new AdoptPlan.Skipped(file.file(), file.shown(), references
                            ? "it holds references already, and nothing else to adopt"
                            : "it holds no value to adopt"));
                    continue;
                }
                if (!refused) {
                    // The references text is made and read back now, so that a dry run refuses what adopt would.
                    Wipe.chars(ReferenceFile.renderChecked(sources.get(i), references(file)));
                }
                files.add(file);
            }
            return new AdoptPlan(root, List.copyOf(files), List.copyOf(skipped));
        } finally {
            sources.forEach(EnvSource::close);
        }
    }

    /**
     * Adopts what {@code shown} (made by {@link #plan} with the same options) says. Refused, with nothing
     * changed, when a variable is refused, when a conflict has no winner in {@code options}, or when the
     * files or the vault changed so that the plan would now be different.
     */
    public Result adopt(AdoptPlan shown, AdoptOptions options, Progress progress) {
        requireDecided(shown, options);
        List<FilePlan> toAdopt = shown.files().stream().filter(FilePlan::replacesLines).toList();
        List<EnvSource> sources = read(shown.root(), toAdopt.stream().map(FilePlan::file).toList());
        try {
            session.database().write(c -> {
                List<FilePlan> now = new AdoptPlanner(session).plan(c, sources, options);
                if (!sameActions(now, toAdopt)) {
                    throw new InvalidInputException("The files or the vault changed since the plan was made; nothing was"
                            + " adopted. Look at the new plan and adopt again.");
                }
                importAll(c, now, sources, options);
                progress.reached(Step.IMPORTED, null);
                return null;
            });
            progress.reached(Step.COMMITTED, null);
            return replaceFiles(toAdopt, sources, progress);
        } finally {
            sources.forEach(EnvSource::close);
        }
    }

    /**
     * Puts back the original of an adopted {@code file} from its newest encrypted copy (written atomically,
     * owner-only) and returns that copy's path. The vault is not changed: the values stay there too.
     *
     * @throws dev.keyward.vault.NotFoundException when no copy of that file is kept
     */
    public Path restore(Path file) {
        Path target = file.toAbsolutePath().normalize();
        EnvFileBackups backups = new EnvFileBackups(session);
        try {
            for (Path copy : backups.copiesOf(target)) {
                EnvFileBackups.Copy opened = backups.open(copy);
                try {
                    if (!opened.original().equals(target)) {
                        continue; // another file whose path hashes alike
                    }
                    dev.keyward.vault.io.UserFiles.write(target, opened.content());
                    return copy;
                } finally {
                    Wipe.bytes(opened.content());
                }
            }
        } catch (IOException e) {
            throw new OperationFailedException("Could not put back the original of " + target + "; the file was left"
                    + " as it is.", e);
        }
        throw new dev.keyward.vault.NotFoundException("No backup of " + target + " is kept in this profile.");
    }

    private Result replaceFiles(List<FilePlan> files, List<EnvSource> sources, Progress progress) {
        EnvFileBackups backups = new EnvFileBackups(session);
        List<Path> replaced = new ArrayList<>();
        List<Path> copies = new ArrayList<>();
        List<AdoptPlan.Skipped> leftAlone = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            FilePlan file = files.get(i);
            EnvSource source = sources.get(i);
            if (!source.unchangedOnDisk()) {
                leftAlone.add(new AdoptPlan.Skipped(file.file(), file.shown(), "it changed while it was adopted, so it"
                        + " was left as it is; its values are in the vault, and adopting it again finishes it"));
                continue;
            }
            char[] text = ReferenceFile.renderChecked(source, references(file));
            byte[] bytes = StrictUtf8.encode(text);
            Wipe.chars(text);
            try {
                copies.add(backups.save(file.file(), source.bytes));
                progress.reached(Step.BACKED_UP, file.file());
                AtomicFiles.write(file.file(), bytes);
            } catch (IOException e) {
                throw new OperationFailedException("Could not replace " + file.shown() + " with references; it was left"
                        + " as it is and its values are in the vault, so adopting it again finishes it.", e);
            } finally {
                Wipe.bytes(bytes);
            }
            replaced.add(file.file());
            progress.reached(Step.REPLACED, file.file());
        }
        return new Result(List.copyOf(replaced), List.copyOf(copies), List.copyOf(leftAlone));
    }

    private void importAll(Connection c, List<FilePlan> files, List<EnvSource> sources, AdoptOptions options)
            throws SQLException {
        ProjectFolders folders = new ProjectFolders(session.profileId());
        Set<String> done = new HashSet<>();
        Map<String, char[]> expected = new LinkedHashMap<>();
        try {
            for (int i = 0; i < files.size(); i++) {
                FilePlan file = files.get(i);
                Map<String, char[]> values = sources.get(i).contents.values();
                if (folders.find(c, file.project()).isEmpty()) {
                    String id = session.projects().createIn(c, file.project(), "Adopted from " + file.shown()).id();
                    folders.recordRoot(c, id, String.valueOf(file.file().toAbsolutePath().getParent()), session.now());
                }
                int adopted = 0;
                for (Variable v : file.variables()) {
                    if (v.action() == Action.KEEP) {
                        continue;
                    }
                    adopted++;
                    String key = file.project() + "/" + v.name();
                    if (!done.add(key)) {
                        continue;
                    }
                    char[] value = values.get(v.name());
                    boolean fileWins = importOne(c, file.project(), v, value, options);
                    if (fileWins) {
                        expected.put(key, value.clone());
                    }
                }
                session.audit().record(c, "project", "adopt", "project", folders.require(c, file.project()).id(),
                        Map.of("project", file.project(), "file", file.shown(), "variables", adopted));
            }
            check(c, files, expected);
        } finally {
            expected.values().forEach(Wipe::chars);
        }
    }

    /** Writes one variable; true when the project now gives the file's value (false: the vault's won). */
    private boolean importOne(Connection c, String project, Variable v, char[] value, AdoptOptions options)
            throws SQLException {
        switch (v.action()) {
            case NEW -> {
                session.secrets().addEnvValueIn(c, v.secret(), value);
                session.projects().linkIn(c, project, v.secret(), v.name());
            }
            case COPY -> session.projects().linkIn(c, project, v.secret(), v.name());
            case UNCHANGED -> { }
            case CONFLICT -> {
                if (options.winner(project, v.name()) == AdoptPlan.Winner.FILE) {
                    session.secrets().rotateEnvValueIn(c, v.secret(), value);
                    session.projects().linkIn(c, project, v.secret(), v.name());
                    return true;
                }
                session.projects().linkIn(c, project, v.secret(), v.name());
                return false;
            }
            case KEEP, REFUSED -> throw new IllegalStateException("not imported: " + v.action());
        }
        return true;
    }

    /** Every adopted variable must now give the value its references file will stand for, else all is undone. */
    private void check(Connection c, List<FilePlan> files, Map<String, char[]> expected) throws SQLException {
        for (FilePlan file : files) {
            Map<String, ProjectLink> links = new LinkedHashMap<>();
            session.projects().linksIn(c, file.project()).orElse(List.of()).forEach(l -> links.put(l.envVar(), l));
            for (Variable v : file.variables()) {
                if (v.action() == Action.KEEP) {
                    continue;
                }
                ProjectLink link = links.get(v.name());
                char[] want = expected.get(file.project() + "/" + v.name());
                if (link == null) {
                    throw notAsPlanned(file, v);
                }
                if (want != null) {
                    char[] got = session.secrets().revealQuietly(c, link.secretId());
                    try {
                        if (!Arrays.equals(got, want)) {
                            throw notAsPlanned(file, v);
                        }
                    } finally {
                        Wipe.chars(got);
                    }
                }
            }
        }
    }

    private static OperationFailedException notAsPlanned(FilePlan file, Variable v) {
        return new OperationFailedException("After the import, variable " + v.name() + " of " + file.shown()
                + " would not have had the value of the file; nothing was adopted.");
    }

    private static void requireDecided(AdoptPlan plan, AdoptOptions options) {
        for (FilePlan file : plan.files()) {
            for (Variable v : file.variables()) {
                if (v.action() == Action.REFUSED) {
                    throw new InvalidInputException("Nothing was adopted: " + file.shown() + ", line " + v.line() + ": "
                            + DotenvKeys.shown(v.name()) + " " + DotenvKeys.masked(v.detail()) + ".");
                }
                if (v.action() == Action.CONFLICT && options.winner(file.project(), v.name()) == null) {
                    throw new InvalidInputException("Nothing was adopted: " + file.shown() + ", line " + v.line() + ": "
                            + v.name() + " conflicts (" + v.detail() + "), and no choice was made whether the"
                            + " vault's value or the file's wins.");
                }
            }
        }
    }

    private static boolean sameActions(List<FilePlan> now, List<FilePlan> shown) {
        if (now.size() != shown.size()) {
            return false;
        }
        for (int i = 0; i < now.size(); i++) {
            FilePlan a = now.get(i);
            FilePlan b = shown.get(i);
            if (!a.file().equals(b.file()) || !a.project().equals(b.project()) || a.variables().size() != b.variables().size()) {
                return false;
            }
            for (int j = 0; j < a.variables().size(); j++) {
                Variable x = a.variables().get(j);
                Variable y = b.variables().get(j);
                if (!x.name().equals(y.name()) || x.action() != y.action() || !java.util.Objects.equals(x.secret(), y.secret())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The reference each adopted variable of {@code file} gets. */
    static Map<String, Reference> references(FilePlan file) {
        Map<String, Reference> out = new LinkedHashMap<>();
        for (Variable v : file.variables()) {
            if (v.action() != Action.KEEP && v.action() != Action.REFUSED) {
                out.put(v.name(), new Reference.ProjectVariable(file.project(), v.name()));
            }
        }
        return out;
    }

    private static List<EnvSource> read(Path root, List<Path> files) {
        List<EnvSource> sources = new ArrayList<>();
        try {
            for (Path file : files) {
                sources.add(EnvSource.read(file, shown(root, file)));
            }
            return sources;
        } catch (RuntimeException e) {
            sources.forEach(EnvSource::close);
            throw e;
        }
    }

    private static String shown(Path root, Path file) {
        Path relative = root.equals(file) ? file.getFileName() : root.relativize(file);
        return relative.toString().isEmpty() ? file.toString() : relative.toString();
    }
}
