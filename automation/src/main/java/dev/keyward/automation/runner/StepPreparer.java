package dev.keyward.automation.runner;

import com.microsoft.playwright.ElementHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.TimeoutError;
import dev.keyward.automation.browser.NavigationGuard;
import dev.keyward.automation.browser.TargetInspector;
import dev.keyward.automation.program.Placeholder;
import dev.keyward.automation.program.PlaceholderResolutionException;
import dev.keyward.automation.program.PlaceholderResolver;
import dev.keyward.automation.program.PlaceholderScanner;
import dev.keyward.automation.program.Step;

/**
 * Resolves a step's placeholders (never a secret: those wait until the moment of typing) and finds and
 * describes the element it acts on, so the risk rules judge the live page and the action hits exactly that
 * element.
 */
final class StepPreparer {

    private final Page page;
    private final PlaceholderResolver resolver;
    private final NavigationGuard guard;

    StepPreparer(Page page, PlaceholderResolver resolver, NavigationGuard guard) {
        this.page = page;
        this.resolver = resolver;
        this.guard = guard;
    }

    PreparedStep prepare(Step step, int timeoutMs) {
        try {
            return switch (step) {
                case Step.Goto g -> {
                    String url = resolve(g.url());
                    if (!guard.allows(url)) {
                        throw StepFailure.permanent("step '" + g.id() + "': the address's host '"
                                + NavigationGuard.hostOf(url) + "' is not in allowed_domains " + guard.allowedDomains()
                                + "; the navigation was blocked. Add the domain to allowed_domains only if you trust it.");
                    }
                    yield new PreparedStep(null, TargetInspector.destination(url), null, url, null, false);
                }
                case Step.Fill f -> {
                    boolean secret = holdsSecret(f.value());
                    yield element(f, f.selector(), timeoutMs, secret ? null : resolve(f.value()), secret);
                }
                case Step.Click c -> element(c, c.selector(), timeoutMs, null, false);
                case Step.Select s -> element(s, s.selector(), timeoutMs, resolve(s.value()), false);
                case Step.Press p -> p.selector() == null ? focused()
                        : element(p, p.selector(), timeoutMs, null, false);
                case Step.TotpFill t -> element(t, t.selector(), timeoutMs, null, false);
                case Step.WaitFor w -> new PreparedStep(null, TargetInspector.page(page), resolveOrNull(w.selector()),
                        resolveOrNull(w.urlPattern()), null, false);
                case Step.Expect e -> new PreparedStep(null, TargetInspector.page(page), resolveOrNull(e.selector()),
                        null, resolveOrNull(e.value()), false);
                case Step.Extract x -> new PreparedStep(null, TargetInspector.page(page), resolve(x.selector()), null,
                        null, false);
                case Step.Screenshot s -> PreparedStep.none(TargetInspector.page(page));
                case Step.Checkpoint c -> PreparedStep.none(TargetInspector.page(page));
                case Step.HandoffPayment h -> PreparedStep.none(TargetInspector.page(page));
            };
        } catch (PlaceholderResolutionException e) {
            throw StepFailure.permanent("step '" + step.id() + "': " + e.getMessage());
        }
    }

    /** The text with inputs and provider fields filled in; secrets are refused here. */
    String resolve(String template) {
        return resolver.resolve(template);
    }

    private String resolveOrNull(String template) {
        return template == null ? null : resolver.resolve(template);
    }

    private PreparedStep element(Step step, String selectorTemplate, int timeoutMs, String value, boolean secret) {
        String selector = resolve(selectorTemplate);
        ElementHandle element;
        try {
            element = page.locator(selector).elementHandle(new Locator.ElementHandleOptions().setTimeout(timeoutMs));
        } catch (TimeoutError e) {
            throw StepFailure.transientFailure("step '" + step.id() + "' (" + step.type().jsonName()
                    + "): no element matched '" + selector + "' within " + Math.max(1, timeoutMs / 1000)
                    + " seconds; check the selector against the page, or raise timeout_ms.", e);
        } catch (PlaywrightException e) {
            if (e.getMessage() != null && e.getMessage().contains("strict mode violation")) {
                throw StepFailure.permanent("step '" + step.id() + "' (" + step.type().jsonName() + "): '" + selector
                        + "' matches more than one element; make the selector specific to one.");
            }
            throw e;
        }
        EffectInspector.Reading read = EffectInspector.read(page, element, selector, readsPageText(step));
        return new PreparedStep(element, read.target(), selector, null, value, secret, read.effect(), read.pageText());
    }

    /** A key press without a selector lands on whatever has focus. */
    private PreparedStep focused() {
        EffectInspector.Reading read = EffectInspector.focused(page, true);
        return new PreparedStep(null, read.target(), null, null, null, false, read.effect(), read.pageText());
    }

    /** A click or key press may send a form; its checkpoint quotes amounts and plans from the page's text. */
    static boolean readsPageText(Step step) {
        return step instanceof Step.Click || step instanceof Step.Press;
    }

    static boolean holdsSecret(String template) {
        return template != null && PlaceholderScanner.scan(template).placeholders().stream()
                .anyMatch(p -> p instanceof Placeholder.SecretRef);
    }
}
