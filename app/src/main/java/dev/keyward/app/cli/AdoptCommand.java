package dev.keyward.app.cli;

import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.adopt.AdoptOptions;
import dev.keyward.vault.adopt.AdoptPlan;
import dev.keyward.vault.adopt.AdoptService;
import dev.keyward.vault.env.DotenvKeys;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code keyward adopt PATH}: moves the values of the {@code .env} files under PATH into the vault and
 * leaves references files in their place (see {@link AdoptService} for the order of steps and how a
 * stopped run is resumed).
 *
 * <p>Test hook: with the JVM system property {@code keyward.test.adoptPauseAt=STEP} (IMPORTED, COMMITTED, BACKED_UP
 * or REPLACED, optionally {@code STEP:N} for the N-th time it is reached), the command prints
 * {@code adopt paused at STEP} on stderr and waits forever there, so a test can kill it at that point.
 * Without the property (the launcher never sets it) the hook does nothing.
 */
@Command(name = "adopt", description = {"Move the values of the .env files under PATH into the vault, and replace "
        + "each file with references (KEY=keyward://projects/P/KEY) that 'keyward run --env-file' reads to the "
        + "same values.",
        "Shows per file what it would import (new secret, copy of a secret, conflict) and asks first. Each file's "
        + "original is kept in an encrypted backup. Templates (.env.example, .sample, .template, .dist) and files "
        + "that hold references only are left alone."})
public final class AdoptCommand implements Callable<Integer> {

    /** The system property of the test hook described on the class. */
    static final String PAUSE_PROPERTY = "keyward.test.adoptPauseAt";

    @ParentCommand
    KeywardCommand root;

    @Parameters(paramLabel = "PATH", description = "A folder to search for .env files, or one .env file.")
    Path path;

    @Option(names = "--project", paramLabel = "NAME", description = "Project for .env (default: the folder's "
            + "name); a variant .env.X goes to NAME.X.")
    String project;

    @Option(names = "--dry-run", description = "Show what would be done; change nothing.")
    boolean dryRun;

    @Option(names = {"--yes", "-y"}, description = "Adopt without asking (conflicts then need --on-conflict).")
    boolean yes;

    @Option(names = "--on-conflict", paramLabel = "vault|file", description = "Which value wins when the vault "
            + "holds another value for a variable: vault (the file's goes to the backup only) or file (it becomes "
            + "the secret's new version; the old one stays in its history).")
    String onConflict;

    @Option(names = "--keep", paramLabel = "VAR", split = ",", description = "Leave these variables in the files "
            + "as written (not secret, such as PORT).")
    List<String> keep = List.of();

    @Option(names = "--restore", description = "Put back the original of the adopted file PATH from its newest "
            + "encrypted backup (its values return to the file as plain text; the vault keeps them too).")
    boolean restore;

    @Option(names = "--password-stdin")
    boolean passwordStdin;

    @Override
    public Integer call() {
        Terminal t = root.terminal();
        if (restore) {
            return restore(t);
        }
        AdoptOptions options = new AdoptOptions(project, Set.copyOf(keep), winner(onConflict), java.util.Map.of());
        Path target = root.resolve(path).normalize();
        try (OpenSession open = root.open(passwordStdin)) {
            AdoptService adopt = open.services().adopt();
            AdoptPlan plan = adopt.plan(target, options);
            print(plan, t);
            if (!plan.refusals().isEmpty()) {
                AdoptPlan.FilePlan file = plan.files().stream()
                        .filter(f -> f.variables().stream().anyMatch(v -> v.action() == AdoptPlan.Action.REFUSED))
                        .findFirst().orElseThrow();
                AdoptPlan.Variable v = file.variables().stream()
                        .filter(x -> x.action() == AdoptPlan.Action.REFUSED).findFirst().orElseThrow();
                throw new InvalidInputException("Nothing was adopted: " + file.shown() + ", line " + v.line() + ": "
                        + DotenvKeys.shown(v.name()) + " " + DotenvKeys.masked(v.detail())
                        + (v.detail().contains("project name") ? " with --project" : "")
                        + (v.detail().contains("keep it in the file") ? " (--keep " + v.name() + ")" : "") + ".");
            }
            if (plan.isEmpty()) {
                t.out().println("Nothing to adopt under " + target + ".");
                return 0;
            }
            if (dryRun) {
                t.out().println("Dry run: nothing was written." + (plan.conflicts().isEmpty() ? ""
                        : " Adopting needs a choice for each conflict: --on-conflict vault|file, or answer when asked."));
                return 0;
            }
            options = decideConflicts(plan, options, t);
            if (!yes && !t.confirm("Adopt " + plan.files().size() + (plan.files().size() == 1 ? " file" : " files")
                    + ": import the values and replace the files with references?")) {
                throw new CliUsageException(t.interactive() ? "Nothing was adopted."
                        : "No terminal to ask on: pass --yes to adopt without asking (or --dry-run to see the plan)."
                        + " Nothing was adopted.");
            }
            AdoptService.Result result = adopt.adopt(plan, options, new PauseHook(t));
            for (AdoptPlan.FilePlan file : plan.files()) {
                if (result.replaced().contains(file.file())) {
                    t.out().println("Replaced " + file.shown() + " with references to project '" + file.project() + "'.");
                }
            }
            result.leftAlone().forEach(s -> t.err().println("Left alone: " + s.shown() + ": " + s.reason() + "."));
            t.out().println("The originals are kept encrypted in the profile's backups folder (adopt --restore FILE"
                    + " puts one back). Run programs with: keyward run --env-file FILE -- COMMAND");
            return result.leftAlone().isEmpty() ? 0 : 1;
        }
    }

    private int restore(Terminal t) {
        Path target = root.resolve(path).normalize();
        try (OpenSession open = root.open(passwordStdin)) {
            if (!yes && !t.confirm("Put back the original of " + target + " from its backup? Its values return to the"
                    + " file as plain text")) {
                throw new CliUsageException(t.interactive() ? "Nothing was put back."
                        : "No terminal to ask on: pass --yes to put it back without asking. Nothing was put back.");
            }
            Path copy = open.services().adopt().restore(target);
            t.out().println("Put back the original of " + target + " from the backup " + copy.getFileName() + ".");
            return 0;
        }
    }

    /** Asks about each conflict on the terminal; with --yes or without a terminal, a conflict needs --on-conflict. */
    private AdoptOptions decideConflicts(AdoptPlan plan, AdoptOptions options, Terminal t) {
        if (plan.conflicts().isEmpty() || options.onConflict() != null) {
            return options;
        }
        if (yes || !t.interactive()) {
            throw new CliUsageException("Nothing was adopted: " + plan.conflicts().size() + (plan.conflicts().size() == 1
                    ? " variable holds" : " variables hold") + " another value in the vault ("
                    + plan.conflicts().stream().map(AdoptPlan.Variable::name).collect(Collectors.joining(", "))
                    + "). Say which wins with --on-conflict vault or --on-conflict file.");
        }
        AdoptOptions chosen = options;
        for (AdoptPlan.FilePlan file : plan.files()) {
            for (AdoptPlan.Variable v : file.variables()) {
                if (v.action() == AdoptPlan.Action.CONFLICT) {
                    boolean fileWins = t.confirm(file.shown() + ": " + v.name() + ": " + v.detail()
                            + ". Take the file's value (the vault's stays in the secret's history)? No keeps the vault's");
                    chosen = chosen.choosing(file.project(), v.name(), fileWins ? AdoptPlan.Winner.FILE : AdoptPlan.Winner.VAULT);
                }
            }
        }
        return chosen;
    }

    private static AdoptPlan.Winner winner(String text) {
        if (text == null) {
            return null;
        }
        return switch (text) {
            case "vault" -> AdoptPlan.Winner.VAULT;
            case "file" -> AdoptPlan.Winner.FILE;
            default -> throw new CliUsageException("--on-conflict takes vault or file.");
        };
    }

    static void print(AdoptPlan plan, Terminal t) {
        for (AdoptPlan.FilePlan file : plan.files()) {
            t.out().println(file.shown() + "  -> project '" + file.project() + "'"
                    + (file.projectExists() ? "" : " (new project)"));
            for (AdoptPlan.Variable v : file.variables()) {
                String word = switch (v.action()) {
                    case NEW -> "new     ";
                    case COPY -> "copy    ";
                    case UNCHANGED -> "in vault";
                    case CONFLICT -> "CONFLICT";
                    case KEEP -> "keep    ";
                    case REFUSED -> "REFUSED ";
                };
                t.out().println(DotenvKeys.masked("  " + word + "  " + DotenvKeys.shown(v.name()) + "  (line " + v.line()
                        + ": " + v.detail() + ")"));
            }
            file.repeatedKeys().forEach((key, lines) -> t.out().println("  note: " + DotenvKeys.shown(key) + " is defined "
                    + lines.size() + " times (lines " + lines.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + "): each definition becomes the reference; the last one's value is imported, as dotenv reads it."));
        }
        for (AdoptPlan.Skipped s : plan.skipped()) {
            t.out().println(s.shown() + "  left alone: " + s.reason() + ".");
        }
    }

    /** The test hook of the class comment; inert unless its system property is set. */
    private static final class PauseHook implements AdoptService.Progress {
        private final Terminal terminal;
        private final String step;
        private final int times;
        private int seen;

        PauseHook(Terminal terminal) {
            this.terminal = terminal;
            String wanted = System.getProperty(PAUSE_PROPERTY);
            int colon = wanted == null ? -1 : wanted.indexOf(':');
            this.step = colon < 0 ? wanted : wanted.substring(0, colon);
            this.times = colon < 0 ? 1 : Integer.parseInt(wanted.substring(colon + 1));
        }

        @Override
        public void reached(AdoptService.Step reached, Path file) {
            if (step == null || !step.equals(reached.name()) || ++seen != times) {
                return;
            }
            terminal.err().println("adopt paused at " + reached.name());
            terminal.err().flush();
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
