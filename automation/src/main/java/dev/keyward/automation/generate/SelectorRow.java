package dev.keyward.automation.generate;

/**
 * The newest version of one {@code provider_selectors} row: where a page shows one kind of data.
 *
 * @param dataType           e.g. {@code usage_requests}, {@code config_region}
 * @param selectorType       {@code css}, {@code xpath} or {@code json_path}
 * @param selectorValue      the selector itself
 * @param verificationStatus {@code verified}, {@code unverified} or {@code broken}
 * @param version            the row's version
 */
public record SelectorRow(String dataType, String selectorType, String selectorValue, String verificationStatus,
        int version) {

    /** Whether a browser step can use it: CSS or XPath, and not known to be broken. */
    public boolean usableOnPage() {
        return !"broken".equals(verificationStatus)
                && ("css".equals(selectorType) || "xpath".equals(selectorType));
    }

    /** The selector as Playwright reads it (XPath needs its prefix). */
    public String playwrightSelector() {
        return "xpath".equals(selectorType) && !selectorValue.startsWith("xpath=") ? "xpath=" + selectorValue
                : selectorValue;
    }
}
