package dev.keyward.app.agent.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One protocol message: a JSON object with {@code "v"}, {@code "type"} and, for a request's frames,
 * {@code "id"} (see docs/agent-protocol.md). Readers ask for the fields a type needs; a missing or
 * mistyped field is a {@link BadFrameException}.
 */
public final class Frame {

    /** The protocol version this code speaks. */
    public static final int VERSION = 1;

    private final Map<String, Object> fields;

    private Frame(Map<String, Object> fields) {
        this.fields = fields;
    }

    /** A new frame of {@code type} for request {@code id} (0: none), to which fields are added with {@link #with}. */
    public static Frame of(String type, long id) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("v", (long) VERSION);
        fields.put("type", type);
        if (id > 0) {
            fields.put("id", id);
        }
        return new Frame(fields);
    }

    /** A frame read from the wire: it must be an object with a string {@code type}. */
    public static Frame parsed(Map<String, Object> fields) throws BadFrameException {
        Frame frame = new Frame(fields);
        frame.string("type");
        Object id = fields.get("id");
        if (id != null && (!(id instanceof Long n) || n <= 0)) {
            throw new BadFrameException("a frame's id is a positive integer");
        }
        return frame;
    }

    /** This frame with {@code name} set to {@code value} (a String, Long, Integer, Boolean, List or Map). */
    public Frame with(String name, Object value) {
        fields.put(name, value instanceof Integer i ? Long.valueOf(i) : value);
        return this;
    }

    public String type() {
        return (String) fields.get("type");
    }

    /** The protocol version the frame says it speaks; 0 when it does not say. */
    public long version() {
        return fields.get("v") instanceof Long v ? v : 0;
    }

    /** The request id, or 0 when the frame has none. */
    public long id() {
        return fields.get("id") instanceof Long id ? id : 0;
    }

    /** A field's raw value (String, Long, Boolean, List, Map or null). */
    public Object field(String name) {
        return fields.get(name);
    }

    public boolean has(String name) {
        return fields.get(name) != null;
    }

    public String string(String name) throws BadFrameException {
        if (fields.get(name) instanceof String s) {
            return s;
        }
        throw new BadFrameException("field '" + name + "' must be a string");
    }

    public Optional<String> optionalString(String name) throws BadFrameException {
        return has(name) ? Optional.of(string(name)) : Optional.empty();
    }

    public long integer(String name) throws BadFrameException {
        if (fields.get(name) instanceof Long n) {
            return n;
        }
        throw new BadFrameException("field '" + name + "' must be an integer");
    }

    /** A boolean field; absent means false. */
    public boolean flag(String name) throws BadFrameException {
        Object v = fields.get(name);
        if (v == null || v instanceof Boolean) {
            return Boolean.TRUE.equals(v);
        }
        throw new BadFrameException("field '" + name + "' must be true or false");
    }

    public List<String> strings(String name) throws BadFrameException {
        if (fields.get(name) instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            @SuppressWarnings("unchecked")
            List<String> strings = (List<String>) list;
            return List.copyOf(strings);
        }
        throw new BadFrameException("field '" + name + "' must be a list of strings");
    }

    /** A string-to-string object field; absent means empty. */
    public Map<String, String> stringMap(String name) throws BadFrameException {
        Object v = fields.get(name);
        if (v == null) {
            return Map.of();
        }
        if (v instanceof Map<?, ?> map && map.values().stream().allMatch(String.class::isInstance)) {
            @SuppressWarnings("unchecked")
            Map<String, String> strings = (Map<String, String>) map;
            return Collections.unmodifiableMap(new LinkedHashMap<>(strings));
        }
        throw new BadFrameException("field '" + name + "' must be an object of strings");
    }

    /** Every field, {@code v}, {@code type} and {@code id} included (read-only). */
    public Map<String, Object> fields() {
        return Collections.unmodifiableMap(fields);
    }

    /** The frame's JSON text. */
    public String json() {
        return Json.write(fields);
    }

    /** Names the type and id only: a frame's other fields may hold values that must not reach a log. */
    @Override
    public String toString() {
        return "Frame[" + type() + (id() > 0 ? " #" + id() : "") + "]";
    }
}
