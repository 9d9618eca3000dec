package dev.keyward.app.cli;

import dev.keyward.automation.demo.DemoWorkspace;
import dev.keyward.automation.runner.ProgramRunner;
import dev.keyward.automation.runner.RunOptions;
import dev.keyward.automation.runner.RunResult;
import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.profile.DataRoot;
import dev.keyward.vault.session.ProfileService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code keyward demo}: a demo profile in its own data folder, Practice Cloud on loopback, the samples imported,
 * and one sample run on this terminal up to its checkpoints. Nothing real is touched.
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

    @Option(names = "--checkpoint-timeout", paramLabel = "SECONDS", description = "No answer within this time rejects (default 300).")
    int checkpointTimeout = (int) RunOptions.DEFAULT_CHECKPOINT_TIMEOUT.toSeconds();

    @Override
    public Integer call() {
        if (!DemoWorkspace.SAMPLES.contains(sample)) {
            throw new InvalidInputException("There is no sample '" + sample + "'; choose one of "
                    + String.join(", ", DemoWorkspace.SAMPLES) + ".");
        }
        Terminal terminal = root.terminal();
        Path folder = demoDir != null ? demoDir.toAbsolutePath().normalize() : root.root().path().resolve("demo");
        ProfileService profiles = new ProfileService(new DataRoot(folder), Clock.systemUTC(), root.kdfParams(), "cli");
        String fromEnv = terminal.env().get("KEYWARD_DEMO_PASSWORD");
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
            RunOptions options = RunOptions.defaults(Map.of()).withHeaded(headed)
                    .withCheckpointTimeout(Duration.ofSeconds(Math.max(1, checkpointTimeout)));
            RunResult result = ProgramRunner.forSession(demo.session()).run(demo.scriptId(sample), options,
                    ScriptCommands.gate(terminal), new CliRunObserver(out));
            out.println();
            out.println("See it again: keyward --data-dir " + folder + " script list   (password as above)");
            return result.status().finished() ? 0 : 1;
        } finally {
            Wipe.chars(password);
        }
    }
}
