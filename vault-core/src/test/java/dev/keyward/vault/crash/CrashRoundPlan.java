package dev.keyward.vault.crash;

import dev.keyward.vault.session.VaultSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the crash writer commits in one round, transaction by transaction, derived from the round
 * and transaction numbers alone, so that the parent can check a killed child's work without
 * asking it anything.
 *
 * <p>Transaction 0 creates the round's project. Odd transactions import two new variables into
 * the project (new secrets and links) and rotate {@link #ROTATED}; even ones add three unlinked
 * secrets and rotate it directly. After transaction {@code n} the rotated secret is at version n.
 */
record CrashRoundPlan(int round) {

    static final String ROTATED = "ROTATED";

    String project() {
        return "crash-r" + round;
    }

    String rotatedSecret() {
        return project() + "/" + ROTATED;
    }

    /** Environment variables a (odd) transaction imports, besides {@link #ROTATED}. */
    List<String> importedVariables(int n) {
        return n % 2 == 1 ? List.of("T" + n + "_A", "T" + n + "_B") : List.of();
    }

    /** Names of the secrets transaction {@code n} creates (the rotated one aside). */
    List<String> newSecrets(int n) {
        if (n == 0) {
            return List.of();
        }
        if (n % 2 == 1) {
            return importedVariables(n).stream().map(v -> project() + "/" + v).toList();
        }
        return List.of(project() + "-t" + n + "-x", project() + "-t" + n + "-y", project() + "-t" + n + "-z");
    }

    String value(int n, String secretName) {
        return "crash-value/" + round + "/" + n + "/" + secretName + "/0123456789";
    }

    String rotatedValue(int version) {
        return "crash-rotated/" + round + "/" + version + "/0123456789";
    }

    /** Commits transaction {@code n}: one database transaction, all or nothing. */
    void write(VaultSession session, int n) {
        if (n == 0) {
            session.projects().create(project(), "crash round " + round);
        } else if (n % 2 == 1) {
            Map<String, char[]> entries = new LinkedHashMap<>();
            for (String variable : importedVariables(n)) {
                entries.put(variable, value(n, project() + "/" + variable).toCharArray());
            }
            entries.put(ROTATED, rotatedValue(n).toCharArray());
            session.projects().importEnv(project(), entries);
        } else {
            session.database().write(c -> {
                for (String name : newSecrets(n)) {
                    session.secrets().addIn(c, name, value(n, name).toCharArray(), null);
                }
                session.secrets().rotateIn(c, rotatedSecret(), rotatedValue(n).toCharArray());
                return null;
            });
        }
    }
}
