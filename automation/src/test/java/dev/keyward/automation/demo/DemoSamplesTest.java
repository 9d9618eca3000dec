package dev.keyward.automation.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.program.StepProgramValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoSamplesTest {

    private static Path samples() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("samples/programs"))) {
            dir = dir.getParent();
        }
        return dir.resolve("samples/programs");
    }

    @Test
    void bundledSamplesAreTheSamplesOfTheRepository() throws IOException {
        try (var files = Files.list(samples())) {
            assertEquals(files.map(p -> p.getFileName().toString()).sorted().toList(),
                    DemoWorkspace.SAMPLES.stream().sorted().toList());
        }
        for (String sample : DemoWorkspace.SAMPLES) {
            try (InputStream in = DemoWorkspace.class.getResourceAsStream("/dev/keyward/automation/demo/programs/" + sample)) {
                assertEquals(Files.readString(samples().resolve(sample)), new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        sample + " differs from samples/programs; copy it again");
            }
        }
    }

    @Test
    void demoDefaultsMakeEverySampleRunnableWithoutInputs() {
        for (String sample : DemoWorkspace.SAMPLES) {
            String json = DemoWorkspace.withDemoDefaults(sample, "http://127.0.0.1:4321");
            var program = new StepProgramValidator().requireValid(json, List.of());
            assertTrue(program.inputValues(java.util.Map.of()).get("base_url").equals("http://127.0.0.1:4321"), sample);
        }
    }
}
