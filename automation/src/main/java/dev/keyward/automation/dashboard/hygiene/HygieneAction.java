package dev.keyward.automation.dashboard.hygiene;

/** Something Keyward can do about a hygiene finding. */
public sealed interface HygieneAction {

    /** A short label for a button or a CLI line. */
    String label();

    /** Open the provider's page where the key or the spend is managed. */
    record OpenProviderPage(String url) implements HygieneAction {
        @Override
        public String label() {
            return "Open the provider's page";
        }
    }

    /** Run an approved key-management program of that provider (it stops at checkpoints as every program does). */
    record RunRotationProgram(String scriptId, String title) implements HygieneAction {
        @Override
        public String label() {
            return "Run the approved program \"" + title + "\"";
        }
    }

    /** Confirm which vault secret a provider key is. */
    record ConfirmMatch(String providerSlug, String upstreamId) implements HygieneAction {
        @Override
        public String label() {
            return "Confirm which vault key this is";
        }
    }

    /** Hide the finding until its facts change. */
    record Dismiss(String findingKey) implements HygieneAction {
        @Override
        public String label() {
            return "Dismiss";
        }
    }
}
