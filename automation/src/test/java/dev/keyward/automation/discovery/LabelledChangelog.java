package dev.keyward.automation.discovery;

import dev.keyward.automation.discovery.classify.Classification;
import dev.keyward.automation.discovery.classify.FindingCategory;
import dev.keyward.automation.feeds.SourceItem;
import dev.keyward.automation.feeds.SourceKind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The labelled set of real changelog items in {@code labelled/changelog-items.tsv} (provider, label, source
 * address, title, text, where it was read; see the README beside it), and the accuracy of a classifier on it.
 */
public final class LabelledChangelog {

    /** One labelled item. */
    public record Item(String provider, FindingCategory label, SourceItem item) {
    }

    /** How a classifier did: overall and per label, and the items it got wrong. */
    public record Score(int total, int correct, Map<FindingCategory, int[]> perLabel, List<String> mistakes) {

        public double accuracy() {
            return total == 0 ? 0 : (double) correct / total;
        }

        /** One line per label: correct / total; for the performance doc and the test output. */
        public String report() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "accuracy %d/%d = %.1f%%%n", correct,
                    total, 100.0 * accuracy()));
            perLabel.forEach((label, counts) -> out.append(String.format(Locale.ROOT, "  %-21s %d/%d%n",
                    label.dbValue(), counts[0], counts[1])));
            mistakes.forEach(m -> out.append("  wrong: ").append(m).append('\n'));
            return out.toString();
        }
    }

    private LabelledChangelog() {
    }

    public static List<Item> items() {
        List<Item> items = new ArrayList<>();
        String[] lines = Fixtures.read("labelled/changelog-items.tsv").split("\n");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] cols = lines[i].split("\t", -1);
            FindingCategory label = FindingCategory.valueOf(cols[1].toUpperCase(Locale.ROOT));
            items.add(new Item(cols[0], label, new SourceItem(cols[2], cols[3], cols[4], null,
                    SourceKind.CHANGELOG_FEED)));
        }
        return items;
    }

    public static Score score(List<Item> items, Function<SourceItem, Classification> classifier) {
        Map<FindingCategory, int[]> perLabel = new EnumMap<>(FindingCategory.class);
        List<String> mistakes = new ArrayList<>();
        int correct = 0;
        for (Item item : items) {
            FindingCategory got = classifier.apply(item.item()).category();
            int[] counts = perLabel.computeIfAbsent(item.label(), l -> new int[2]);
            counts[1]++;
            if (got == item.label()) {
                correct++;
                counts[0]++;
            } else {
                mistakes.add(item.provider() + " \"" + item.item().title() + "\": labelled " + item.label().dbValue()
                        + ", classified " + got.dbValue());
            }
        }
        return new Score(items.size(), correct, perLabel, mistakes);
    }
}
