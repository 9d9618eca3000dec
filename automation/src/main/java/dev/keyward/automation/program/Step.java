package dev.keyward.automation.program;

import java.util.Objects;

/**
 * One declarative step of a step program. The set is closed: a program is data the runner interprets,
 * never code it executes.
 */
public sealed interface Step {

    StepHeader header();

    StepType type();

    default String id() {
        return header().id();
    }

    /** Navigate to an absolute http(s) URL inside the program's allowed domains. */
    record Goto(StepHeader header, String url) implements Step {
        public Goto {
            Objects.requireNonNull(header, "header");
        }

        @Override
        public StepType type() {
            return StepType.GOTO;
        }
    }

    /** Type {@code value} into the element; the only step whose value may hold {@code {{secret:NAME}}}. */
    record Fill(StepHeader header, String selector, String value) implements Step {
        public Fill {
            Objects.requireNonNull(header, "header");
        }

        @Override
        public StepType type() {
            return StepType.FILL;
        }
    }

    /** Click the element. */
    record Click(StepHeader header, String selector) implements Step {
        public Click {
            Objects.requireNonNull(header, "header");
        }

        @Override
        public StepType type() {
            return StepType.CLICK;
        }
    }

    /** Choose the option with {@code value} in a select element. */
    record Select(StepHeader header, String selector, String value) implements Step {
        public Select {
            Objects.requireNonNull(header, "header");
        }

        @Override
        public StepType type() {
            return StepType.SELECT;
        }
    }

    /** Press a key (Playwright key name such as {@code Enter}), on the element if a selector is given. */
    record Press(StepHeader header, String selector, String key) implements Step {
        public Press {
            Objects.requireNonNull(header, "header");
        }

        @Override
        public StepType type() {
            return StepType.PRESS;
        }
    }

    /**
     * Wait until the element reaches {@code state}, or until the page URL matches {@code urlPattern};
     * exactly one of selector and urlPattern is set.
     */
    record WaitFor(StepHeader header, String selector, WaitState state, String urlPattern) implements Step {
        public WaitFor {
            Objects.requireNonNull(header, "header");
        }

        @Override
        public StepType type() {
            return StepType.WAIT_FOR;
        }
    }

    /** Assert something about the page; the run fails at this step when it does not hold. */
    record Expect(StepHeader header, ExpectKind kind, String selector, String value) implements Step {
        public Expect {
            Objects.requireNonNull(header, "header");
        }

        @Override
        public StepType type() {
            return StepType.EXPECT;
        }
    }

    /** Read the element's text (or {@code attribute}) into a run output or a vault secret. */
    record Extract(StepHeader header, String selector, String attribute, ExtractTarget into) implements Step {
        public Extract {
            Objects.requireNonNull(header, "header");
        }

        @Override
        public StepType type() {
            return StepType.EXTRACT;
        }
    }

    /** Take a screenshot kept with the run under {@code name}. */
    record Screenshot(StepHeader header, String name) implements Step {
        public Screenshot {
            Objects.requireNonNull(header, "header");
        }

        @Override
        public StepType type() {
            return StepType.SCREENSHOT;
        }
    }

    /**
     * Stop and ask a human; the header's description is what the dialog shows and is required here.
     */
    record Checkpoint(StepHeader header, CheckpointType checkpointType, String proposedAction) implements Step {
        public Checkpoint {
            Objects.requireNonNull(header, "header");
        }

        @Override
        public StepType type() {
            return StepType.CHECKPOINT;
        }

        public String description() {
            return header.description();
        }
    }

    /** Stop and hand the page to the user to pay; the runner never types card data. */
    record HandoffPayment(StepHeader header, String reason) implements Step {
        public HandoffPayment {
            Objects.requireNonNull(header, "header");
        }

        @Override
        public StepType type() {
            return StepType.HANDOFF_PAYMENT;
        }
    }

    /**
     * Fill the element with a one-time code computed from the base32 TOTP seed held in the vault secret
     * named {@code secretName}.
     *
     * @param digits    6 or 8, null for 6
     * @param algorithm null for SHA-1
     */
    record TotpFill(StepHeader header, String selector, String secretName, Integer digits, TotpAlgorithm algorithm)
            implements Step {
        public TotpFill {
            Objects.requireNonNull(header, "header");
        }

        @Override
        public StepType type() {
            return StepType.TOTP;
        }

        public int digitsOrDefault() {
            return digits == null ? Totp.DEFAULT_DIGITS : digits;
        }

        public TotpAlgorithm algorithmOrDefault() {
            return algorithm == null ? TotpAlgorithm.SHA1 : algorithm;
        }
    }
}
