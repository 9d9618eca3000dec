package dev.keyward.automation.generate;

import dev.keyward.automation.browser.TargetDescription;
import dev.keyward.automation.program.Step;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a static review knows about a step's target before any page exists: the step's description
 * as its accessible name, and what its selector spells out (visible text, id, name, autocomplete).
 */
final class StaticTarget {

    private static final Pattern HAS_TEXT = Pattern.compile("has-text\\(\\s*[\"']([^\"']*)[\"']\\s*\\)|^text=[\"']?([^\"']+)");
    private static final Pattern ID = Pattern.compile("#([A-Za-z][A-Za-z0-9_-]*)");
    private static final Pattern NAME = Pattern.compile("\\[name=[\"']?([^\"'\\]]+)");
    private static final Pattern AUTOCOMPLETE = Pattern.compile("\\[autocomplete=[\"']?([^\"'\\]]+)");

    private StaticTarget() {}

    static TargetDescription of(Step step) {
        String selector = selectorOf(step);
        TargetDescription target = TargetDescription.empty().withAccessibleName(step.header().description());
        if (selector == null) {
            return target;
        }
        return target.withText(first(HAS_TEXT, selector))
                .withAttributes(first(NAME, selector), first(ID, selector), first(AUTOCOMPLETE, selector), null);
    }

    private static String selectorOf(Step step) {
        return switch (step) {
            case Step.Click s -> s.selector();
            case Step.Fill s -> s.selector();
            case Step.Select s -> s.selector();
            case Step.Press s -> s.selector();
            case Step.TotpFill s -> s.selector();
            default -> null;
        };
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return null;
        }
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return null;
    }
}
