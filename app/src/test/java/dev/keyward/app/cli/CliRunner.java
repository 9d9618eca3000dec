package dev.keyward.app.cli;

import dev.keyward.app.Main;
import dev.keyward.vault.crypto.Argon2Params;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the CLI in-process against a data folder, with the cheapest KDF Keyward accepts. */
final class CliRunner {

    /** What one command printed and returned. */
    record Result(int code, String out, String err) {
    }

    private final Path dataDir;
    private final Map<String, String> env = new HashMap<>();
    private final List<String> transcript = new ArrayList<>();

    CliRunner(Path dataDir) {
        this.dataDir = dataDir;
    }

    /**
     * A runner over a new profile "work" under {@code dataDir}, created and later unlocked with {@code password}
     * (given as KEYWARD_NEW_PASSWORD and KEYWARD_PASSWORD).
     */
    static CliRunner withProfile(Path dataDir, String password) {
        CliRunner cli = new CliRunner(dataDir).env("KEYWARD_NEW_PASSWORD", password).env("KEYWARD_PASSWORD", password);
        Result created = cli.run("profile", "create", "work");
        if (created.code() != 0) {
            throw new AssertionError("profile create failed (" + created.code() + "): " + created.err());
        }
        return cli;
    }

    CliRunner env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    Result feed(String stdin, String... args) {
        return feedBytes(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    /** Runs with {@code stdin} as the exact bytes of standard input (not necessarily UTF-8). */
    Result feedBytes(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        int code = Main.run(all.toArray(String[]::new),
                new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.copyOf(env), null, Argon2Params.FLOOR);
        Result r = new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        transcript.add(r.out());
        transcript.add(r.err());
        return r;
    }

    Result run(String... args) {
        return feed("", args);
    }

    /** Everything every command printed so far, for leak searches. */
    String transcript() {
        return String.join("\n", transcript);
    }
}
