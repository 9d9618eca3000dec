package dev.keyward.automation.program;

import java.util.Arrays;
import java.util.Optional;

/** The provider fields a program may refer to as {@code {{provider.FIELD}}}. */
public enum ProviderField {
    DASHBOARD_URL("dashboard_url"),
    API_BASE_URL("api_base_url"),
    WEBSITE("website"),
    NAME("name"),
    SLUG("slug");

    private final String jsonName;

    ProviderField(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The FIELD part of the placeholder. */
    public String jsonName() {
        return jsonName;
    }

    public static Optional<ProviderField> fromJsonName(String value) {
        return Arrays.stream(values()).filter(f -> f.jsonName.equals(value)).findFirst();
    }
}
