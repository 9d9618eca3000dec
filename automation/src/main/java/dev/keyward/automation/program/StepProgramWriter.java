package dev.keyward.automation.program;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a program as canonical JSON: fixed field order, inputs sorted by name, absent optional fields
 * omitted. Two programs that differ only in key order or whitespace write the same bytes.
 */
public final class StepProgramWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final JsonMapper mapper = new JsonMapper();

    /** Compact canonical JSON, the form {@link StepProgram#contentHash()} hashes. */
    public String writeCanonical(StepProgram program) {
        try {
            return mapper.writeValueAsString(toTree(program));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** The same content, indented for people and for storage in {@code script_content}. */
    public String writePretty(StepProgram program) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(toTree(program));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    ObjectNode toTree(StepProgram program) {
        ObjectNode root = NODES.objectNode();
        root.put("format", program.format());
        root.put("format_version", program.formatVersion());
        root.put("title", program.title());
        putIfSet(root, "description", program.description());
        root.put("provider", program.provider());
        root.put("task_type", program.taskType().dbValue());
        ArrayNode domains = root.putArray("allowed_domains");
        program.allowedDomains().forEach(domains::add);
        ObjectNode inputs = root.putObject("inputs");
        for (InputDeclaration input : program.inputs()) {
            ObjectNode declared = inputs.putObject(input.name());
            putIfSet(declared, "description", input.description());
            putIfSet(declared, "default", input.defaultValue());
        }
        ArrayNode steps = root.putArray("steps");
        program.steps().forEach(step -> steps.add(toTree(step)));
        return root;
    }

    private static ObjectNode toTree(Step step) {
        ObjectNode node = NODES.objectNode();
        node.put("id", step.id());
        node.put("type", step.type().jsonName());
        switch (step) {
            case Step.Goto s -> putIfSet(node, "url", s.url());
            case Step.Fill s -> {
                putIfSet(node, "selector", s.selector());
                putIfSet(node, "value", s.value());
            }
            case Step.Click s -> putIfSet(node, "selector", s.selector());
            case Step.Select s -> {
                putIfSet(node, "selector", s.selector());
                putIfSet(node, "value", s.value());
            }
            case Step.Press s -> {
                putIfSet(node, "selector", s.selector());
                putIfSet(node, "key", s.key());
            }
            case Step.WaitFor s -> {
                putIfSet(node, "selector", s.selector());
                putIfSet(node, "state", s.state() == null ? null : s.state().jsonName());
                putIfSet(node, "url", s.urlPattern());
            }
            case Step.Expect s -> {
                putIfSet(node, "kind", s.kind() == null ? null : s.kind().jsonName());
                putIfSet(node, "selector", s.selector());
                putIfSet(node, "value", s.value());
            }
            case Step.Extract s -> {
                putIfSet(node, "selector", s.selector());
                putIfSet(node, "attribute", s.attribute());
                if (s.into() != null) {
                    node.putObject("into").put(s.into() instanceof ExtractTarget.Secret ? "secret" : "output",
                            s.into().name());
                }
            }
            case Step.Screenshot s -> putIfSet(node, "name", s.name());
            case Step.Checkpoint s -> {
                putIfSet(node, "checkpoint_type", s.checkpointType() == null ? null : s.checkpointType().dbValue());
                putIfSet(node, "proposed_action", s.proposedAction());
            }
            case Step.HandoffPayment s -> putIfSet(node, "reason", s.reason());
            case Step.TotpFill s -> {
                putIfSet(node, "selector", s.selector());
                putIfSet(node, "secret", s.secretName());
                if (s.digits() != null) {
                    node.put("digits", s.digits());
                }
                putIfSet(node, "algorithm", s.algorithm() == null ? null : s.algorithm().jsonName());
            }
        }
        StepHeader header = step.header();
        if (header.timeoutMs() != null) {
            node.put("timeout_ms", header.timeoutMs());
        }
        putIfSet(node, "gate", header.gate() == null ? null : header.gate().dbValue());
        putIfSet(node, "description", header.description());
        return node;
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
