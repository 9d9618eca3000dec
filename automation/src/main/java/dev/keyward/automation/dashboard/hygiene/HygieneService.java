package dev.keyward.automation.dashboard.hygiene;

import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.NotFoundException;
import dev.keyward.vault.secrets.SecretInfo;
import dev.keyward.vault.session.VaultSession;
import dev.keyward.vault.settings.Setting;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The key-hygiene report of an unlocked profile, and the changes it offers: dismissing a finding and
 * confirming which vault key a provider key is. The report is a read (it works on a read-only vault and
 * never enables the automation schema); raising the urgency of each deprecation finding whose retired
 * model a key still uses is the write {@link #raiseUrgencies()}, which each dashboard refresh makes.
 */
public final class HygieneService {

    /**
     * The report: findings in order of kind, how many were dismissed, whether any provider's inventory is known at
     * all, and the deprecation findings whose urgency the key's model use raises (stored by the refreshes).
     */
    public record Report(List<HygieneFinding> findings, int dismissed, boolean inventoryKnown, List<String> raisedFindings) {
        public Report {
            findings = List.copyOf(findings);
            raisedFindings = List.copyOf(raisedFindings);
        }
    }

    private final VaultSession session;
    private final Supplier<Set<String>> adminSecretIds;
    private final HygieneQuery query;

    /**
     * @param adminSecretIds the ids of the vault's admin keys (marked by hand or by format), asked at each report
     */
    public HygieneService(VaultSession session, Supplier<Set<String>> adminSecretIds) {
        this.session = Objects.requireNonNull(session, "session");
        this.adminSecretIds = Objects.requireNonNull(adminSecretIds, "adminSecretIds");
        this.query = new HygieneQuery(session.profileId());
    }

    /** The report as of now; empty while the automation schema is not enabled (nothing was ever read). */
    public Report report() {
        if (!session.automationEnabled()) {
            return new Report(List.of(), 0, false, List.of());
        }
        Instant now = session.clock().instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Set<String> admins = adminSecretIds.get();
        int unusedDays = setting(Setting.HYGIENE_UNUSED_DAYS, 90);
        int factor = setting(Setting.HYGIENE_SPIKE_FACTOR, 3);
        HygieneFacts facts = session.database().read(c -> query.read(c, today, admins));
        List<HygieneFinding> findings = HygieneRules.findings(facts, now, unusedDays, factor).stream()
                .sorted(java.util.Comparator.comparing(HygieneFinding::kind)).toList();
        boolean known = !facts.inventory().isEmpty() || !facts.vaultKeys().isEmpty();
        return new Report(findings, facts.dismissed().size(), known,
                List.copyOf(HygieneRules.urgencyRaises(facts, today).keySet()));
    }

    /**
     * Raises the urgency of each deprecation finding whose retired model a key still uses (critical when used in
     * the last week), in one transaction with an audit row per raised finding; returns the raised findings' ids.
     * Nothing happens while the automation schema is not enabled.
     */
    public List<String> raiseUrgencies() {
        if (!session.automationEnabled()) {
            return List.of();
        }
        LocalDate today = LocalDate.ofInstant(session.clock().instant(), ZoneOffset.UTC);
        return session.database().write(c -> {
            // Which vault keys are admin keys plays no part in a deprecation's urgency, so none are asked for.
            Map<String, String> raises = HygieneRules.urgencyRaises(query.read(c, today, Set.of()), today);
            List<String> raised = new java.util.ArrayList<>();
            for (Map.Entry<String, String> raise : raises.entrySet()) {
                if (query.raiseUrgency(c, raise.getKey(), raise.getValue())) {
                    raised.add(raise.getKey());
                    session.audit().record(c, "dashboard", "hygiene_urgency", "discovery_finding", raise.getKey(),
                            Map.of("urgency", raise.getValue()));
                }
            }
            return raised;
        });
    }

    /** Hides a finding by its key; an unknown key is refused and changes nothing. */
    public void dismiss(String findingKey) {
        Report current = report();
        if (current.findings().stream().noneMatch(f -> f.key().equals(findingKey))) {
            throw new NotFoundException("No open key-hygiene finding has the key '" + findingKey + "'.");
        }
        session.database().write(c -> {
            query.dismiss(c, findingKey, session.clock().instant());
            session.audit().record(c, "dashboard", "hygiene_dismiss", "profile", session.profileId(),
                    Map.of("finding", findingKey));
            return null;
        });
    }

    /** Confirms that the provider key {@code upstreamId} of {@code providerSlug} is the vault secret {@code secretName}. */
    public void confirmMatch(String providerSlug, String upstreamId, String secretName) {
        session.enableAutomation();
        session.database().write(c -> {
            String providerId = session.providers().requireId(c, providerSlug);
            SecretInfo secret = session.secrets().require(c, secretName);
            if (!providerSlug.equals(secret.providerSlug())) {
                throw new InvalidInputException("Secret '" + secret.name() + "' belongs to "
                        + (secret.providerSlug() == null ? "no provider" : secret.providerSlug()) + ", not " + providerSlug
                        + "; nothing was changed.");
            }
            var repository = new dev.keyward.automation.dashboard.store.AdminRepository(session.profileId());
            if (!repository.listed(c, providerId, upstreamId)) {
                throw new NotFoundException("The " + providerSlug + " key list read at the last refresh has no key '"
                        + upstreamId + "'.");
            }
            repository.confirm(c, providerId, upstreamId, secret.id(), session.clock().instant());
            session.audit().record(c, "dashboard", "key_match_confirm", "secret", secret.id(),
                    Map.of("provider", providerSlug, "provider_key_id", upstreamId));
            return null;
        });
    }

    private int setting(Setting setting, int fallback) {
        Object value = session.settings().values().get(setting);
        return value instanceof Number number ? number.intValue() : fallback;
    }
}
