package dev.keyward.app.cli;

import dev.keyward.app.child.ChildValues;
import dev.keyward.vault.secrets.SecretService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code keyward run --project P -- CMD ARGS...}: runs a program with the project's secrets in
 * its environment. The program is executed directly (a shell only with --shell), values never
 * appear on a command line, and the program's exit code becomes Keyward's. {@code --env-file},
 * {@code --watch} and the watch's stamps are handled by {@link ReferencedRun}.
 */
@Command(name = "run", description = "Run a program with a project's secrets (--project), a dotenv file's "
        + "values with keyward:// references resolved (--env-file), or both, as environment variables.")
public final class RunCommand implements Callable<Integer> {

    @ParentCommand
    KeywardCommand root;

    @Option(names = "--project", paramLabel = "P", description = "The project whose variables the program gets.")
    String project;

    @Option(names = "--env-file", paramLabel = "FILE", description = "A dotenv file (read as 'env import' reads one) "
            + "whose values may hold keyward:// references; with --project too, the file wins a name both define.")
    Path envFile;

    @Option(names = "--watch", description = "Restart the program when a value it was given changes (SIGTERM, the "
            + "grace period, SIGKILL); stop it, with exit code 4, when one of its secrets is deleted. Its output is masked "
            + "as usual, and on a terminal each program runs on a new pseudo-terminal as in any run.")
    boolean watch;

    @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "10s", converter = GraceConverter.class,
            description = "With --watch: how long the program has to stop after SIGTERM (default ${DEFAULT-VALUE}).")
    Duration grace;

    /** What a watching client asks the agent for: each variable's stamp, never a value. */
    @Option(names = "--print-stamps", hidden = true)
    boolean printStamps;

    @Option(names = "--shell", description = "Run the command line through /bin/sh -c (cmd /c on Windows).")
    boolean shell;

    @Option(names = "--password-stdin", description = "Read the password from the first line of stdin "
            + "(the rest of stdin goes to the program).")
    boolean passwordStdin;

    @Option(names = "--quiet", description = "Do not print the one-line notice about a provider's incident.")
    boolean quiet;

    @Option(names = "--no-masking", description = "Do not conceal the injected values in the program's output "
            + "(by default each value of 6 or more characters, and its common encodings, is shown as <concealed by keyward>, "
            + "also across line breaks and colour codes; a guard against accidents, not against a program that means to leak).")
    boolean noMasking;

    @Parameters(paramLabel = "CMD", arity = "1..*", description = "The program and its arguments, after --.")
    List<String> command;

    @Override
    public Integer call() {
        if (project == null && envFile == null) {
            throw new CliUsageException("Name the variables the program gets: --project P, --env-file FILE, or both.");
        }
        if (envFile != null || watch || printStamps) {
            return new ReferencedRun(this).call();
        }
        Map<String, char[]> env;
        try (OpenSession open = root.open(passwordStdin)) {
            env = open.session().projects().environment(project, SecretService.Purpose.INJECT);
            if (!quiet) {
                IncidentNotice.print(open.services().dashboard(), project, root.terminal().err());
            }
        }
        return root.children().start(commandLine(), ChildValues.taking(env, List.of(), !noMasking));
    }

    List<String> commandLine() {
        if (!shell) {
            return command;
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase().contains("win");
        List<String> out = new ArrayList<>(windows ? List.of("cmd", "/c") : List.of("/bin/sh", "-c"));
        out.add(String.join(" ", command));
        return out;
    }
}
