package dev.keyward.vault;

import java.util.Locale;

/**
 * One fact an error states (what it names, counts or points at); never a secret value.
 *
 * <p>A sentence template refers to a fact by its lower-case name in braces, as in
 * {@code "No secret named '{secret}'."}.
 */
public enum Fact {
    PROFILE, SECRET, PROJECT, PROVIDER, SCRIPT, FINDING, RECOMMENDATION, SETTING, SOURCE, SELECTOR,
    FIELD, PATH, COUNT, CODE, DETAIL;

    /** The placeholder a template writes for this fact. */
    public String placeholder() {
        return "{" + name().toLowerCase(Locale.ROOT) + "}";
    }
}
