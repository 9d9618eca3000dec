package dev.keyward.automation.runner;

import com.microsoft.playwright.ElementHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.keyward.automation.program.CardNumbers;
import dev.keyward.automation.program.CredentialLiteralDetector;
import dev.keyward.automation.program.PlaceholderResolver;
import dev.keyward.automation.program.Step;
import dev.keyward.automation.program.Totp;
import dev.keyward.automation.program.WaitState;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.secrets.SecretInfo;
import dev.keyward.vault.secrets.SecretService;
import dev.keyward.vault.session.VaultSession;
import java.time.Instant;

/**
 * The Playwright side of each step type: one method per kind of action, on an element the runner has already
 * inspected and, where needed, had approved. Values read into secrets go straight into the vault.
 */
final class StepExecutor {

    /** How a step that ran ended: completed, or done but for a human to look at. */
    record Done(StepStatus status, String note) {
        static final Done COMPLETED = new Done(StepStatus.COMPLETED, null);
    }

    private static final int POLL_MS = 100;

    private final Page page;
    private final PlaceholderResolver resolver;
    private final VaultSession session;
    private final String providerSlug;
    private final ExecutionRecorder recorder;
    private final DebugScreenshots screenshots;

    StepExecutor(Page page, PlaceholderResolver resolver, VaultSession session, String providerSlug,
            ExecutionRecorder recorder, DebugScreenshots screenshots) {
        this.page = page;
        this.resolver = resolver;
        this.session = session;
        this.providerSlug = providerSlug;
        this.recorder = recorder;
        this.screenshots = screenshots;
    }

    Page page() {
        return page;
    }

    /** Runs a prepared step; {@code modifiedValue} is what a human put in place of the step's value, or null. */
    Done act(Step step, PreparedStep prepared, String modifiedValue, int timeoutMs) {
        return switch (step) {
            case Step.Goto g -> {
                page.navigate(prepared.url());
                yield Done.COMPLETED;
            }
            case Step.Fill f -> {
                fill(f, prepared, modifiedValue);
                yield Done.COMPLETED;
            }
            case Step.Click c -> {
                prepared.element().click();
                yield Done.COMPLETED;
            }
            case Step.Select s -> {
                prepared.element().selectOption(modifiedValue != null ? modifiedValue : prepared.value());
                yield Done.COMPLETED;
            }
            case Step.Press p -> {
                if (prepared.element() != null) {
                    prepared.element().press(p.key());
                } else {
                    page.keyboard().press(p.key());
                }
                yield Done.COMPLETED;
            }
            case Step.WaitFor w -> {
                waitFor(w, prepared, timeoutMs);
                yield Done.COMPLETED;
            }
            case Step.Expect e -> expect(e, prepared, timeoutMs);
            case Step.Extract x -> extract(x, prepared);
            case Step.Screenshot s -> {
                String path = screenshots.store(recorder.executionId(), recorder.screenshotCount() + 1, s.name(),
                        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)));
                recorder.screenshot(s.id(), s.name(), path, false);
                yield Done.COMPLETED;
            }
            case Step.TotpFill t -> {
                totp(t, prepared.element());
                yield Done.COMPLETED;
            }
            // Both stop before acting: the runner handles them before it gets here.
            case Step.Checkpoint c -> Done.COMPLETED;
            case Step.HandoffPayment h -> Done.COMPLETED;
        };
    }

    /** Re-types a human's changed value into the field a gated click or checkpoint will submit. */
    void refill(String selector, String value) {
        page.locator(selector).fill(value);
    }

    private void fill(Step.Fill step, PreparedStep prepared, String modifiedValue) {
        if (modifiedValue != null) {
            prepared.element().fill(modifiedValue);
        } else if (!prepared.valueHasSecret()) {
            prepared.element().fill(prepared.value());
        } else {
            char[] value = resolver.resolveWithSecrets(step.value());
            try {
                if (CardNumbers.containsCardNumber(value)) {
                    throw new CardNumberRefused(step.id(), "the value resolved from the vault");
                }
                // Playwright takes a String; it lives only for this call and is never logged or stored.
                prepared.element().fill(new String(value));
            } finally {
                Wipe.chars(value);
            }
        }
    }

    private void waitFor(Step.WaitFor step, PreparedStep prepared, int timeoutMs) {
        if (prepared.selector() == null) {
            page.waitForURL(prepared.url(), new Page.WaitForURLOptions().setTimeout(timeoutMs));
            return;
        }
        WaitState state = step.state() == null ? WaitState.VISIBLE : step.state();
        WaitForSelectorState wanted = switch (state) {
            case VISIBLE -> WaitForSelectorState.VISIBLE;
            case HIDDEN -> WaitForSelectorState.HIDDEN;
            case ATTACHED -> WaitForSelectorState.ATTACHED;
        };
        page.locator(prepared.selector()).first().waitFor(new Locator.WaitForOptions().setState(wanted)
                .setTimeout(timeoutMs));
    }

    private Done expect(Step.Expect step, PreparedStep prepared, int timeoutMs) {
        switch (step.kind()) {
            case URL -> page.waitForURL(prepared.value(), new Page.WaitForURLOptions().setTimeout(timeoutMs));
            case VISIBLE -> page.locator(prepared.selector()).first().waitFor(new Locator.WaitForOptions()
                    .setState(WaitForSelectorState.VISIBLE).setTimeout(timeoutMs));
            case TEXT -> expectText(step, prepared, timeoutMs);
        }
        return Done.COMPLETED;
    }

    private void expectText(Step.Expect step, PreparedStep prepared, int timeoutMs) {
        Locator target = page.locator(prepared.selector()).first();
        target.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED).setTimeout(timeoutMs));
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (true) {
            String text = target.innerText();
            if (text != null && text.contains(prepared.value())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                // The page's text is not quoted: it could hold anything, including a key.
                throw StepFailure.transientFailure("step '" + step.id() + "': the text of '" + prepared.selector()
                        + "' does not contain '" + prepared.value() + "' after " + timeoutMs / 1000
                        + " seconds; check the page or the expected value.", null);
            }
            page.waitForTimeout(POLL_MS);
        }
    }

    private Done extract(Step.Extract step, PreparedStep prepared) {
        Locator target = page.locator(prepared.selector());
        String raw = step.attribute() != null ? target.getAttribute(step.attribute()) : target.innerText();
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            throw StepFailure.transientFailure("step '" + step.id() + "': '" + prepared.selector() + "' has no "
                    + (step.attribute() != null ? "attribute '" + step.attribute() + "'" : "text") + " to read.", null);
        }
        return switch (step.into()) {
            case dev.keyward.automation.program.ExtractTarget.Secret secret -> {
                int version = storeSecret(secret.name(), value);
                recorder.secretStored(step.id(), secret.name(), version);
                yield new Done(StepStatus.COMPLETED, "stored in the vault as secret '" + secret.name() + "' (version "
                        + version + ")");
            }
            case dev.keyward.automation.program.ExtractTarget.Output output -> {
                if (looksSecret(value)) {
                    yield new Done(StepStatus.NEEDS_REVIEW, "the value read looks like a secret, so it was not kept"
                            + " as output '" + output.name() + "'; extract it into a secret instead");
                }
                recorder.output(output.name(), value);
                yield Done.COMPLETED;
            }
        };
    }

    /**
     * Whether a value read for an output must be withheld: a vault value or known key format (the redactor),
     * a provider's key format, or a long random-looking token.
     */
    private boolean looksSecret(String value) {
        return !recorder.redact(value).equals(value) || CredentialLiteralDetector.looksLikeCredential(value)
                || session.providers().detect(value.toCharArray()).isPresent();
    }

    /** Adds the secret, or rotates it to a new version when the name exists; the value never leaves the vault. */
    private int storeSecret(String name, String value) {
        char[] chars = value.toCharArray();
        try {
            SecretService secrets = session.secrets();
            boolean exists = session.database().read(c -> secrets.findByNameIn(c, name) != null);
            SecretInfo stored = exists ? secrets.rotate(name, chars) : secrets.add(name, chars, providerSlug);
            return stored.version();
        } finally {
            Wipe.chars(chars);
        }
    }

    private void totp(Step.TotpFill step, ElementHandle element) {
        char[] seed;
        try {
            seed = session.secrets().reveal(step.secretName(), SecretService.Purpose.INJECT);
        } catch (dev.keyward.vault.NotFoundException e) {
            throw StepFailure.permanent("step '" + step.id() + "': the TOTP seed secret '" + step.secretName()
                    + "' is not in the vault; add a secret of that name.");
        }
        try {
            element.fill(Totp.codeFromBase32(seed, Instant.now(session.clock()), step.digitsOrDefault(),
                    step.algorithmOrDefault()));
        } catch (IllegalArgumentException e) {
            throw StepFailure.permanent("step '" + step.id() + "': the secret '" + step.secretName()
                    + "' is not a valid base32 TOTP seed; copy the seed again from the provider.");
        } finally {
            Wipe.chars(seed);
        }
    }
}
