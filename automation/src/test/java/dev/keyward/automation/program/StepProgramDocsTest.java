package dev.keyward.automation.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The examples in docs/step-programs.md are true: they parse, validate, or fail exactly as shown. */
class StepProgramDocsTest {

    private static final Pattern FENCE = Pattern.compile("```(\\w*)\\n(.*?)```", Pattern.DOTALL);

    /** A fenced block: its info string, its text and where it starts and ends in the page. */
    private record Block(String info, String text, int start, int end) {
        boolean isProgram() {
            return info.equals("json") && text.contains("\"format\": \"keyward.step-program\"");
        }
    }

    private static String page;
    private static List<Block> blocks;

    @BeforeAll
    static void readPage() throws IOException {
        page = Files.readString(RepositoryFiles.root().resolve("docs/step-programs.md"));
        blocks = new ArrayList<>();
        Matcher fence = FENCE.matcher(page);
        while (fence.find()) {
            blocks.add(new Block(fence.group(1), fence.group(2), fence.start(), fence.end()));
        }
    }

    @Test
    void everyJsonExampleIsJson() throws IOException {
        JsonMapper mapper = new JsonMapper();
        List<Block> json = blocks.stream().filter(b -> b.info().equals("json")).toList();

        assertTrue(json.size() >= 5, "the page keeps its examples");
        for (Block block : json) {
            mapper.readTree(block.text());
        }
    }

    @Test
    void everyProgramExampleIsValidOrFailsAsTheFollowingBlockSays() {
        int checked = 0;
        int refused = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (!block.isProgram()) {
                continue;
            }
            checked++;
            List<String> actual = ProgramJson.messages(block.text());
            Block next = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
            boolean problemsFollow = next != null && next.info().isEmpty()
                    && page.substring(block.end(), next.start()).isBlank();
            if (problemsFollow) {
                refused++;
                assertEquals(next.text().lines().toList(), actual);
            } else {
                assertEquals(List.of(), actual, block.text());
            }
        }
        assertEquals(3, checked);
        assertEquals(1, refused);
    }

    @Test
    void theBillingCapExampleIsTheShippedSample() throws IOException {
        Block example = blocks.stream().filter(b -> b.text().contains("Set the Practice Cloud monthly spending cap"))
                .findFirst().orElseThrow();
        String sample = Files.readString(SampleProgramsTest.samplesFolder().resolve("set-billing-cap.json"));

        assertEquals(ProgramJson.validate(sample).orThrow(), ProgramJson.validate(example.text()).orThrow());
    }

    @Test
    void theProblemListShowsRealMessages() {
        assertEquals(List.of("step 'login-submit': field 'selector' is required"), ProgramJson.messages(
                ProgramJson.withSteps("{\"id\": \"login-submit\", \"type\": \"click\"}")));
        assertTrue(page.contains("step 'login-submit': field 'selector' is required"));
    }
}
