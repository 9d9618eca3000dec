package dev.keyward.automation.browser;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs {@link RequiresChromium} tests when a browser is found; skips loudly, or fails on CI, when not. */
public final class ChromiumCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        ChromiumLocator locator = ChromiumLocator.forProcess();
        if (locator.available()) {
            return ConditionEvaluationResult.enabled("Chromium: " + locator.locate().path());
        }
        String what = context.getDisplayName();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but no Chromium was found for " + what
                    + ": install chromium or set " + ChromiumLocator.ENV_VARIABLE + ".");
        }
        System.err.println("""

                ************************************************************************
                SKIPPED browser test %s: no Chromium or Chrome found.
                Install one (apt-get install chromium) or set %s to run it.
                ************************************************************************
                """.formatted(what, ChromiumLocator.ENV_VARIABLE));
        return ConditionEvaluationResult.disabled("no Chromium found");
    }
}
