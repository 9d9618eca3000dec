package dev.keyward.app.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.child.OutputMask;
import dev.keyward.vault.crypto.Argon2Params;
import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.process.ChildEnvironment;
import dev.keyward.vault.profile.DataRoot;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyward run} as a real CLI JVM with its output on pipes (no terminal), directly and through a
 * running agent: a child that prints its key raw and in every common encoding, in pieces and in colour,
 * shows only {@code <concealed by keyward>}; {@code --no-masking} shows the key; a short value is left.
 */
class RunMaskingProcessTest {

    static final String PASSWORD = "run-masking-password-3";
    /** Characters that URL and JSON encodings change: a plus, a slash, a space, a quote, a backslash, an é. */
    static final String CANARY = "kw+Canary/7Qx9 \"z\\é-Lm2";
    static final String SHORT = "ab1Z9";
    private static final String MASK = OutputMask.CONCEALED;

    @TempDir
    Path data;

    private record Run(int code, String out, String err) {
    }

    static void createProfile(Path data) {
        createProfile(data, Map.of());
    }

    /** The profile with API_TOKEN and PIN linked to project "app", plus {@code more} (name to value) linked too. */
    static void createProfile(Path data, Map<String, String> more) {
        ProfileService profiles = new ProfileService(new DataRoot(data), Clock.systemUTC(), Argon2Params.FLOOR, "cli");
        try (Password password = Password.copyOf(PASSWORD.toCharArray())) {
            ProfileService.Created created = profiles.create("work", password);
            created.recoveryCode().close();
            try (VaultSession session = profiles.unlock(created.profile(), password)) {
                session.secrets().add("API_TOKEN", CANARY.toCharArray(), null);
                session.secrets().add("PIN", SHORT.toCharArray(), null);
                session.projects().create("app", null);
                session.projects().link("app", "API_TOKEN", "API_TOKEN");
                session.projects().link("app", "PIN", "PIN");
                for (Map.Entry<String, String> secret : more.entrySet()) {
                    session.secrets().add(secret.getKey(), secret.getValue().toCharArray(), null);
                    session.projects().link("app", secret.getKey(), secret.getKey());
                }
            }
        }
    }

    /** A shell script printing $API_TOKEN in every form (the URL and JSON forms come as arguments $1..$3). */
    static String printingScript() {
        return String.join("\n",
                "printf 'raw %s\\n' \"$API_TOKEN\"",
                "printf 'err %s\\n' \"$API_TOKEN\" >&2",
                "printf 'b64 %s\\n' \"$(printf %s \"$API_TOKEN\" | base64 -w0)\"",
                "printf 'b64url %s\\n' \"$(printf %s \"$API_TOKEN\" | base64 -w0 | tr '+/' '-_' | tr -d =)\"",
                "printf 'inside %s\\n' \"$(printf 'header.%s.trailer' \"$API_TOKEN\" | base64 -w0)\"",
                "printf 'inside1 %s\\n' \"$(printf 'x%s' \"$API_TOKEN\" | base64 -w0)\"",
                "printf 'hex %s\\n' \"$(printf %s \"$API_TOKEN\" | od -An -tx1 | tr -d ' \\n')\"",
                "printf 'HEX %s\\n' \"$(printf %s \"$API_TOKEN\" | od -An -tx1 | tr -d ' \\n' | tr a-f A-F)\"",
                "printf 'url %s\\n' \"$1\"",
                "printf 'urllower %s\\n' \"$2\"",
                "printf '{\"json\":\"%s\"}\\n' \"$3\"",
                "printf 'split '; printf %s \"$API_TOKEN\" | head -c 9; sleep 0.3; printf %s \"$API_TOKEN\" | tail -c +10; echo",
                "printf 'colour \\033[1;31m%s\\033[0m\\n' \"$API_TOKEN\"",
                "printf 'wrapped\\n'; printf %s \"$API_TOKEN\" | base64 -w 16",
                "printf 'rainbow %s\\033[31m%s\\n' \"$(printf %s \"$API_TOKEN\" | head -c 9)\" \"$(printf %s \"$API_TOKEN\" | tail -c +10)\"",
                "printf 'short %s\\n' \"$PIN\"",
                "exit 7");
    }

    static List<String> printingArguments() {
        String url = URLEncoder.encode(CANARY, StandardCharsets.UTF_8);
        StringBuilder lower = new StringBuilder(url);
        for (int i = url.indexOf('%'); i >= 0; i = url.indexOf('%', i + 1)) {
            lower.replace(i + 1, i + 3, url.substring(i + 1, i + 3).toLowerCase());
        }
        String json = CANARY.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/");
        return List.of(url, lower.toString(), json);
    }

    /** Every form the script prints, for the search of what must not show. */
    static List<String> forms() {
        byte[] raw = CANARY.getBytes(StandardCharsets.UTF_8);
        List<String> args = printingArguments();
        String b64 = Base64.getEncoder().encodeToString(raw);
        return List.of(CANARY, b64, b64.substring(0, 16), b64.substring(16), Base64.getUrlEncoder().withoutPadding().encodeToString(raw),
                HexFormat.of().formatHex(raw), HexFormat.of().withUpperCase().formatHex(raw),
                args.get(0), args.get(1), args.get(2), CANARY.substring(0, 9) + CANARY.substring(9));
    }

    private Run keyward(Map<String, String> env, String... args) throws Exception {
        return started(env, args).finish(args);
    }

    /** A keyward JVM under way, its output going to files until it ends. */
    private record Started(Process process, Path out, Path err) {
        Run finish(String... args) throws Exception {
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "keyward " + String.join(" ", args) + " ended");
            Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return run;
        }
    }

    private Started started(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder builder = ChildEnvironment.processBuilder(CliJvm.command(data, args))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(CliJvm.environment(env));
        Path out = Files.createTempFile(data, "out", ".txt");
        Path err = Files.createTempFile(data, "err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        return new Started(builder.start(), out, err);
    }

    private Run run(boolean agent, String... options) throws Exception {
        List<String> args = new java.util.ArrayList<>();
        if (!agent) {
            args.add("--no-agent");
        }
        args.addAll(List.of("run", "--project", "app"));
        args.addAll(List.of(options));
        args.addAll(List.of("--", "/bin/sh", "-c", printingScript(), "sh"));
        args.addAll(printingArguments());
        return keyward(agent ? Map.of() : Map.of("KEYWARD_PASSWORD", PASSWORD), args.toArray(String[]::new));
    }

    private static void assertMasked(Run run) {
        assertEquals(7, run.code(), run.err());
        for (String form : forms()) {
            assertFalse(run.out().contains(form) || run.err().contains(form), "a form of the value showed: " + form
                    + "\n" + run.out());
        }
        for (String label : List.of("raw ", "b64 ", "b64url ", "hex ", "HEX ", "url ", "urllower ", "split ")) {
            assertTrue(run.out().contains("\n" + label + MASK + "\n") || run.out().startsWith(label + MASK + "\n"),
                    label + "in:\n" + run.out());
        }
        assertTrue(run.out().contains("{\"json\":\"" + MASK + "\"}"), run.out());
        assertTrue(run.out().contains("colour \u001b[1;31m" + MASK + "\u001b[0m\n"), run.out());
        assertTrue(run.out().contains("\nwrapped\n" + MASK + "\n"), "base64 wrapped at 16 columns:\n" + run.out());
        assertTrue(run.out().contains("\nrainbow " + MASK + "\u001b[31m\n"), "a colour code inside the value:\n" + run.out());
        assertTrue(run.out().contains("short " + SHORT + "\n"), "a value shorter than 6 characters is shown");
        assertTrue(run.err().contains("err " + MASK + "\n"), run.err());
        for (String label : List.of("inside ", "inside1 ")) {
            String line = run.out().lines().filter(l -> l.startsWith(label)).findFirst().orElseThrow();
            assertTrue(line.contains(MASK), line);
        }
    }

    @Test
    void theDirectPathConcealsTheValueInEveryFormOnBothStreams() throws Exception {
        createProfile(data);
        assertMasked(run(false));
    }

    @Test
    void withNoMaskingTheDirectPathShowsTheValue() throws Exception {
        createProfile(data);
        Run run = run(false, "--no-masking");
        assertEquals(7, run.code(), run.err());
        assertTrue(run.out().contains("raw " + CANARY + "\n") && run.err().contains("err " + CANARY + "\n"), run.out());
        assertFalse(run.out().contains(MASK));
    }

    @Test
    void aWatchedRunAndAnEnvFileRunMaskAsAnyRunAndHonourNoMasking() throws Exception {
        createProfile(data);
        String envFile = Files.writeString(data.resolve(".env.keyward"), "API_TOKEN=keyward://projects/app/API_TOKEN\n")
                .toString();
        // The script ends by itself with 7, which ends a watched run too.
        assertMasked(run(false, "--watch"));
        assertMasked(run(false, "--env-file", envFile));
        for (List<String> options : List.of(List.of("--watch", "--no-masking"), List.of("--env-file", envFile, "--no-masking"))) {
            Run plain = run(false, options.toArray(String[]::new));
            assertEquals(7, plain.code(), plain.err());
            assertTrue(plain.out().contains("raw " + CANARY + "\n"), options + ": " + plain.out());
            assertFalse(plain.out().contains(MASK), options + ": " + plain.out());
        }
    }

    /** A child that takes the password out of a URL, as a database driver does, and prints it and the URL. */
    private Run embeddedRun(boolean agent, String... options) throws Exception {
        String envFile = Files.writeString(data.resolve(".env.embedded"),
                "DATABASE_URL=postgres://u@db.example/app?password=keyward://projects/app/API_TOKEN&sslmode=require\n").toString();
        String script = String.join("\n",
                "p=${DATABASE_URL#*password=}; p=${p%&sslmode=require}",
                "printf 'bare %s\\n' \"$p\"",
                "printf 'err %s\\n' \"$p\" >&2",
                "printf 'url %s\\n' \"$DATABASE_URL\"",
                "exit 7");
        List<String> args = new java.util.ArrayList<>();
        if (!agent) {
            args.add("--no-agent");
        }
        args.addAll(List.of("run", "--env-file", envFile));
        args.addAll(List.of(options));
        args.addAll(List.of("--", "/bin/sh", "-c", script));
        return keyward(agent ? Map.of() : Map.of("KEYWARD_PASSWORD", PASSWORD), args.toArray(String[]::new));
    }

    private static void assertSecretConcealed(Run run) {
        assertEquals(7, run.code(), run.err());
        assertFalse(run.out().contains(CANARY) || run.err().contains(CANARY), "the secret showed:\n" + run.out());
        assertTrue(run.out().contains("bare " + MASK + "\n"), run.out());
        assertTrue(run.err().contains("err " + MASK + "\n"), run.err());
        String url = run.out().lines().filter(l -> l.startsWith("url ")).findFirst().orElseThrow();
        assertTrue(url.contains(MASK), url);
    }

    @Test
    void aSecretInsideALargerValueIsConcealedAloneDirectlyAndThroughTheAgent() throws Exception {
        createProfile(data);
        assertSecretConcealed(embeddedRun(false));
        assertEquals(0, keyward(Map.of("KEYWARD_PASSWORD", PASSWORD), "agent", "start", "--idle-timeout", "10m").code());
        try {
            assertSecretConcealed(embeddedRun(true));
        } finally {
            keyward(Map.of(), "agent", "stop");
        }
    }

    @Test
    void aWatchedRunConcealsASecretInsideALargerValueDirectlyAndThroughTheAgent() throws Exception {
        createProfile(data);
        // The script ends by itself with 7, which ends the watched run too.
        assertSecretConcealed(embeddedRun(false, "--watch"));
        assertEquals(0, keyward(Map.of("KEYWARD_PASSWORD", PASSWORD), "agent", "start", "--idle-timeout", "10m").code());
        try {
            assertSecretConcealed(embeddedRun(true, "--watch"));
        } finally {
            keyward(Map.of(), "agent", "stop");
        }
    }

    /**
     * A watched run of a program that prints the secret inside its URL, whose secret is rotated while it
     * runs: the first program and the restarted one (with the new secret) both show it concealed.
     */
    private Run rotatedWatch(boolean agent) throws Exception {
        String envFile = Files.writeString(data.resolve(".env.rotated"),
                "DATABASE_URL=postgres://u@db.example/app?password=keyward://projects/app/API_TOKEN&sslmode=require\n")
                .toString();
        Path starts = data.resolve("starts-" + agent);
        String script = String.join("\n",
                "n=$(cat '" + starts + "' 2>/dev/null || echo 0); n=$((n + 1))",
                "p=${DATABASE_URL#*password=}; p=${p%&sslmode=require}",
                "printf 'bare %s\\n' \"$p\"",
                "printf 'err %s\\n' \"$p\" >&2",
                "printf 'url %s\\n' \"$DATABASE_URL\"",
                "echo \"$n\" > '" + starts + "'",
                "[ \"$n\" -ge 2 ] && exit 7",
                "while :; do sleep 0.1; done");
        List<String> args = new java.util.ArrayList<>();
        if (!agent) {
            args.add("--no-agent");
        }
        args.addAll(List.of("run", "--env-file", envFile, "--watch", "--grace", "2s", "--", "/bin/sh", "-c", script));
        String[] argv = args.toArray(String[]::new);
        Started run = started(agent ? Map.of() : Map.of("KEYWARD_PASSWORD", PASSWORD), argv);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.exists(starts) && run.process().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        rotate(ROTATED);
        return run.finish(argv);
    }

    /** Gives API_TOKEN a new version holding {@code value}, as a rotation in the app would. */
    private void rotate(String value) {
        ProfileService profiles = new ProfileService(new DataRoot(data), Clock.systemUTC(), Argon2Params.FLOOR, "cli");
        try (Password password = Password.copyOf(PASSWORD.toCharArray());
             VaultSession session = profiles.unlock(profiles.resolve("work"), password)) {
            session.secrets().rotate("API_TOKEN", value.toCharArray());
        }
    }

    /** The value API_TOKEN is rotated to while a watched run uses it. */
    static final String ROTATED = "kw-Rotated/9Pq3 new-Zx8";

    private static void assertBothSecretsConcealed(Run run) {
        assertEquals(7, run.code(), run.err());
        for (String secret : List.of(CANARY, ROTATED)) {
            assertFalse(run.out().contains(secret) || run.err().contains(secret), "a secret showed:\n" + run.out());
        }
        assertEquals(2, run.out().lines().filter(("bare " + MASK)::equals).count(), run.out());
        assertEquals(2, run.err().lines().filter(("err " + MASK)::equals).count(), run.err());
        assertEquals(2, run.out().lines().filter(l -> l.startsWith("url ") && l.contains(MASK)).count(), run.out());
        assertTrue(run.err().contains("DATABASE_URL changed; restarting the program"), run.err());
    }

    @Test
    void aRestartedWatchConcealsTheRotatedSecretInsideALargerValueDirectlyAndThroughTheAgent() throws Exception {
        createProfile(data);
        assertBothSecretsConcealed(rotatedWatch(false));
        rotate(CANARY); // the agent's run starts from the first value again
        assertEquals(0, keyward(Map.of("KEYWARD_PASSWORD", PASSWORD), "agent", "start", "--idle-timeout", "10m").code());
        try {
            assertBothSecretsConcealed(rotatedWatch(true));
        } finally {
            keyward(Map.of(), "agent", "stop");
        }
    }

    @Test
    void throughTheAgentTheClientConcealsTheValueAndNoMaskingReachesIt() throws Exception {
        createProfile(data);
        assertEquals(0, keyward(Map.of("KEYWARD_PASSWORD", PASSWORD), "agent", "start", "--idle-timeout", "10m").code());
        try {
            assertMasked(run(true));
            Run plain = run(true, "--no-masking");
            assertEquals(7, plain.code(), plain.err());
            assertTrue(plain.out().contains("raw " + CANARY + "\n"), plain.out());
        } finally {
            keyward(Map.of(), "agent", "stop");
        }
    }
}
