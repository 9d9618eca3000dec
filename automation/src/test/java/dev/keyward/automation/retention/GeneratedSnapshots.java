package dev.keyward.automation.retention;

import dev.keyward.vault.io.Timestamps;
import dev.keyward.vault.session.VaultSession;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Fills a vault with keys and dashboard snapshots from a seeded random source: every status and
 * health, usage with and without a percent, costs in two currencies, ties in collected_at. Rows go
 * in with one prepared batch per transaction, fast enough for a million.
 */
public final class GeneratedSnapshots {

    private static final String[] STATUS = {"success", "success", "success", "partial", "failed"};
    private static final String[] HEALTH = {"valid", "valid", "valid", "degraded", "outage", "invalid", "unknown"};

    private GeneratedSnapshots() {
    }

    /** Adds {@code count} keys of provider {@code slug} in one transaction and returns their ids. */
    public static List<String> keys(VaultSession session, String prefix, int count, String slug) {
        return session.database().write(c -> {
            List<String> ids = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                char[] value = String.format(Locale.ROOT, "%s-generated-key-value-%06d", prefix, i).toCharArray();
                ids.add(session.secrets().addIn(c, String.format(Locale.ROOT, "%s-%04d", prefix, i), value, slug).id());
            }
            return ids;
        });
    }

    /**
     * Inserts {@code perKey} snapshots for each key, {@code step} apart ending at {@code end}, with
     * about one in 20 sharing its time with the previous one.
     */
    public static long snapshots(VaultSession session, List<String> secretIds, int perKey, Instant end, Duration step,
                                 long seed) {
        return snapshots(session, secretIds, perKey, end, step, seed, false);
    }

    /**
     * As {@link #snapshots(VaultSession, List, int, Instant, Duration, long)}; with {@code roundByRound} the rows go
     * in as refreshes write them (every key's snapshot of one round, then the next round), so the table and its ids
     * are in time order with the keys interleaved, instead of one key's snapshots after another's.
     */
    public static long snapshots(VaultSession session, List<String> secretIds, int perKey, Instant end, Duration step,
                                 long seed, boolean roundByRound) {
        Random random = new Random(seed);
        String providerId = session.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT provider_id FROM secrets WHERE id = ?")) {
                ps.setString(1, secretIds.get(0));
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        // A big page cache while generating (the default 2 MiB makes each insert decrypt random pages); reset after.
        setCacheKib(session, 262_144);
        long inserted = 0;
        int perTransaction = 20_000;
        List<Object[]> pending = new ArrayList<>(perTransaction);
        Instant[] times = new Instant[secretIds.size()];
        java.util.Arrays.fill(times, end.minus(step.multipliedBy(perKey)));
        int outer = roundByRound ? perKey : secretIds.size();
        int inner = roundByRound ? secretIds.size() : perKey;
        for (int o = 0; o < outer; o++) {
            for (int n = 0; n < inner; n++) {
                int k = roundByRound ? n : o;
                String secretId = secretIds.get(k);
                if (random.nextInt(20) != 0) {
                    times[k] = times[k].plus(step);
                }
                Instant at = times[k];
                // Ids ascend like time-ordered UUIDs, so a million inserts append instead of splitting random pages.
                String id = new UUID((seed & 0xFFFFL) << 48 | (inserted + pending.size() + 1) << 16 | 0x7000L,
                        random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L).toString();
                pending.add(new Object[] {id, secretId, Timestamps.format(at),
                        STATUS[random.nextInt(STATUS.length)], HEALTH[random.nextInt(HEALTH.length)], usage(random)});
                if (pending.size() == perTransaction) {
                    inserted += flush(session, providerId, pending);
                }
            }
        }
        inserted += flush(session, providerId, pending);
        setCacheKib(session, 2_000);
        return inserted;
    }

    private static void setCacheKib(VaultSession session, int kib) {
        session.database().write(c -> {
            try (var statement = c.createStatement()) {
                statement.execute("PRAGMA cache_size = -" + kib);
            }
            return null;
        });
    }

    private static String usage(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> "{\"requests\":" + random.nextInt(1000) + "}";
            case 2 -> String.format(Locale.ROOT, "{\"usage_percent\":%.3f,\"cost\":%.2f,\"currency\":\"USD\"}",
                    random.nextDouble() * 120, random.nextDouble() * 500);
            default -> String.format(Locale.ROOT, "{\"requests\":%d,\"limit\":1000,\"cost\":%.2f,\"currency\":\"EUR\"}",
                    random.nextInt(1000), random.nextDouble() * 50);
        };
    }

    private static long flush(VaultSession session, String providerId, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        int n = session.database().write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO dashboard_snapshots (id, profile_id, secret_id, provider_id, collected_at,
                        collection_method, collection_status, usage_stats_json, health_status, service_status)
                    VALUES (?, ?, ?, ?, ?, 'api', ?, ?, ?, 'operational')""")) {
                for (Object[] row : rows) {
                    ps.setString(1, (String) row[0]);
                    ps.setString(2, session.profileId());
                    ps.setString(3, (String) row[1]);
                    ps.setString(4, providerId);
                    ps.setString(5, (String) row[2]);
                    ps.setString(6, (String) row[3]);
                    ps.setString(7, (String) row[5]);
                    ps.setString(8, (String) row[4]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return rows.size();
        });
        rows.clear();
        return n;
    }
}
