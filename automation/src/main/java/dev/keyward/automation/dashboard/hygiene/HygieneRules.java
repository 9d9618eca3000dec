package dev.keyward.automation.dashboard.hygiene;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Turns {@link HygieneFacts} into findings; pure, so every rule is tested without a vault. */
public final class HygieneRules {

    static final int EXPIRY_DAYS = 14;

    private HygieneRules() {
    }

    static List<HygieneFinding> findings(HygieneFacts facts, Instant now, int unusedDays, int spikeFactor) {
        List<HygieneFinding> all = new ArrayList<>();
        for (HygieneFacts.Listed key : facts.inventory()) {
            listedKey(key, facts, now, unusedDays, all);
        }
        for (HygieneFacts.VaultKey key : facts.vaultKeys()) {
            if (!key.listed() && !key.adminKey()) {
                all.add(finding("gone:" + key.providerSlug() + ":" + key.secretId(), HygieneKind.GONE_UPSTREAM, key.providerSlug(),
                        key.secretName(), null, "The " + key.providerSlug() + " organisation no longer lists '" + key.secretName()
                                + "': it was deleted or revoked at the provider. Remove it from the vault or replace it.",
                        rotationActions(facts, key.providerSlug(), key.providerPage())));
            }
        }
        vaultExpiries(facts, now, all);
        spikes(facts, spikeFactor, all);
        retiredModels(facts, all);
        return all.stream().filter(f -> !facts.dismissed().contains(f.key())).toList();
    }

    private static void listedKey(HygieneFacts.Listed key, HygieneFacts facts, Instant now, int unusedDays,
                                  List<HygieneFinding> all) {
        String label = key.secretName() != null ? "'" + key.secretName() + "'"
                : "The " + key.providerSlug() + " key " + describe(key);
        List<HygieneAction> page = List.of(new HygieneAction.OpenProviderPage(key.providerPage()));
        if (!key.status().equals("active")) {
            if (key.secretName() != null) {
                all.add(finding("gone:" + key.providerSlug() + ":" + key.upstreamId(), HygieneKind.GONE_UPSTREAM,
                        key.providerSlug(), key.secretName(), key.upstreamId(), label + " is " + key.status()
                                + " at the provider and no longer works. Remove it from the vault or replace it.",
                        rotationActions(facts, key.providerSlug(), key.providerPage())));
            }
            return;
        }
        if (key.secretName() == null && !key.adminKey()) {
            if (key.candidates() > 1) {
                all.add(finding("unconfirmed:" + key.providerSlug() + ":" + key.upstreamId(), HygieneKind.UNCONFIRMED_MATCH,
                        key.providerSlug(), null, key.upstreamId(), label + " fits " + key.candidates()
                                + " vault keys by its hint; confirm which one it is to see its usage.",
                        List.of(new HygieneAction.ConfirmMatch(key.providerSlug(), key.upstreamId()))));
            } else {
                all.add(finding("unknown:" + key.providerSlug() + ":" + key.upstreamId(), HygieneKind.UNKNOWN_COPY,
                        key.providerSlug(), null, key.upstreamId(), label + " exists at the provider but not in the vault:"
                                + " an unknown copy. Revoke it there if nobody needs it, or add it to the vault.",
                        List.of(new HygieneAction.OpenProviderPage(key.providerPage()),
                                new HygieneAction.ConfirmMatch(key.providerSlug(), key.upstreamId()))));
            }
        }
        Instant since = key.lastUsedAt() != null ? key.lastUsedAt() : key.createdAt();
        if (since != null && Duration.between(since, now).toDays() >= unusedDays) {
            String when = key.lastUsedAt() != null ? "was last used on " + day(key.lastUsedAt())
                    : "was never used since it was created on " + day(key.createdAt());
            all.add(finding("unused:" + key.providerSlug() + ":" + key.upstreamId(), HygieneKind.UNUSED, key.providerSlug(),
                    key.secretName(), key.upstreamId(), label + " " + when + " (more than " + unusedDays
                            + " days ago); it could be revoked.", page));
        }
        if (key.expiresAt() != null && expiresSoon(key.expiresAt(), now)) {
            all.add(finding("expiring:" + key.providerSlug() + ":" + key.upstreamId(), HygieneKind.EXPIRING,
                    key.providerSlug(), key.secretName(), key.upstreamId(), label + " expires on " + day(key.expiresAt()) + ".",
                    rotationActions(facts, key.providerSlug(), key.providerPage())));
        }
    }

    // A vault key the provider's key list already reported as expiring is not named twice.
    private static void vaultExpiries(HygieneFacts facts, Instant now, List<HygieneFinding> all) {
        java.util.Set<String> named = new java.util.HashSet<>();
        all.stream().filter(f -> f.kind() == HygieneKind.EXPIRING && f.secretName() != null)
                .forEach(f -> named.add(f.secretName()));
        for (HygieneFacts.Expiry key : facts.expiries()) {
            if (!expiresSoon(key.expiresAt(), now) || named.contains(key.secretName())) {
                continue;
            }
            String when = key.expiresAt().isAfter(now) ? "expires on " : "expired on ";
            String source = key.reportedByProvider() ? " (as " + key.providerSlug() + " reported at the last refresh)" : "";
            all.add(finding("expiring:" + key.providerSlug() + ":" + key.secretId(), HygieneKind.EXPIRING, key.providerSlug(),
                    key.secretName(), null, "'" + key.secretName() + "' " + when + day(key.expiresAt()) + source
                            + ". Replace it before then.", rotationActions(facts, key.providerSlug(), key.providerPage())));
        }
    }

    private static void spikes(HygieneFacts facts, int factor, List<HygieneFinding> all) {
        Map<List<String>, Map<LocalDate, Double>> series = new LinkedHashMap<>();
        Map<List<String>, String> pages = new LinkedHashMap<>();
        for (HygieneFacts.DailyCost cost : facts.costs()) {
            List<String> scope = List.of(cost.providerSlug(), cost.scopeId(), cost.currency());
            series.computeIfAbsent(scope, s -> new TreeMap<>()).merge(cost.day(), cost.amount(), Double::sum);
            pages.put(scope, cost.usagePage());
        }
        series.forEach((scope, daily) -> {
            for (SpendSpikes.Spike spike : SpendSpikes.find(daily, factor)) {
                String where = scope.get(1).isEmpty() ? "the organisation" : scope.get(1);
                all.add(finding("spike:" + scope.get(0) + ":" + scope.get(1) + ":" + spike.day(), HygieneKind.SPEND_SPIKE,
                        scope.get(0), null, where + " " + spike.day(), String.format(Locale.ROOT,
                                "Spend at %s for %s on %s was %.2f %s, more than %d times the trailing median of %.2f %s.",
                                scope.get(0), where, spike.day(), spike.amount(), scope.get(2), factor, spike.median(),
                                scope.get(2)), List.of(new HygieneAction.OpenProviderPage(pages.get(scope)))));
            }
        });
    }

    private static void retiredModels(HygieneFacts facts, List<HygieneFinding> all) {
        for (HygieneFacts.Deprecation deprecation : facts.deprecations()) {
            List<HygieneFacts.ModelUse> uses = facts.usedModels().stream()
                    .filter(u -> u.providerId().equals(deprecation.providerId())).toList();
            Set<String> named = RetiredModels.named(deprecation.title() + "\n" + deprecation.text(),
                    uses.stream().map(HygieneFacts.ModelUse::model).distinct().toList());
            for (String model : named) {
                String keys = uses.stream().filter(u -> u.model().equals(model)).map(HygieneFacts.ModelUse::keyLabel)
                        .distinct().sorted().collect(Collectors.joining(", "));
                LocalDate last = uses.stream().filter(u -> u.model().equals(model)).map(HygieneFacts.ModelUse::lastDay)
                        .max(Comparator.naturalOrder()).orElseThrow();
                all.add(finding("retired:" + deprecation.id() + ":" + model, HygieneKind.RETIRED_MODEL_IN_USE,
                        deprecation.providerSlug(), null, model, "\"" + deprecation.title() + "\" retires " + model
                                + ", which " + keys + " used as recently as " + last + ". Move those callers to another model.",
                        List.of()));
            }
        }
    }

    /**
     * The urgency each deprecation finding rises to because a key still uses a model it retires: critical when
     * the model was used in the last 7 days, else action needed.
     */
    static Map<String, String> urgencyRaises(HygieneFacts facts, LocalDate today) {
        Map<String, String> raises = new LinkedHashMap<>();
        for (HygieneFacts.Deprecation deprecation : facts.deprecations()) {
            List<HygieneFacts.ModelUse> uses = facts.usedModels().stream()
                    .filter(u -> u.providerId().equals(deprecation.providerId())).toList();
            Set<String> named = RetiredModels.named(deprecation.title() + "\n" + deprecation.text(),
                    uses.stream().map(HygieneFacts.ModelUse::model).distinct().toList());
            uses.stream().filter(u -> named.contains(u.model())).map(HygieneFacts.ModelUse::lastDay)
                    .max(Comparator.naturalOrder())
                    .ifPresent(last -> raises.put(deprecation.id(),
                            last.isAfter(today.minusDays(7)) ? "critical" : "action_needed"));
        }
        return raises;
    }

    private static List<HygieneAction> rotationActions(HygieneFacts facts, String slug, String page) {
        List<HygieneAction> actions = new ArrayList<>(facts.rotationScripts().getOrDefault(slug, List.of()));
        actions.add(0, new HygieneAction.OpenProviderPage(page));
        return actions;
    }

    private static HygieneFinding finding(String key, HygieneKind kind, String slug, String secretName, String subject,
                                          String sentence, List<HygieneAction> actions) {
        List<HygieneAction> withDismiss = new ArrayList<>(actions);
        withDismiss.add(new HygieneAction.Dismiss(key));
        return new HygieneFinding(key, kind, slug, secretName, subject, sentence, withDismiss);
    }

    private static String describe(HygieneFacts.Listed key) {
        String name = key.name() != null ? "\"" + key.name() + "\" " : "";
        return name + "(" + (key.hint() != null ? key.hint() : key.upstreamId()) + ")";
    }

    private static boolean expiresSoon(Instant expiresAt, Instant now) {
        return expiresAt.isBefore(now.plus(Duration.ofDays(EXPIRY_DAYS)));
    }

    private static String day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }
}
