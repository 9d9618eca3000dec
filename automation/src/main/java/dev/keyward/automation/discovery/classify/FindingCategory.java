package dev.keyward.automation.discovery.classify;

import java.util.Locale;

/** What kind of provider change a finding reports; the names match seed 002's {@code discovery_findings.category}. */
public enum FindingCategory {
    CAPABILITY_CHANGE,
    PRICING_UPDATE,
    DEPRECATION,
    SECURITY_ADVISORY,
    NEW_ALTERNATIVE,
    SERVICE_MODIFICATION;

    /** The stored enum string, e.g. {@code pricing_update}. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
