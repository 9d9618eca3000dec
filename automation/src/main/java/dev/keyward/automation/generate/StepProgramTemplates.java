package dev.keyward.automation.generate;

import dev.keyward.automation.browser.DomainPolicy;
import dev.keyward.automation.program.CheckpointType;
import dev.keyward.automation.program.CredentialLiteralDetector;
import dev.keyward.automation.program.ExtractTarget;
import dev.keyward.automation.program.InputDeclaration;
import dev.keyward.automation.program.Step;
import dev.keyward.automation.program.StepHeader;
import dev.keyward.automation.program.StepProgram;
import dev.keyward.automation.program.TaskType;
import dev.keyward.automation.program.WaitState;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Programs written without an LLM: one template per task type, filled in from the provider row, its
 * domains and its {@code provider_selectors}. Selectors are common guesses (several alternatives per
 * field) that a human reviews; every risky step carries a gate or a checkpoint, and payments are
 * always handed to the user.
 */
public final class StepProgramTemplates {

    /** Recorded as {@code automation_scripts.model_used} for template programs. */
    public static final String MODEL = "template";

    private static final String EMAIL_FIELD = "input[type=email], input[name=email], input[name=username], #username";
    private static final String PASSWORD_FIELD = "input[type=password]";
    private static final String SUBMIT = "button[type=submit]";

    private StepProgramTemplates() {}

    /** The template program for the research's task type. */
    public static StepProgram forTask(Research research) {
        List<InputDeclaration> inputs = new ArrayList<>();
        inputs.add(new InputDeclaration("base_url", "Address of the " + research.provider().name()
                + " console, without a trailing slash", defaultBaseUrl(research)));
        List<Step> steps = new ArrayList<>();
        TaskType task = research.taskType();
        if (task != TaskType.ACCOUNT_CREATION) {
            inputs.add(new InputDeclaration("username", "The account's sign-in email", null));
            signIn(steps, research);
        }
        switch (task) {
            case ACCOUNT_CREATION -> accountCreation(steps, inputs, research);
            case PAYMENT_CONFIG -> paymentConfig(steps);
            case BILLING_RESTRICTION -> billingRestriction(steps, inputs);
            case API_KEY_MANAGEMENT -> apiKeyManagement(steps, inputs, research);
            case DASHBOARD_SCRAPE -> dashboardScrape(steps, research);
            case CUSTOM -> custom(steps);
        }
        return new StepProgram(StepProgram.FORMAT, StepProgram.FORMAT_VERSION,
                research.provider().name() + ": " + label(task) + " (template)", description(research),
                research.provider().slug(), task, research.allowedDomains(), inputs, steps);
    }

    private static void signIn(List<Step> steps, Research research) {
        steps.add(new Step.Goto(header("open-sign-in", "Open the sign-in page"), "{{input:base_url}}/login"));
        steps.add(new Step.Fill(StepHeader.of("sign-in-email"), EMAIL_FIELD, "{{input:username}}"));
        steps.add(new Step.Fill(StepHeader.of("sign-in-password"), PASSWORD_FIELD, "{{secret:" + passwordSecret(research) + "}}"));
        steps.add(new Step.Click(header("sign-in-submit", "Sign in"), SUBMIT));
        steps.add(new Step.WaitFor(header("signed-in", "Wait until the sign-in form is gone"), PASSWORD_FIELD,
                WaitState.HIDDEN, null));
    }

    private static void accountCreation(List<Step> steps, List<InputDeclaration> inputs, Research research) {
        inputs.add(new InputDeclaration("email", "Email address for the new account", null));
        steps.add(new Step.Goto(header("open-sign-up", "Open the sign-up page"), "{{input:base_url}}/signup"));
        steps.add(new Step.Fill(StepHeader.of("sign-up-email"), EMAIL_FIELD, "{{input:email}}"));
        steps.add(new Step.Fill(header("sign-up-password", "Uses a password you stored in the vault beforehand"),
                PASSWORD_FIELD, "{{secret:" + passwordSecret(research) + "}}"));
        steps.add(new Step.Checkpoint(header("confirm-sign-up", "Create a " + research.provider().name()
                + " account for {{input:email}}?"), CheckpointType.ACCOUNT, "Submit the sign-up form"));
        steps.add(new Step.Click(header("submit-sign-up", "Creates the account").withGate(CheckpointType.ACCOUNT), SUBMIT));
        steps.add(new Step.Screenshot(StepHeader.of("after-sign-up"), "after-sign-up"));
    }

    private static void paymentConfig(List<Step> steps) {
        steps.add(new Step.Goto(header("open-billing", "Open the billing page"), "{{input:base_url}}/billing"));
        steps.add(new Step.Click(header("add-payment-method", "Opens the form to add a payment method")
                .withGate(CheckpointType.BILLING), "button:has-text(\"Add payment method\")"));
        steps.add(new Step.HandoffPayment(StepHeader.of("enter-card"),
                "Enter the card details yourself; Keyward never types card data."));
        steps.add(new Step.Screenshot(StepHeader.of("billing-after"), "billing-after-payment-method"));
    }

    private static void billingRestriction(List<Step> steps, List<InputDeclaration> inputs) {
        inputs.add(new InputDeclaration("cap", "Monthly spending cap as an amount, e.g. 50", null));
        steps.add(new Step.Goto(header("open-billing", "Open the billing page"), "{{input:base_url}}/billing"));
        steps.add(new Step.Fill(header("enter-cap", "Type the monthly cap"),
                "input[type=number], input[name*=limit], input[name*=cap]", "{{input:cap}}"));
        steps.add(new Step.Click(header("save-cap", "Saves {{input:cap}} as the monthly spending cap")
                .withGate(CheckpointType.BILLING), "button:has-text(\"Save\")"));
        steps.add(new Step.Screenshot(StepHeader.of("billing-after"), "billing-after-cap"));
    }

    private static void apiKeyManagement(List<Step> steps, List<InputDeclaration> inputs, Research research) {
        inputs.add(new InputDeclaration("key_name", "Name for the new key as the provider shows it", "keyward"));
        steps.add(new Step.Goto(header("open-keys", "Open the API keys page"), "{{input:base_url}}/keys"));
        steps.add(new Step.Fill(StepHeader.of("name-new-key"), "input[name=name], #key-name", "{{input:key_name}}"));
        steps.add(new Step.Click(header("create-key", "Creates a new API key on the account")
                .withGate(CheckpointType.API_KEY), "button:has-text(\"Create key\")"));
        String shown = "#new-key-value, [data-testid=new-key], code";
        steps.add(new Step.WaitFor(header("new-key-shown", "Wait until the new key is shown"), shown, WaitState.VISIBLE, null));
        steps.add(new Step.Extract(header("store-new-key", "The new key goes straight into the vault; it is never shown in the run log"),
                shown, null, new ExtractTarget.Secret(research.provider().slug() + "-api-key")));
        steps.add(new Step.Screenshot(StepHeader.of("keys-after"), "keys-after-create"));
    }

    private static void dashboardScrape(List<Step> steps, Research research) {
        steps.add(new Step.Goto(header("open-dashboard", "Open the usage dashboard"), "{{input:base_url}}/dashboard"));
        int read = 0;
        Set<String> used = new HashSet<>();
        for (SelectorRow row : research.selectors()) {
            String output = outputName(row.dataType());
            if (!row.usableOnPage() || output == null || read >= 40 || !used.add(output)) {
                continue;
            }
            steps.add(new Step.Extract(header("read-" + output.replace('_', '-'), "Read " + row.dataType()
                    + " (selector version " + row.version() + ", " + row.verificationStatus() + ")"),
                    row.playwrightSelector(), null, new ExtractTarget.Output(output)));
            read++;
        }
        if (read == 0) {
            steps.add(new Step.Extract(header("read-heading", "No selectors are known yet: read the page heading"),
                    "h1", null, new ExtractTarget.Output("page_heading")));
        }
        steps.add(new Step.Screenshot(StepHeader.of("dashboard"), "dashboard"));
    }

    private static void custom(List<Step> steps) {
        steps.add(new Step.Goto(header("open-console", "Open the console"), "{{input:base_url}}"));
        steps.add(new Step.Checkpoint(header("do-the-task", "A template cannot know this task's pages;"
                + " do it yourself in the browser, or edit this program"), CheckpointType.SCRIPT_REVIEW,
                "Hand the browser to you for the task described in this program"));
        steps.add(new Step.Screenshot(StepHeader.of("after-task"), "after-task"));
    }

    private static StepHeader header(String id, String description) {
        return new StepHeader(id, null, null, description);
    }

    private static String passwordSecret(Research research) {
        return research.provider().slug() + "-password";
    }

    /** The origin of the dashboard (else the website), when a program may open it. */
    private static String defaultBaseUrl(Research research) {
        DomainPolicy policy = new DomainPolicy(research.allowedDomains());
        for (String url : new String[] {research.provider().dashboardUrl(), research.provider().websiteUrl()}) {
            if (url == null) {
                continue;
            }
            try {
                URI uri = URI.create(url.strip());
                if (uri.getScheme() != null && uri.getRawAuthority() != null && policy.allows(uri)) {
                    return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority();
                }
            } catch (IllegalArgumentException e) {
                // not a usable URL: try the next one
            }
        }
        return null;
    }

    private static String outputName(String dataType) {
        String name = dataType.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        // 58 characters at most, so the step id "read-NAME" stays within 64.
        return name.matches("[a-z][a-z0-9_]{0,57}") ? name : null;
    }

    private static String label(TaskType task) {
        return switch (task) {
            case ACCOUNT_CREATION -> "create an account";
            case PAYMENT_CONFIG -> "add a payment method";
            case BILLING_RESTRICTION -> "set a spending cap";
            case API_KEY_MANAGEMENT -> "create and store an API key";
            case DASHBOARD_SCRAPE -> "read the usage dashboard";
            case CUSTOM -> "custom task";
        };
    }

    /** The user's sentence as the program's description, unless it could trip the literal checks. */
    private static String description(Research research) {
        String sentence = research.sentence().replace("{{", "(").replace("}}", ")");
        if (CredentialLiteralDetector.looksLikeCredential(sentence)) {
            sentence = "(the request's wording was left out because part of it looks like a credential)";
        }
        return "Template for: " + sentence + ". Written without an LLM from the provider catalog"
                + (research.selectors().isEmpty() ? "" : " and " + research.selectors().size() + " stored selectors")
                + "; check every selector against the real pages before approving.";
    }
}
