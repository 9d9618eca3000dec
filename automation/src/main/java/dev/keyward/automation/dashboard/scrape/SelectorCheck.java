package dev.keyward.automation.dashboard.scrape;

import dev.keyward.automation.dashboard.ProviderSelector;
import java.util.List;

/** Hears which selectors a scrape found on the page and which no longer match (drift). */
@FunctionalInterface
public interface SelectorCheck {

    /**
     * Called once per scrape that reached the dashboard page.
     *
     * @param matched figure selectors found on the page
     * @param broken  figure selectors not found: the page changed
     */
    void checked(ScrapePlan plan, List<ProviderSelector> matched, List<ProviderSelector> broken);
}
