package dev.keyward.automation.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The published JSON Schema and the Java model describe the same format. */
class StepProgramSchemaTest {

    private static JsonNode schema;

    @BeforeAll
    static void readSchema() throws IOException {
        try (InputStream in = StepProgram.class.getResourceAsStream("step-program.schema.json")) {
            assertNotNull(in, "the schema is on the classpath next to the model");
            schema = JsonMapper.builder().build().readTree(in);
        }
    }

    /** Step type name -> its schema definition, found by the {@code type} const each step definition pins. */
    private static Map<String, JsonNode> stepDefinitions() {
        Map<String, JsonNode> steps = new TreeMap<>();
        schema.get("$defs").properties().forEach(entry -> {
            JsonNode typeConst = entry.getValue().path("properties").path("type").path("const");
            if (typeConst.isTextual()) {
                steps.put(typeConst.textValue(), entry.getValue());
            }
        });
        return steps;
    }

    private static Set<String> enumOf(JsonNode node) {
        return StreamSupport.stream(node.get("enum").spliterator(), false).map(JsonNode::asText)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void schemaIsDraft202012() {
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").textValue());
    }

    @Test
    void schemaListsEveryStepTypeOfTheModel() {
        Set<String> modelTypes = Arrays.stream(StepType.values()).map(StepType::jsonName)
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(modelTypes, stepDefinitions().keySet());
    }

    @Test
    void everyRecordOfTheSealedStepHasExactlyOneStepType() {
        Set<Class<?>> permitted = new HashSet<>(Arrays.asList(Step.class.getPermittedSubclasses()));
        Set<Class<?>> typed = Arrays.stream(StepType.values()).map(StepType::modelClass).collect(Collectors.toSet());

        assertEquals(permitted, typed);
        assertEquals(StepType.values().length, permitted.size());
    }

    @Test
    void schemaStepFieldsMatchWhatTheParserAccepts() {
        Set<String> common = fieldNames(schema.get("$defs").get("stepCommon"));
        for (StepType type : StepType.values()) {
            Set<String> inSchema = new TreeSet<>(common);
            inSchema.addAll(fieldNames(stepDefinitions().get(type.jsonName())));
            Set<String> accepted = new TreeSet<>(StepType.COMMON_FIELDS);
            accepted.addAll(type.ownFields());

            assertEquals(accepted, inSchema, type.jsonName());
        }
    }

    @Test
    void schemaEnumsMatchTheModelEnums() {
        JsonNode top = schema.get("properties");

        assertEquals(Arrays.stream(TaskType.values()).map(TaskType::dbValue).collect(Collectors.toSet()),
                enumOf(top.get("task_type")));
        assertEquals(Arrays.stream(CheckpointType.values()).map(CheckpointType::dbValue).collect(Collectors.toSet()),
                enumOf(schema.get("$defs").get("checkpointType")));
        assertEquals(Set.of("format", "format_version", "title", "description", "provider", "task_type",
                "allowed_domains", "inputs", "steps"), fieldNames(schema));
    }

    private static Set<String> fieldNames(JsonNode definition) {
        Set<String> names = new TreeSet<>();
        definition.get("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }
}
