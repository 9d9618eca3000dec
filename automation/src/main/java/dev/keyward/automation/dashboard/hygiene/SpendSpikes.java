package dev.keyward.automation.dashboard.hygiene;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds days whose spend was more than {@code factor} times the median of the days before them (up to
 * {@link #WINDOW} days, at least {@link #MIN_HISTORY}); a median of zero flags nothing, since any spend
 * after none is not a spike by this rule but a first use.
 */
public final class SpendSpikes {

    static final int WINDOW = 14;
    static final int MIN_HISTORY = 3;

    /** A spike: the day, its spend and the trailing median it is compared with. */
    public record Spike(LocalDate day, double amount, double median) {
    }

    private SpendSpikes() {
    }

    /** The spikes in {@code daily} (day to amount; missing days count as no spend once history has begun). */
    public static List<Spike> find(Map<LocalDate, Double> daily, int factor) {
        TreeMap<LocalDate, Double> days = new TreeMap<>(daily);
        List<Spike> spikes = new ArrayList<>();
        if (days.isEmpty()) {
            return spikes;
        }
        LocalDate first = days.firstKey();
        for (Map.Entry<LocalDate, Double> day : days.entrySet()) {
            List<Double> before = new ArrayList<>();
            for (int back = 1; back <= WINDOW; back++) {
                LocalDate earlier = day.getKey().minusDays(back);
                if (earlier.isBefore(first)) {
                    break;
                }
                before.add(days.getOrDefault(earlier, 0.0));
            }
            if (before.size() < MIN_HISTORY) {
                continue;
            }
            double median = median(before);
            if (median > 0 && day.getValue() > factor * median) {
                spikes.add(new Spike(day.getKey(), day.getValue(), median));
            }
        }
        return spikes;
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
