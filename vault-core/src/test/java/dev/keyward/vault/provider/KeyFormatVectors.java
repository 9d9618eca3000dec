package dev.keyward.vault.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The true and false key-format vectors of {@code key-format-vectors.json}, expanded from their
 * templates ({@code {hex:32}}) with a seeded random generator so that runs are repeatable and no
 * key-shaped literal sits in the repository.
 */
final class KeyFormatVectors {

    private static final Map<String, String> ALPHABETS = Map.of(
            "hex", "0123456789abcdef",
            "HEX", "0123456789ABCDEF",
            "alnum", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
            "letters", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
            "upper", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
            "lower", "abcdefghijklmnopqrstuvwxyz",
            "b32", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
            "b64", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
            "urlsafe", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-",
            "digits", "0123456789");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+):(\\d+)}");

    /** One expanded vector: {@code name} is null when the value stands alone. */
    record Vector(String slug, boolean shouldMatch, String value, String name, boolean textOnly, String template) {
        @Override
        public String toString() {
            // Names the template, never the expanded value, in test reports.
            return slug + (shouldMatch ? " true " : " false ") + (name == null ? "" : name + "=") + template;
        }
    }

    private KeyFormatVectors() {
    }

    static List<String> slugs() {
        List<String> slugs = new ArrayList<>();
        read().path("providers").forEach(p -> slugs.add(p.path("slug").asText()));
        return slugs;
    }

    static List<Vector> all() {
        List<Vector> vectors = new ArrayList<>();
        for (JsonNode provider : read().path("providers")) {
            String slug = provider.path("slug").asText();
            for (String kind : List.of("true", "false")) {
                int index = 0;
                for (JsonNode vector : provider.path(kind)) {
                    String template = vector.path("value").asText();
                    Random random = new Random((slug + kind + index++).hashCode());
                    vectors.add(new Vector(slug, kind.equals("true"), expand(template, random),
                            vector.hasNonNull("name") ? vector.get("name").asText() : null,
                            vector.path("text_only").asBoolean(false), template));
                }
            }
        }
        return vectors;
    }

    static String expand(String template, Random random) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String alphabet = ALPHABETS.get(m.group(1));
            if (alphabet == null) {
                throw new IllegalArgumentException("unknown alphabet " + m.group(1));
            }
            StringBuilder body = new StringBuilder();
            for (int i = Integer.parseInt(m.group(2)); i > 0; i--) {
                body.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(body.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static JsonNode read() {
        try (InputStream in = KeyFormatVectors.class.getResourceAsStream("key-format-vectors.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
