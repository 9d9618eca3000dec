package dev.keyward.app.agent;

import dev.keyward.automation.dashboard.DashboardCard;
import dev.keyward.vault.projects.ProjectInfo;
import dev.keyward.vault.projects.ProjectLink;
import dev.keyward.vault.secrets.SecretInfo;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What {@code keyward mcp}'s read tools answer, built from the served session: project and variable
 * names, secrets' names, providers, last four characters, dates and the dashboard's latest health.
 * Metadata only: nothing here reads a value. Fractions travel as text (the protocol's JSON has integers only).
 */
final class ToolData {

    private ToolData() {
    }

    /** Every project with its variables and the secret behind each. */
    static Map<String, Object> projects(ServedSession served) {
        List<Object> projects = new ArrayList<>();
        for (ProjectInfo project : served.session().projects().list()) {
            List<Object> variables = new ArrayList<>();
            for (ProjectLink link : served.session().projects().links(project.name())) {
                variables.add(Map.of("variable", link.envVar(), "secret", link.secretName()));
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", project.name());
            entry.put("description", project.description() == null ? "" : project.description());
            entry.put("variables", variables);
            projects.add(entry);
        }
        return Map.of("projects", projects);
    }

    /** Every secret's metadata and, where the dashboard collected it, the key's latest health. */
    static Map<String, Object> secrets(ServedSession served) {
        Map<String, DashboardCard> cards = served.services().dashboard().overview().stream()
                .collect(Collectors.toMap(DashboardCard::secretId, Function.identity(), (a, b) -> a));
        Instant now = Instant.now();
        List<Object> secrets = new ArrayList<>();
        for (SecretInfo secret : served.session().secrets().list()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", secret.name());
            entry.put("provider", secret.providerSlug() == null ? "" : secret.providerSlug());
            entry.put("last4", secret.last4());
            entry.put("version", (long) secret.version());
            entry.put("createdAt", secret.createdAt());
            entry.put("updatedAt", secret.updatedAt());
            ageInDays(secret.updatedAt(), now).ifPresent(days -> entry.put("valueAgeDays", days));
            entry.put("health", Optional.ofNullable(cards.get(secret.id())).filter(DashboardCard::collected)
                    .map(DashboardCard::health).orElse("not collected"));
            secrets.add(entry);
        }
        return Map.of("secrets", secrets);
    }

    /** The dashboard's latest snapshot of one key; a key without a provider or snapshot says so. */
    static Map<String, Object> health(ServedSession served, String secretName) {
        SecretInfo secret = served.session().secrets().info(secretName);
        Optional<DashboardCard> card = served.services().dashboard().overview().stream()
                .filter(c -> c.secretId().equals(secret.id())).findFirst();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", secret.name());
        data.put("provider", secret.providerSlug() == null ? "" : secret.providerSlug());
        data.put("collected", card.map(DashboardCard::collected).orElse(false));
        if (card.isEmpty() || !card.get().collected()) {
            data.put("note", secret.providerSlug() == null
                    ? "This key has no provider, so the dashboard does not collect its health."
                    : "The dashboard has not collected this key yet.");
            return data;
        }
        DashboardCard c = card.get();
        putText(data, "collectedAt", c.collectedAt());
        putText(data, "health", c.health());
        putText(data, "service", c.service());
        putText(data, "method", c.method());
        putText(data, "status", c.status());
        putText(data, "usagePercent", number(c.usagePercent()));
        if (c.requests() != null) {
            data.put("requests", c.requests());
        }
        if (c.requestLimit() != null) {
            data.put("requestLimit", c.requestLimit());
        }
        putText(data, "cost", number(c.cost()));
        putText(data, "currency", c.currency());
        data.put("warnings", c.warnings());
        putText(data, "error", c.error());
        return data;
    }

    private static void putText(Map<String, Object> data, String name, String value) {
        if (value != null) {
            data.put(name, value);
        }
    }

    private static String number(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static Optional<Long> ageInDays(String timestamp, Instant now) {
        try {
            return Optional.of(Math.max(0, Duration.between(Instant.parse(timestamp), now).toDays()));
        } catch (DateTimeParseException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
