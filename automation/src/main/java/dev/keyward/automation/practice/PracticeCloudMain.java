package dev.keyward.automation.practice;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * Runs Practice Cloud in the foreground ({@code --port N}, {@code --totp-seed BASE32}); the first line of
 * standard output is the base URL. Stop it with Ctrl+C or by ending the process.
 */
public final class PracticeCloudMain {

    private PracticeCloudMain() {
    }

    /** Starts the server and blocks until the process is stopped. */
    public static void main(String[] args) throws IOException, InterruptedException {
        int port = 0;
        String totpSeed = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = parsePort(value(args, ++i, "--port"));
                case "--totp-seed" -> totpSeed = value(args, ++i, "--totp-seed");
                case "--help", "-h" -> {
                    System.out.println("Usage: practice-cloud [--port N] [--totp-seed BASE32]");
                    return;
                }
                default -> usageError("Unknown option " + args[i] + ".");
            }
        }
        PracticeState state = new PracticeState();
        if (totpSeed != null) {
            try {
                state.account().enableTotp(totpSeed);
            } catch (IllegalArgumentException e) {
                usageError(e.getMessage());
            }
        }
        PracticeCloud cloud = PracticeCloud.start(port, state);
        System.out.println(cloud.baseUrl());
        System.out.println("Sign in as " + state.account().username() + " with password "
                + PracticeAccount.DEFAULT_PASSWORD + (totpSeed != null ? " and a TOTP code" : "")
                + " (practice values, nothing real).");
        System.out.println("Press Ctrl+C to stop.");
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cloud.close();
            stopped.countDown();
        }, "practice-cloud-shutdown"));
        stopped.await();
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            usageError(option + " needs a value.");
        }
        return args[index];
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        usageError("The port must be a number between 0 and 65535.");
        return -1;
    }

    private static void usageError(String message) {
        System.err.println(message + " Usage: practice-cloud [--port N] [--totp-seed BASE32]");
        System.exit(2);
    }
}
