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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The child process of {@link TornLogTailCrashTest}: commits a small {@code .env} import (printing
 * {@code committed small}), then imports {@link #KEYS} variables in one transaction, large enough to
 * spill from SQLite's page cache into the write-ahead log before it commits ({@code committed large}).
 */
public final class ImportWriterMain {

    static final String KEYS = "KEYWARD_IMPORT_KEYS";
    static final int SMALL = 50;

    private ImportWriterMain() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        try {
            ProfileService service = new ProfileService(new DataRoot(Path.of(env(CrashWriterMain.DATA))),
                    Clock.systemUTC(), Argon2Params.FLOOR, "cli");
            ProfileSummary profile = service.resolve(env(CrashWriterMain.PROFILE));
            String round = env(CrashWriterMain.ROUND);
            int keys = Integer.parseInt(env(KEYS));
            try (VaultSession session = service.open(profile, HexFormat.of().parseHex(env(CrashWriterMain.KEY)))) {
                session.projects().create(smallProject(round), null);
                session.projects().importEnv(smallProject(round), entries(round, SMALL));
                out.println("committed small");
                out.flush();
                session.projects().create(largeProject(round), null);
                session.projects().importEnv(largeProject(round), entries(round, keys));
                out.println("committed large");
                out.flush();
                Thread.sleep(Long.MAX_VALUE); // killed by the parent
            }
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
    }

    static String smallProject(String round) {
        return "small-" + round;
    }

    static String largeProject(String round) {
        return "large-" + round;
    }

    static String value(String round, int i) {
        return "import-value/" + round + "/" + i + "/0123456789abcdef0123456789abcdef";
    }

    static Map<String, char[]> entries(String round, int count) {
        Map<String, char[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            entries.put("VAR_" + i, value(round, i).toCharArray());
        }
        return entries;
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }
}
