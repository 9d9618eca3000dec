package dev.keyward.vault.env;

import dev.keyward.vault.crypto.Wipe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * Tests' view of the {@code char[]} dotenv API as Strings, to compare with expected text: the
 * production parser and writer have no String-valued methods (a value never becomes a String there).
 */
public final class DotenvEntries {

    /** One parsed definition: its key, its value as a String, and the line of that definition. */
    public record Entry(String key, String value, int line) {
    }

    private DotenvEntries() {
    }

    /** Parses through {@link DotenvParser#parseToChars}, in order of each key's first appearance. */
    public static List<Entry> parse(String text) throws DotenvSyntaxException {
        DotenvParser.Parsed parsed = DotenvParser.parseToChars(text);
        try {
            List<Entry> out = new ArrayList<>();
            parsed.values().forEach((key, value) -> out.add(new Entry(key, new String(value), parsed.lines().get(key))));
            return out;
        } finally {
            parsed.values().values().forEach(Wipe::chars);
        }
    }

    /** Renders through {@link DotenvWriter#renderChars}, in the map's order. */
    public static String render(SequencedMap<String, String> values) throws UnrepresentableValueException {
        SequencedMap<String, char[]> chars = new LinkedHashMap<>();
        values.forEach((key, value) -> chars.put(key, value.toCharArray()));
        char[] text = DotenvWriter.renderChars(chars);
        try {
            return new String(text);
        } finally {
            Wipe.chars(text);
        }
    }

    /** Renders the entries' keys and values in order (their lines are not written). */
    public static String render(List<Entry> entries) throws UnrepresentableValueException {
        SequencedMap<String, String> values = new LinkedHashMap<>();
        entries.forEach(e -> values.put(e.key(), e.value()));
        return render(values);
    }

    /** One {@code KEY=value} line without its line break. */
    public static String renderLine(String key, String value) throws UnrepresentableValueException {
        String text = render(new LinkedHashMap<>(Map.of(key, value)));
        return text.substring(0, text.length() - 1);
    }
}
