package dev.keyward.vault.crash;

import dev.keyward.vault.crypto.Argon2Params;
import dev.keyward.vault.profile.DataRoot;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;

/**
 * The child process of {@link CrashSafetyTest}: opens a profile with a key the parent already
 * unwrapped and commits the round's transactions until it is killed, printing
 * {@code committed <n>} after each commit has returned.
 */
public final class CrashWriterMain {

    static final String DATA = "KEYWARD_CRASH_DATA";
    static final String PROFILE = "KEYWARD_CRASH_PROFILE";
    static final String KEY = "KEYWARD_CRASH_KEY";
    static final String ROUND = "KEYWARD_CRASH_ROUND";

    private CrashWriterMain() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        try {
            ProfileService service = new ProfileService(new DataRoot(Path.of(env(DATA))), Clock.systemUTC(),
                    Argon2Params.FLOOR, "cli");
            ProfileSummary profile = service.resolve(env(PROFILE));
            CrashRoundPlan plan = new CrashRoundPlan(Integer.parseInt(env(ROUND)));
            try (VaultSession session = service.open(profile, HexFormat.of().parseHex(env(KEY)))) {
                out.println("ready");
                out.flush();
                for (int n = 0; ; n++) {
                    plan.write(session, n);
                    out.println("committed " + n);
                    out.flush();
                }
            }
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }
}
