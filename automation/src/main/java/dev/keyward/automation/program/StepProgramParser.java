package dev.keyward.automation.program;

import static dev.keyward.automation.program.ProgramLimits.MAX_NAME;
import static dev.keyward.automation.program.ProgramLimits.MAX_SELECTOR;
import static dev.keyward.automation.program.ProgramLimits.MAX_TEXT;
import static dev.keyward.automation.program.ProgramLimits.MAX_URL;
import static dev.keyward.automation.program.ProgramLimits.MAX_VALUE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns step program JSON into the model, refusing unknown fields and step types and reporting every
 * structural problem by step and field. Semantic rules live in {@link StepProgramValidator}.
 */
public final class StepProgramParser {

    private static final Set<String> PROGRAM_FIELDS = Set.of("format", "format_version", "title", "description",
            "provider", "task_type", "allowed_domains", "inputs", "steps");
    private static final Set<String> INPUT_FIELDS = Set.of("description", "default");
    private static final Set<String> INTO_FIELDS = Set.of("output", "secret");

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * Parses a program.
     *
     * @param defaultAllowedDomains the provider's domain(s), used when the program has no {@code allowed_domains}
     */
    public ParsedProgram parse(String json, List<String> defaultAllowedDomains) {
        List<ValidationProblem> problems = new ArrayList<>();
        StepLocation program = StepLocation.PROGRAM;
        if (json == null || json.isBlank()) {
            problems.add(ValidationProblem.at(program, "the program is empty"));
            return new ParsedProgram(Optional.empty(), problems);
        }
        if (json.length() > ProgramLimits.MAX_JSON_CHARS) {
            problems.add(ValidationProblem.at(program, "the program is longer than "
                    + ProgramLimits.MAX_JSON_CHARS + " characters; split it into smaller programs"));
            return new ParsedProgram(Optional.empty(), problems);
        }
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            problems.add(ValidationProblem.at(program, notJson(e)));
            return new ParsedProgram(Optional.empty(), problems);
        }
        if (root == null || !root.isObject()) {
            problems.add(ValidationProblem.at(program, "the program must be a JSON object"));
            return new ParsedProgram(Optional.empty(), problems);
        }
        StepProgram parsed = readProgram(new FieldReader(root, program, "", problems), defaultAllowedDomains);
        return new ParsedProgram(problems.isEmpty() ? Optional.of(parsed) : Optional.empty(), problems);
    }

    private StepProgram readProgram(FieldReader top, List<String> defaultAllowedDomains) {
        top.refuseUnknown(PROGRAM_FIELDS::contains);
        String format = top.requiredString("format", MAX_NAME);
        if (format != null && !StepProgram.FORMAT.equals(format)) {
            top.problem("format", "must be \"" + StepProgram.FORMAT + "\"");
        }
        Integer version = top.requiredInt("format_version", 1, Integer.MAX_VALUE);
        if (version != null && version != StepProgram.FORMAT_VERSION) {
            top.problem("format_version", "is " + version + "; this version of Keyward reads format version "
                    + StepProgram.FORMAT_VERSION + " only");
            return null;
        }
        String title = top.requiredString("title", ProgramLimits.MAX_TITLE);
        String description = top.optionalString("description", MAX_TEXT);
        String provider = top.requiredString("provider", MAX_NAME);
        TaskType taskType = top.requiredEnum("task_type", TaskType::fromDbValue, names(TaskType.values(), TaskType::dbValue));
        List<String> domains = top.optionalStringList("allowed_domains", ProgramLimits.MAX_ALLOWED_DOMAINS, 253);
        if (!top.has("allowed_domains")) {
            domains = defaultAllowedDomains == null ? List.of() : defaultAllowedDomains;
            if (domains.isEmpty()) {
                top.problem("allowed_domains", "is missing and the provider has no domain to default to;"
                        + " list the domains the program may open");
            }
        }
        List<InputDeclaration> inputs = readInputs(top);
        List<Step> steps = readSteps(top);
        if (format == null || version == null || title == null || provider == null || taskType == null || domains == null
                || inputs == null || steps == null) {
            return null;
        }
        return new StepProgram(format, version, title, description, provider, taskType, domains, inputs, steps);
    }

    private List<InputDeclaration> readInputs(FieldReader top) {
        JsonNode node = top.optionalObject("inputs");
        if (node == null) {
            return top.has("inputs") ? null : List.of();
        }
        if (node.size() > ProgramLimits.MAX_INPUTS) {
            top.problem("inputs", "declares " + node.size() + " inputs; the limit is " + ProgramLimits.MAX_INPUTS);
            return null;
        }
        List<InputDeclaration> inputs = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            if (!PlaceholderScanner.INPUT_NAME.matcher(name).matches()) {
                top.problem("inputs", "declares an input whose name is not lower case letters, digits and '_'"
                        + " starting with a letter");
                continue;
            }
            FieldReader declared = top.nested(node, "inputs").nested(entry.getValue(), name);
            if (!entry.getValue().isObject()) {
                top.problem("inputs." + name, "must be an object (it may be empty: {})");
                continue;
            }
            declared.refuseUnknown(INPUT_FIELDS::contains);
            inputs.add(new InputDeclaration(name, declared.optionalString("description", MAX_TEXT),
                    optionalRawString(declared, entry.getValue(), "default")));
        }
        return inputs;
    }

    /** Input defaults may be the empty string (an optional input with nothing to add). */
    private static String optionalRawString(FieldReader reader, JsonNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            reader.problem(field, "must be a string");
            return null;
        }
        if (node.textValue().length() > MAX_VALUE) {
            reader.problem(field, "is longer than " + MAX_VALUE + " characters");
            return null;
        }
        return node.textValue();
    }

    private List<Step> readSteps(FieldReader top) {
        if (!top.has("steps")) {
            top.problem("steps", "is required");
            return null;
        }
        JsonNode array = top.raw("steps");
        if (!array.isArray()) {
            top.problem("steps", "must be a list of steps");
            return null;
        }
        if (array.isEmpty()) {
            top.problem("steps", "must list at least one step");
            return null;
        }
        if (array.size() > ProgramLimits.MAX_STEPS) {
            top.problem("steps", "has " + array.size() + " steps; the limit is " + ProgramLimits.MAX_STEPS
                    + "; split the program");
            return null;
        }
        List<Step> steps = new ArrayList<>();
        boolean complete = true;
        for (int index = 0; index < array.size(); index++) {
            Step step = readStep(array.get(index), index, top);
            complete &= step != null;
            if (step != null) {
                steps.add(step);
            }
        }
        return complete ? steps : null;
    }

    private Step readStep(JsonNode node, int index, FieldReader top) {
        if (!node.isObject()) {
            top.problem("steps", "entry #" + (index + 1) + " must be an object");
            return null;
        }
        JsonNode idNode = node.get("id");
        String rawId = idNode != null && idNode.isTextual() ? idNode.textValue() : null;
        StepLocation where = StepLocation.ofStep(rawId, index);
        int problemsBefore = top.problemCount();
        FieldReader step = top.forStep(node, where);
        String id = step.requiredString("id", 64);
        StepType type = step.requiredEnum("type", StepType::fromJsonName, names(StepType.values(), StepType::jsonName));
        if (type == null) {
            return null;
        }
        step.refuseUnknown(type::accepts);
        StepHeader header = id == null ? null : new StepHeader(id,
                step.optionalInt("timeout_ms", ProgramLimits.MIN_TIMEOUT_MS, ProgramLimits.MAX_TIMEOUT_MS),
                step.optionalEnum("gate", CheckpointType::fromDbValue, checkpointNames()),
                step.optionalString("description", MAX_TEXT));
        Step built = header == null ? null : build(type, header, step);
        return top.problemCount() == problemsBefore ? built : null;
    }

    private Step build(StepType type, StepHeader header, FieldReader step) {
        return switch (type) {
            case GOTO -> new Step.Goto(header, step.requiredString("url", MAX_URL));
            case FILL -> new Step.Fill(header, step.requiredString("selector", MAX_SELECTOR),
                    step.requiredString("value", MAX_VALUE));
            case CLICK -> new Step.Click(header, step.requiredString("selector", MAX_SELECTOR));
            case SELECT -> new Step.Select(header, step.requiredString("selector", MAX_SELECTOR),
                    step.requiredString("value", MAX_VALUE));
            case PRESS -> new Step.Press(header, step.optionalString("selector", MAX_SELECTOR),
                    step.requiredString("key", 64));
            case WAIT_FOR -> new Step.WaitFor(header, step.optionalString("selector", MAX_SELECTOR),
                    step.optionalEnum("state", WaitState::fromJsonName, names(WaitState.values(), WaitState::jsonName)),
                    step.optionalString("url", MAX_URL));
            case EXPECT -> new Step.Expect(header,
                    step.requiredEnum("kind", ExpectKind::fromJsonName, names(ExpectKind.values(), ExpectKind::jsonName)),
                    step.optionalString("selector", MAX_SELECTOR), step.optionalString("value", MAX_VALUE));
            case EXTRACT -> new Step.Extract(header, step.requiredString("selector", MAX_SELECTOR),
                    step.optionalString("attribute", MAX_NAME), readInto(step));
            case SCREENSHOT -> new Step.Screenshot(header, step.requiredString("name", MAX_NAME));
            case CHECKPOINT -> new Step.Checkpoint(header,
                    step.requiredEnum("checkpoint_type", CheckpointType::fromDbValue, checkpointNames()),
                    step.requiredString("proposed_action", MAX_TEXT));
            case HANDOFF_PAYMENT -> new Step.HandoffPayment(header, step.requiredString("reason", MAX_TEXT));
            case TOTP -> new Step.TotpFill(header, step.requiredString("selector", MAX_SELECTOR),
                    step.requiredString("secret", MAX_NAME), step.optionalInt("digits", 6, 8),
                    step.optionalEnum("algorithm", TotpAlgorithm::fromJsonName,
                            names(TotpAlgorithm.values(), TotpAlgorithm::jsonName)));
        };
    }

    private ExtractTarget readInto(FieldReader step) {
        if (!step.has("into")) {
            step.problem("into", "is required: {\"output\": NAME} or {\"secret\": NAME}");
            return null;
        }
        JsonNode into = step.optionalObject("into");
        if (into == null) {
            return null;
        }
        FieldReader reader = step.nested(into, "into");
        reader.refuseUnknown(INTO_FIELDS::contains);
        String output = reader.optionalString("output", MAX_NAME);
        String secret = reader.optionalString("secret", MAX_NAME);
        if (reader.has("output") == reader.has("secret")) {
            step.problem("into", "must name exactly one of 'output' and 'secret'");
            return null;
        }
        if (output != null) {
            return new ExtractTarget.Output(output);
        }
        return secret == null ? null : new ExtractTarget.Secret(secret);
    }

    private static String notJson(JsonProcessingException e) {
        // Jackson's own message can quote the offending text, which might be a pasted key: keep only the place.
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.startsWith("Duplicate field")) {
            return "the same field appears twice in one object" + where + "; keep one";
        }
        return "the text is not valid JSON" + where + "; check quotes, commas and brackets";
    }

    private static List<String> checkpointNames() {
        return names(CheckpointType.values(), CheckpointType::dbValue);
    }

    private static <E> List<String> names(E[] values, Function<E, String> name) {
        return Arrays.stream(values).map(name).toList();
    }
}
