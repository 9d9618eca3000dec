package dev.keyward.automation.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.browser.TargetDescription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped samples in {@code samples/programs/} are valid and do what their names say. */
class SampleProgramsTest {

    private static final List<String> SAMPLES = List.of("buy-credits.json", "read-usage-dashboard.json",
            "rotate-api-key.json", "set-billing-cap.json");

    static Path samplesFolder() {
        return RepositoryFiles.root().resolve("samples/programs");
    }

    static Stream<String> sampleNames() {
        return SAMPLES.stream();
    }

    private static StepProgram sample(String name) throws IOException {
        return new StepProgramValidator().requireValid(Files.readString(samplesFolder().resolve(name)), List.of());
    }

    @Test
    void theFourSamplesAreShipped() throws IOException {
        try (Stream<Path> files = Files.list(samplesFolder())) {
            assertEquals(SAMPLES, files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @ParameterizedTest
    @MethodSource("sampleNames")
    void everySampleValidates(String name) throws IOException {
        ParsedProgram parsed = new StepProgramValidator().validateJson(
                Files.readString(samplesFolder().resolve(name)), List.of());

        assertEquals(List.of(), parsed.problems());
    }

    @ParameterizedTest
    @MethodSource("sampleNames")
    void everySampleSignsInToThePracticeProviderOnLoopback(String name) throws IOException {
        StepProgram program = sample(name);

        assertEquals("practice-cloud", program.provider());
        assertEquals(List.of("127.0.0.1", "localhost"), program.allowedDomains());
        assertTrue(program.input("base_url").orElseThrow().defaultIfAny().isEmpty(), "the address varies per run");
        for (Step step : program.steps()) {
            if (step instanceof Step.Goto open) {
                assertTrue(open.url().startsWith("{{input:base_url}}/"), open.url());
            }
        }
        assertEquals(new Step.Fill(StepHeader.of("login-username"), "#username", "{{input:username}}"),
                program.step("login-username").orElseThrow());
        assertEquals(new Step.Fill(StepHeader.of("login-password"), "#password", "{{secret:practice-cloud-password}}"),
                program.step("login-password").orElseThrow());
        assertEquals("button[type=submit]", ((Step.Click) program.step("login-submit").orElseThrow()).selector());
        assertTrue(program.domainPolicy().allows("http://127.0.0.1:41234/login"));
    }

    @Test
    void dashboardSampleReadsTheThreeUsageFiguresIntoOutputs() throws IOException {
        List<Step.Extract> extracts = sample("read-usage-dashboard.json").steps().stream()
                .filter(Step.Extract.class::isInstance).map(Step.Extract.class::cast).toList();

        assertEquals(List.of("#usage-requests", "#usage-limit", "#usage-cost"),
                extracts.stream().map(Step.Extract::selector).toList());
        extracts.forEach(e -> assertInstanceOf(ExtractTarget.Output.class, e.into()));
    }

    @Test
    void rotationCreatesStoresThenRevokesWithGates() throws IOException {
        StepProgram program = sample("rotate-api-key.json");
        List<String> order = program.steps().stream().map(Step::id).toList();

        assertEquals(CheckpointType.API_KEY, program.step("create-key").orElseThrow().header().gate());
        assertEquals(new ExtractTarget.Secret("practice-cloud-api-key"),
                ((Step.Extract) program.step("store-new-key").orElseThrow()).into());
        assertEquals("#new-key-value", ((Step.Extract) program.step("store-new-key").orElseThrow()).selector());
        assertEquals(CheckpointType.IRREVERSIBLE, program.step("confirm-revoke").orElseThrow().header().gate());
        assertTrue(order.indexOf("create-key") < order.indexOf("store-new-key")
                && order.indexOf("store-new-key") < order.indexOf("ask-revoke")
                && order.indexOf("ask-revoke") < order.indexOf("confirm-revoke"), order.toString());
    }

    @Test
    void rotationGatesAgreeWithTheRunnersOwnRules() throws IOException {
        StepProgram program = sample("rotate-api-key.json");

        assertEquals(CheckpointType.API_KEY, RiskRules.assess(program.step("create-key").orElseThrow(),
                TargetDescription.button("Create key")).orElseThrow().type());
        assertEquals(CheckpointType.IRREVERSIBLE, RiskRules.assess(program.step("confirm-revoke").orElseThrow(),
                TargetDescription.button("Confirm revoke")).orElseThrow().type());
    }

    @Test
    void billingCapFillsTheCapInputAndGatesTheSave() throws IOException {
        StepProgram program = sample("set-billing-cap.json");

        assertEquals(new Step.Fill(StepHeader.of("enter-cap"), "#monthly-cap", "{{input:cap}}"),
                program.step("enter-cap").orElseThrow());
        assertEquals(CheckpointType.BILLING, program.step("save-cap").orElseThrow().header().gate());
        assertTrue(program.input("cap").orElseThrow().defaultIfAny().isEmpty(), "the cap is always chosen per run");
    }

    @Test
    void buyingCreditsEndsInAHandoffAndFillsNothingOnTheCheckout() throws IOException {
        StepProgram program = sample("buy-credits.json");
        List<Step> steps = program.steps();
        int checkout = steps.indexOf(program.step("open-checkout").orElseThrow());

        assertInstanceOf(Step.HandoffPayment.class, steps.getLast());
        assertInstanceOf(Step.Select.class, program.step("choose-amount").orElseThrow());
        assertTrue(steps.subList(checkout, steps.size()).stream().noneMatch(s -> s instanceof Step.Fill),
                "no text is typed on the payment page");
    }
}
