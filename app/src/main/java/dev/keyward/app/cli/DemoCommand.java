package dev.keyward.app.cli;

import dev.keyward.app.Desktop;
import dev.keyward.automation.demo.DemoWorkspace;
import dev.keyward.automation.runner.ProgramRunner;
import dev.keyward.automation.runner.RunOptions;
import dev.keyward.automation.runner.RunResult;
import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.process.ChildEnvironment;
import dev.keyward.vault.profile.DataRoot;
import dev.keyward.vault.session.ProfileService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code keyward demo}: a demo profile in its own data folder, Practice Cloud on loopback, the samples imported,
 * and one sample run on this terminal up to its checkpoints, or ({@code --open}) the desktop app on the demo.
 * Nothing real is touched.
 */
@Command(name = "demo", description = "Try Keyward's automation against Practice Cloud, a local fake provider.")
public final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    KeywardCommand root;

    @Option(names = "--demo-dir", paramLabel = "DIR", description = "Data folder of the demo (default: <data-dir>/demo).")
    Path demoDir;

    @Option(names = "--sample", paramLabel = "FILE", description = "Sample to run (default: set-billing-cap.json; "
            + "also read-usage-dashboard.json, rotate-api-key.json, buy-credits.json).")
    String sample = "set-billing-cap.json";

    @Option(names = "--port", paramLabel = "N", description = "Practice Cloud's port (default: a free one).")
    int port;

    @Option(names = "--headed", description = "Show the browser window.")
    boolean headed;

    @Option(names = "--open", description = "Open the desktop app on the demo instead of running a sample here;"
            + " Practice Cloud keeps running until you quit the app.")
    boolean open;

    @Option(names = "--checkpoint-timeout", paramLabel = "SECONDS", description = "No answer within this time rejects (default 300).")
    int checkpointTimeout = (int) RunOptions.DEFAULT_CHECKPOINT_TIMEOUT.toSeconds();

    @Override
    public Integer call() {
        if (!DemoWorkspace.SAMPLES.contains(sample)) {
            throw new InvalidInputException("There is no sample '" + sample + "'; choose one of "
                    + String.join(", ", DemoWorkspace.SAMPLES) + ".");
        }
        Terminal terminal = root.terminal();
        if (open && !displayAvailable(terminal.env())) {
            throw new InvalidInputException("--open needs a desktop display and none was found (DISPLAY and"
                    + " WAYLAND_DISPLAY are unset); run 'keyward demo' without --open to watch the run on this terminal.");
        }
        Path folder = demoDir != null ? demoDir.toAbsolutePath().normalize() : root.root().path().resolve("demo");
        ProfileService profiles = root.profiles(new DataRoot(folder));
        String fromEnv = terminal.env().get(ChildEnvironment.DEMO_PASSWORD);
        char[] password = (fromEnv != null && !fromEnv.isBlank() ? fromEnv : DemoWorkspace.DEFAULT_PASSWORD).toCharArray();
        try (DemoWorkspace demo = DemoWorkspace.prepare(profiles, password, port)) {
            var out = terminal.out();
            out.println("Keyward demo");
            out.println("  data folder    " + folder + (demo.createdProfile() ? " (new)" : " (reused)"));
            out.println("  profile        " + DemoWorkspace.PROFILE + ", password "
                    + (fromEnv != null ? "from KEYWARD_DEMO_PASSWORD" : "'" + DemoWorkspace.DEFAULT_PASSWORD + "'"));
            out.println("  Practice Cloud " + demo.cloud().baseUrl() + " (a fake provider on this machine)");
            out.println("  samples        " + String.join(", ", DemoWorkspace.SAMPLES));
            out.println("  secret         practice-cloud-password (the practice account's password)");
            out.println();
            if (open) {
                out.println("Opening the desktop app on " + folder + ": unlock profile '" + DemoWorkspace.PROFILE
                        + "' with the password above, choose Automation, select a sample and press Run.");
                out.println("Practice Cloud runs until you quit the app.");
                out.flush();
                return Desktop.launch(folder);
            }
            RunOptions options = RunOptions.defaults(Map.of()).withHeaded(headed)
                    .withCheckpointTimeout(Duration.ofSeconds(Math.max(1, checkpointTimeout)));
            RunResult result = ProgramRunner.forSession(demo.session()).run(demo.scriptId(sample), options,
                    ScriptCommands.gate(terminal), new CliRunObserver(out));
            out.println();
            out.println("See it again: keyward --data-dir " + folder + " script list   (password as above)");
            if (displayAvailable(terminal.env())) {
                out.println("Watch it in the desktop app: keyward demo --open"
                        + (demoDir != null ? " --demo-dir " + folder : ""));
            }
            return result.status().finished() ? 0 : 1;
        } finally {
            Wipe.chars(password);
        }
    }

    /** Whether a desktop window can open: always on macOS and Windows, with an X11 or Wayland display elsewhere. */
    static boolean displayAvailable(Map<String, String> env) {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("mac") || os.contains("win")) {
            return true;
        }
        return notBlank(env.get("DISPLAY")) || notBlank(env.get("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
