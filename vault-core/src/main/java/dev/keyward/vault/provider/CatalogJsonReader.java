package dev.keyward.vault.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads {@code catalog.json} strictly: every field must be present (null where allowed), unknown
 * fields, unknown vocabulary, unanchored or broken patterns and repeated slugs are errors, so a
 * typo in the catalog fails the build's tests instead of silently dropping data.
 */
final class CatalogJsonReader {

    private static final int FORMAT_VERSION = 1;
    private static final Set<String> FIELDS = Set.of("slug", "name", "website", "dashboard_url",
            "api_base_url", "status_page_url", "changelog_feed_url", "docs_url", "key_patterns",
            "key_format", "capabilities", "api_family", "pricing_summary", "free_tier");
    private static final Set<String> KEY_FORMAT_FIELDS = Set.of("hinted_patterns", "name_hints",
            "min_entropy", "note");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private CatalogJsonReader() {
    }

    static List<CatalogProvider> read(InputStream json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        if (root == null || root.path("format_version").asInt(-1) != FORMAT_VERSION) {
            throw new CatalogFormatException("the catalog must be an object with format_version "
                    + FORMAT_VERSION);
        }
        JsonNode providers = root.path("providers");
        if (!providers.isArray()) {
            throw new CatalogFormatException("the catalog has no providers array");
        }
        List<CatalogProvider> result = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        int index = 0;
        for (JsonNode node : providers) {
            CatalogProvider provider = provider(node, index++);
            if (!slugs.add(provider.slug())) {
                throw new CatalogFormatException("the slug " + provider.slug() + " appears twice");
            }
            result.add(provider);
        }
        return List.copyOf(result);
    }

    private static CatalogProvider provider(JsonNode node, int index) {
        if (!node.isObject()) {
            throw new CatalogFormatException("provider #" + index + " is not an object");
        }
        String where = "provider #" + index;
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                throw new CatalogFormatException(where + " has an unknown field " + field);
            }
        }
        for (String field : FIELDS) {
            if (!node.has(field)) {
                throw new CatalogFormatException(where + " lacks the field " + field);
            }
        }
        String slug = text(node, "slug", where);
        if (!SLUG.matcher(slug).matches()) {
            throw new CatalogFormatException(where + " has a slug that is not lower-case words joined by -");
        }
        where = "provider " + slug;
        return new CatalogProvider(slug, text(node, "name", where),
                url(node, "website", where), url(node, "dashboard_url", where),
                url(node, "api_base_url", where), url(node, "status_page_url", where),
                url(node, "changelog_feed_url", where), url(node, "docs_url", where),
                patterns(node.get("key_patterns"), "key_patterns", where), keyFormat(node.get("key_format"), where),
                capabilities(node.get("capabilities"), where),
                ApiFamily.fromDbValue(text(node, "api_family", where)).orElseThrow(
                        () -> new CatalogFormatException("provider " + slug + " has an unknown api_family")),
                text(node, "pricing_summary", "provider " + slug),
                freeTier(node.get("free_tier"), where));
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new CatalogFormatException(where + " needs a non-empty text in " + field);
        }
        return value.asText();
    }

    private static URI url(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new CatalogFormatException(where + " needs a text or null in " + field);
        }
        try {
            URI uri = new URI(value.asText());
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw new CatalogFormatException(where + " has a " + field + " that is not an absolute URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new CatalogFormatException(where + " has a " + field + " that is not a URL: " + e.getMessage());
        }
    }

    private static List<Pattern> patterns(JsonNode array, String field, String where) {
        if (array == null || !array.isArray()) {
            throw new CatalogFormatException(where + " needs an array in " + field);
        }
        List<Pattern> patterns = new ArrayList<>();
        for (JsonNode regex : array) {
            String text = regex.asText();
            // Anchors keep the pattern safe for callers that use find() instead of matches().
            if (!regex.isTextual() || !text.startsWith("^") || !text.endsWith("$")) {
                throw new CatalogFormatException(where + " has a pattern in " + field + " that is not anchored with ^ and $");
            }
            try {
                patterns.add(Pattern.compile(text));
            } catch (PatternSyntaxException e) {
                throw new CatalogFormatException(where + " has a pattern in " + field + " that does not compile: "
                        + e.getDescription());
            }
        }
        return patterns;
    }

    private static KeyFormat keyFormat(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new CatalogFormatException(where + " needs an object in key_format");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!KEY_FORMAT_FIELDS.contains(field)) {
                throw new CatalogFormatException(where + " has an unknown key_format field " + field);
            }
        }
        for (String field : KEY_FORMAT_FIELDS) {
            if (!node.has(field)) {
                throw new CatalogFormatException(where + " lacks the key_format field " + field);
            }
        }
        List<Pattern> hinted = patterns(node.get("hinted_patterns"), "hinted_patterns", where);
        JsonNode hintArray = node.get("name_hints");
        if (!hintArray.isArray()) {
            throw new CatalogFormatException(where + " needs an array in name_hints");
        }
        List<String> hints = new ArrayList<>();
        for (JsonNode hint : hintArray) {
            if (!hint.isTextual() || hint.asText().length() < 3 || !hint.asText().matches("[A-Za-z0-9_-]+")) {
                throw new CatalogFormatException(where + " has a name hint that is not a name of 3 or more letters");
            }
            hints.add(hint.asText());
        }
        if (!hinted.isEmpty() && hints.isEmpty()) {
            throw new CatalogFormatException(where + " has hinted patterns but no name hints");
        }
        JsonNode entropy = node.get("min_entropy");
        Double minEntropy = null;
        if (!entropy.isNull()) {
            if (!entropy.isNumber() || entropy.asDouble() <= 0 || entropy.asDouble() > 6) {
                throw new CatalogFormatException(where + " needs null or a number of bits above 0 and at most 6 in min_entropy");
            }
            minEntropy = entropy.asDouble();
        }
        return new KeyFormat(hinted, hints, minEntropy, text(node, "note", where));
    }

    private static Set<ProviderCapability> capabilities(JsonNode array, String where) {
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw new CatalogFormatException(where + " needs a non-empty array in capabilities");
        }
        Set<ProviderCapability> capabilities = EnumSet.noneOf(ProviderCapability.class);
        for (JsonNode value : array) {
            capabilities.add(ProviderCapability.fromDbValue(value.asText()).orElseThrow(
                    () -> new CatalogFormatException(where + " has an unknown capability " + value)));
        }
        return capabilities;
    }

    private static Boolean freeTier(JsonNode value, String where) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new CatalogFormatException(where + " needs true, false or null in free_tier");
        }
        return value.booleanValue();
    }
}
