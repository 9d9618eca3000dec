package dev.keyward.automation.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.program.CheckpointType;
import dev.keyward.automation.program.ParsedProgram;
import dev.keyward.automation.program.Step;
import dev.keyward.automation.program.StepProgram;
import dev.keyward.automation.program.StepProgramValidator;
import dev.keyward.automation.program.StepProgramWriter;
import dev.keyward.automation.program.TaskType;
import dev.keyward.vault.provider.CatalogProvider;
import dev.keyward.vault.provider.ProviderCapability;
import dev.keyward.vault.provider.ProviderCatalog;
import dev.keyward.vault.provider.ProviderInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every template, for every catalog provider and task type, with and without selectors, is a valid program. */
class StepProgramTemplatesTest {

    private static final List<SelectorRow> SELECTORS = List.of(
            new SelectorRow("usage_requests", "css", "#usage-requests", "verified", 2),
            new SelectorRow("usage.requests", "css", "#dup", "verified", 1),
            new SelectorRow("config_region", "xpath", "//span[@id='region']", "unverified", 1),
            new SelectorRow("plan_name", "css", "#plan", "broken", 3),
            new SelectorRow("usage_json", "json_path", "$.usage.total", "verified", 1),
            new SelectorRow("9-bad-name", "css", "#x", "verified", 1));

    static ProviderInfo info(CatalogProvider p) {
        return new ProviderInfo("id-" + p.slug(), p.slug(), p.name(), text(p.website()), text(p.docsUrl()),
                text(p.statusPageUrl()), text(p.changelogFeedUrl()), p.apiFamily().dbValue(),
                p.capabilities().stream().map(ProviderCapability::dbValue).sorted().toList(), p.pricingSummary(),
                p.freeTier(), text(p.dashboardUrl()), text(p.apiBaseUrl()), true, true);
    }

    static Research research(ProviderInfo provider, TaskType task, List<SelectorRow> selectors, String sentence) {
        return new Research(provider, task, sentence, ProviderDomains.of(provider), selectors, List.of(), List.of());
    }

    @Test
    void everyTemplateValidatesForEveryCatalogProviderAndTaskType() {
        StepProgramValidator validator = new StepProgramValidator();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (CatalogProvider catalog : ProviderCatalog.bundled().all()) {
            for (TaskType task : TaskType.values()) {
                for (List<SelectorRow> selectors : List.of(List.<SelectorRow>of(), SELECTORS)) {
                    Research research = research(info(catalog), task, selectors, "do the " + task.dbValue() + " chore");
                    StepProgram program = StepProgramTemplates.forTask(research);
                    String json = new StepProgramWriter().writePretty(program);
                    ParsedProgram parsed = validator.validateJson(json, List.of());
                    if (!parsed.valid()) {
                        failures.add(catalog.slug() + "/" + task.dbValue() + ": " + parsed.problems());
                    }
                    List<String> rules = GeneratedProgramRules.problems(program, research);
                    if (!rules.isEmpty()) {
                        failures.add(catalog.slug() + "/" + task.dbValue() + ": " + rules);
                    }
                    checked++;
                }
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(ProviderCatalog.bundled().all().size() * TaskType.values().length * 2, checked);
    }

    @Test
    void riskyTemplateStepsAreGatedAndPaymentsAreHandedOver() {
        ProviderInfo openai = info(ProviderCatalog.bundled().bySlug("openai").orElseThrow());
        ProgramReview keys = ProgramReview.of(StepProgramTemplates.forTask(
                research(openai, TaskType.API_KEY_MANAGEMENT, List.of(), "rotate my key")));
        assertTrue(step(keys, "create-key").gates().contains(CheckpointType.API_KEY), keys.toPlanJson());

        ProgramReview billing = ProgramReview.of(StepProgramTemplates.forTask(
                research(openai, TaskType.BILLING_RESTRICTION, List.of(), "cap spending")));
        assertTrue(step(billing, "save-cap").gates().contains(CheckpointType.BILLING));
        assertEquals(CheckpointType.BILLING, step(billing, "open-billing").ruleRisk().type());

        StepProgram payment = StepProgramTemplates.forTask(research(openai, TaskType.PAYMENT_CONFIG, List.of(), "add a card"));
        assertTrue(payment.steps().stream().anyMatch(s -> s instanceof Step.HandoffPayment));
        assertTrue(payment.steps().stream().noneMatch(s -> s instanceof Step.Fill f && f.selector().contains("card")));

        ProgramReview account = ProgramReview.of(StepProgramTemplates.forTask(
                research(openai, TaskType.ACCOUNT_CREATION, List.of(), "sign up")));
        assertEquals(List.of(CheckpointType.ACCOUNT), step(account, "submit-sign-up").gates());
    }

    @Test
    void templatesUseTheProviderDomainsAndStoredSelectors() {
        ProviderInfo openai = info(ProviderCatalog.bundled().bySlug("openai").orElseThrow());
        StepProgram scrape = StepProgramTemplates.forTask(research(openai, TaskType.DASHBOARD_SCRAPE, SELECTORS, "read usage"));
        assertEquals(List.of("openai.com"), scrape.allowedDomains());
        assertEquals("https://platform.openai.com", scrape.input("base_url").orElseThrow().defaultValue());
        List<String> extracted = scrape.steps().stream().filter(s -> s instanceof Step.Extract)
                .map(s -> ((Step.Extract) s).selector()).toList();
        assertEquals(List.of("#usage-requests", "xpath=//span[@id='region']"), extracted,
                "usable css/xpath rows, newest per output name, broken and json_path rows left out");

        ProviderInfo practice = info(ProviderCatalog.bundled().bySlug("practice-cloud").orElseThrow());
        StepProgram local = StepProgramTemplates.forTask(research(practice, TaskType.CUSTOM, List.of(), "look around"));
        assertEquals(List.of("127.0.0.1", "localhost"), local.allowedDomains());
        assertEquals(null, local.input("base_url").orElseThrow().defaultValue(), "no default address for a local provider");
        assertEquals("template", StepProgramTemplates.MODEL);
    }

    @Test
    void sentenceThatLooksLikeACredentialIsLeftOutOfTheDescription() {
        ProviderInfo openai = info(ProviderCatalog.bundled().bySlug("openai").orElseThrow());
        StepProgram program = StepProgramTemplates.forTask(research(openai, TaskType.CUSTOM, List.of(),
                "use sk-proj-abcdefghijklmnopqrstuvwxyz0123 and {{secret:x}}"));
        assertTrue(program.description().contains("left out"), program.description());
        assertEquals(List.of(), new StepProgramValidator().validate(program));
    }

    private static ReviewStep step(ProgramReview review, String id) {
        return review.steps().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static String text(URI uri) {
        return uri == null ? null : uri.toString();
    }
}
