package dev.keyward.automation.program;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads typed fields out of one JSON object and records a problem (named by location and field) for each
 * field that is missing, of the wrong type or too long.
 */
final class FieldReader {

    /** Field names we are willing to repeat back in a message. */
    private static final Pattern PRINTABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,40}");

    private final JsonNode object;
    private final StepLocation where;
    private final String prefix;
    private final List<ValidationProblem> problems;

    FieldReader(JsonNode object, StepLocation where, String prefix, List<ValidationProblem> problems) {
        this.object = object;
        this.where = where;
        this.prefix = prefix;
        this.problems = problems;
    }

    /** A reader for one step's object, sharing this reader's problem list. */
    FieldReader forStep(JsonNode step, StepLocation stepLocation) {
        return new FieldReader(step, stepLocation, "", problems);
    }

    FieldReader nested(JsonNode child, String childField) {
        return new FieldReader(child, where, name(childField) + ".", problems);
    }

    StepLocation where() {
        return where;
    }

    /** The field's JSON value, or null when it is absent or JSON null. */
    JsonNode raw(String field) {
        return has(field) ? object.get(field) : null;
    }

    /** How many problems have been recorded so far, in this reader and every reader sharing its list. */
    int problemCount() {
        return problems.size();
    }

    boolean has(String field) {
        JsonNode node = object.get(field);
        return node != null && !node.isNull();
    }

    void refuseUnknown(Predicate<String> accepted) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!accepted.test(field)) {
                boolean shown = PRINTABLE_NAME.matcher(field).matches() && Echo.safe(name(field));
                problems.add(new ValidationProblem(where.stepId(), shown ? name(field) : null,
                        where.label() + ": unknown field " + (shown ? "'" + name(field) + "'" : "with an odd name")
                                + " is not part of the format; remove it"));
            }
        }
    }

    String requiredString(String field, int maxLength) {
        if (!has(field)) {
            problem(field, "is required");
            return null;
        }
        return optionalString(field, maxLength);
    }

    String optionalString(String field, int maxLength) {
        if (!has(field)) {
            return null;
        }
        JsonNode node = object.get(field);
        if (!node.isTextual()) {
            problem(field, "must be a string");
            return null;
        }
        String value = node.textValue();
        if (value.isBlank()) {
            problem(field, "must not be empty");
            return null;
        }
        if (value.length() > maxLength) {
            problem(field, "is longer than " + maxLength + " characters");
            return null;
        }
        return value;
    }

    Integer optionalInt(String field, int min, int max) {
        if (!has(field)) {
            return null;
        }
        JsonNode node = object.get(field);
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            problem(field, "must be a whole number from " + min + " to " + max);
            return null;
        }
        return node.intValue();
    }

    Integer requiredInt(String field, int min, int max) {
        if (!has(field)) {
            problem(field, "is required");
            return null;
        }
        return optionalInt(field, min, max);
    }

    <E> E requiredEnum(String field, Function<String, Optional<E>> lookup, List<String> allowed) {
        if (!has(field)) {
            problem(field, "is required");
            return null;
        }
        return optionalEnum(field, lookup, allowed);
    }

    <E> E optionalEnum(String field, Function<String, Optional<E>> lookup, List<String> allowed) {
        if (!has(field)) {
            return null;
        }
        JsonNode node = object.get(field);
        Optional<E> value = node.isTextual() ? lookup.apply(node.textValue()) : Optional.empty();
        if (value.isEmpty()) {
            problem(field, "must be one of: " + String.join(", ", allowed));
            return null;
        }
        return value.get();
    }

    /** The field as an object, or null (with a problem when present but not an object). */
    JsonNode optionalObject(String field) {
        if (!has(field)) {
            return null;
        }
        JsonNode node = object.get(field);
        if (!node.isObject()) {
            problem(field, "must be an object");
            return null;
        }
        return node;
    }

    List<String> optionalStringList(String field, int maxItems, int maxLength) {
        if (!has(field)) {
            return null;
        }
        JsonNode node = object.get(field);
        if (!node.isArray()) {
            problem(field, "must be a list of strings");
            return null;
        }
        if (node.size() > maxItems) {
            problem(field, "has " + node.size() + " entries; the limit is " + maxItems);
            return null;
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual() || item.textValue().isBlank() || item.textValue().length() > maxLength) {
                problem(field, "must be a list of non-empty strings of at most " + maxLength + " characters");
                return null;
            }
            values.add(item.textValue());
        }
        return values;
    }

    void problem(String field, String what) {
        problems.add(ValidationProblem.atField(where, name(field), what));
    }

    private String name(String field) {
        return prefix + field;
    }
}
