package dev.keyward.app.cli;

import dev.keyward.automation.practice.PracticeCloudMain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keyward practice serve}: Practice Cloud, the local practice provider, in the foreground. */
@Command(name = "practice", description = "Practice Cloud: a local fake provider for demos and tests.",
        subcommands = PracticeCommands.Serve.class)
public final class PracticeCommands {

    @Command(name = "serve", description = "Serve Practice Cloud on 127.0.0.1; prints its base URL on the first line.")
    static final class Serve implements Callable<Integer> {
        @Option(names = "--port", paramLabel = "N", description = "Port (default: a free one).")
        Integer port;

        @Option(names = "--totp-seed", paramLabel = "BASE32", description = "Require a TOTP code at sign-in.")
        String totpSeed;

        @Override
        public Integer call() throws Exception {
            List<String> args = new ArrayList<>();
            if (port != null) {
                args.add("--port");
                args.add(port.toString());
            }
            if (totpSeed != null) {
                args.add("--totp-seed");
                args.add(totpSeed);
            }
            PracticeCloudMain.main(args.toArray(String[]::new));
            return 0;
        }
    }
}
