package dev.keyward.automation.dashboard.scrape;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns the texts read at a dashboard's selectors into the three JSON columns of a snapshot: a
 * {@code usage_*} data type goes to {@code usage_stats_json}, {@code config_*} to
 * {@code config_attributes_json}, {@code restriction_*} to {@code restrictions_json}. Numbers
 * become JSON numbers; {@code usage_percent} keeps its name, which warnings and summaries read.
 */
final class PageFigures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NUMBER = Pattern.compile("-?[0-9][0-9,]*(\\.[0-9]+)?");
    private static final int MAX_TEXT = 200;

    private final ObjectNode usage = JSON.createObjectNode();
    private final ObjectNode config = JSON.createObjectNode();
    private final ObjectNode restrictions = JSON.createObjectNode();

    /** Records the text found for {@code dataType}. */
    void put(String dataType, String rawText) {
        String text = clean(rawText);
        if (text.isEmpty()) {
            return;
        }
        ObjectNode target;
        String field;
        if (dataType.equals("usage_percent")) {
            target = usage;
            field = dataType;
        } else if (dataType.startsWith("usage_")) {
            target = usage;
            field = dataType.substring("usage_".length());
        } else if (dataType.startsWith("restriction_")) {
            target = restrictions;
            field = dataType.substring("restriction_".length());
        } else if (dataType.startsWith("config_")) {
            target = config;
            field = dataType.substring("config_".length());
        } else {
            target = config;
            field = dataType;
        }
        String numeric = text.replace("%", "").strip();
        if (NUMBER.matcher(numeric).matches()) {
            BigDecimal value = new BigDecimal(numeric.replace(",", ""));
            if (value.scale() <= 0 && value.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
                target.put(field, value.longValueExact());
            } else {
                target.put(field, value.doubleValue());
            }
        } else if (field.equals("currency")) {
            target.put(field, text.toUpperCase(Locale.ROOT));
        } else {
            target.put(field, text);
        }
    }

    String usageJson() {
        return column(usage);
    }

    String configJson() {
        return column(config);
    }

    String restrictionsJson() {
        return column(restrictions);
    }

    private static String column(ObjectNode node) {
        return node.isEmpty() ? null : node.toString();
    }

    // Page text is untrusted: control characters go, runs of space collapse, length is capped.
    private static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String text = raw.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }
}
