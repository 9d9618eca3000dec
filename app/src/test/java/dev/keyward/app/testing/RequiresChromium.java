package dev.keyward.app.testing;

import dev.keyward.automation.browser.ChromiumLocator;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An app test (CLI or desktop) that drives a real Chromium: skipped with a loud message when none is found,
 * failed instead when {@code CI=true} (the automation module has the same rule for its own tests).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresChromium.Condition.class)
public @interface RequiresChromium {

    /** The rule itself. */
    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (ChromiumLocator.forProcess().available()) {
                return ConditionEvaluationResult.enabled("Chromium found");
            }
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but no Chromium was found for " + context.getDisplayName()
                        + ": install chromium or set " + ChromiumLocator.ENV_VARIABLE + ".");
            }
            System.err.println("\n*** SKIPPED browser test " + context.getDisplayName() + ": no Chromium or Chrome found."
                    + " Install one (apt-get install chromium) or set " + ChromiumLocator.ENV_VARIABLE + ". ***\n");
            return ConditionEvaluationResult.disabled("no Chromium found");
        }
    }
}
