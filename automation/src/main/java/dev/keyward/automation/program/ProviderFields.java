package dev.keyward.automation.program;

import java.util.Optional;

/** The provider record's fields that {@code {{provider.FIELD}}} can name; any may be null. */
public record ProviderFields(String name, String slug, String website, String dashboardUrl, String apiBaseUrl) {

    public Optional<String> value(ProviderField field) {
        return Optional.ofNullable(switch (field) {
            case NAME -> name;
            case SLUG -> slug;
            case WEBSITE -> website;
            case DASHBOARD_URL -> dashboardUrl;
            case API_BASE_URL -> apiBaseUrl;
        });
    }
}
