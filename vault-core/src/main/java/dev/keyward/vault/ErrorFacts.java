package dev.keyward.vault;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The facts an error states, by {@link Fact}: names, paths and counts a front end may quote. Never
 * a secret value: the thrower puts in only what a log line may hold.
 */
public record ErrorFacts(Map<Fact, String> values) {

    /** No facts at all. */
    public static final ErrorFacts NONE = new ErrorFacts(Map.of());

    public ErrorFacts {
        EnumMap<Fact, String> copy = new EnumMap<>(Fact.class);
        copy.putAll(values);
        values = Collections.unmodifiableMap(copy);
    }

    public static ErrorFacts of(Fact fact, Object value) {
        return NONE.with(fact, value);
    }

    public static ErrorFacts of(Fact fact, Object value, Fact other, Object otherValue) {
        return of(fact, value).with(other, otherValue);
    }

    /** These facts and one more (a null value is left out). */
    public ErrorFacts with(Fact fact, Object value) {
        EnumMap<Fact, String> more = new EnumMap<>(Fact.class);
        more.putAll(values);
        if (value != null) {
            more.put(fact, String.valueOf(value));
        }
        return new ErrorFacts(more);
    }

    /** The fact's value, or an empty string when it was not stated. */
    public String get(Fact fact) {
        return values.getOrDefault(fact, "");
    }

    /** {@code template} with each {@code {fact}} placeholder replaced by that fact's value. */
    public String fill(String template) {
        String text = template;
        for (Fact fact : Fact.values()) {
            if (text.contains(fact.placeholder())) {
                text = text.replace(fact.placeholder(), get(fact));
            }
        }
        return text;
    }
}
