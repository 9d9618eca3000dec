package dev.keyward.automation.dashboard.admin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches a provider's key inventory to vault secrets: a match confirmed by hand wins; otherwise a key
 * matches the one vault secret whose value fits its redacted hint (prefix and tail), provided no other
 * provider key fits that secret too. Anything ambiguous stays unmatched and is reported as a collision,
 * so a wrong guess never attaches one key's usage to another.
 */
public final class InventoryMatcher {

    private InventoryMatcher() {
    }

    /**
     * @param inventory     the provider's keys
     * @param vaultSecrets  ids of the vault secrets of that provider (admin keys excluded)
     * @param confirmations upstream id to secret id, confirmed by hand
     * @param check         whether a secret fits a hint
     */
    public static List<KeyMatch> match(List<InventoryKey> inventory, Collection<String> vaultSecrets,
                                       Map<String, String> confirmations, HintCheck check) {
        Set<String> vault = new HashSet<>(vaultSecrets);
        Set<String> confirmedSecrets = new HashSet<>();
        confirmations.forEach((upstream, secret) -> {
            if (vault.contains(secret)) {
                confirmedSecrets.add(secret);
            }
        });
        Map<String, List<String>> candidatesByKey = new HashMap<>();
        Map<String, Integer> keysPerSecret = new HashMap<>();
        for (InventoryKey key : inventory) {
            List<String> candidates = new ArrayList<>();
            if (key.hint() != null && !confirmedHere(key, confirmations, vault)) {
                for (String secret : vault) {
                    if (!confirmedSecrets.contains(secret) && check.fits(secret, key.hint())) {
                        candidates.add(secret);
                    }
                }
            }
            candidatesByKey.put(key.upstreamId(), candidates);
            candidates.forEach(secret -> keysPerSecret.merge(secret, 1, Integer::sum));
        }
        List<KeyMatch> matches = new ArrayList<>(inventory.size());
        for (InventoryKey key : inventory) {
            if (confirmedHere(key, confirmations, vault)) {
                matches.add(new KeyMatch(key, confirmations.get(key.upstreamId()), "confirmed", 1));
                continue;
            }
            List<String> candidates = candidatesByKey.get(key.upstreamId());
            if (candidates.size() == 1 && keysPerSecret.get(candidates.get(0)) == 1) {
                matches.add(new KeyMatch(key, candidates.get(0), "hint", 1));
            } else if (candidates.size() == 1) {
                // Another provider key fits the same vault secret: two keys share prefix and tail.
                matches.add(new KeyMatch(key, null, null, keysPerSecret.get(candidates.get(0))));
            } else {
                matches.add(new KeyMatch(key, null, null, candidates.size()));
            }
        }
        return matches;
    }

    private static boolean confirmedHere(InventoryKey key, Map<String, String> confirmations, Set<String> vault) {
        String secret = confirmations.get(key.upstreamId());
        return secret != null && vault.contains(secret);
    }
}
