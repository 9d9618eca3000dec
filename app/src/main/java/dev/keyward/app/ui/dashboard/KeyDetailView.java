package dev.keyward.app.ui.dashboard;

import dev.keyward.automation.dashboard.service.KeyHistory;
import dev.keyward.automation.dashboard.SnapshotFigures;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.geometry.Insets;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The selected key's history: daily usage percent and cost from the daily summaries plus the recent
 * snapshots, over the last 30, 90 or 365 days. Changing the range re-plots what was loaded.
 */
final class KeyDetailView {

    /** The range choices, in days. */
    static final List<Integer> RANGES = List.of(30, 90, 365);

    private final Supplier<LocalDate> today;
    private final VBox view = new VBox(10);
    private final ScrollPane scroll = new ScrollPane(view);
    private final Label title = new Label("Choose a key to see its history.");
    private final Label note = new Label();
    private final ComboBox<Integer> range = new ComboBox<>();
    private final LineChart<Number, Number> usageChart = chart("Usage %", "dashboard-usage-chart");
    private final LineChart<Number, Number> costChart = chart("Cost", "dashboard-cost-chart");
    private KeyHistory history = KeyHistory.empty();
    private boolean hasKey;

    KeyDetailView(Supplier<LocalDate> today) {
        this.today = today;
        title.getStyleClass().add("title-4");
        title.setId("dashboard-detail-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        note.setId("dashboard-detail-note");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        range.setId("dashboard-range");
        range.getItems().setAll(RANGES);
        range.setValue(30);
        range.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer days) {
                return days == null ? "" : "Last " + days + " days";
            }

            @Override
            public Integer fromString(String text) {
                return RANGES.stream().filter(d -> toString(d).equals(text)).findFirst().orElse(30);
            }
        });
        range.valueProperty().addListener((o, a, b) -> plot());
        Label rangeLabel = new Label("Ra_nge");
        rangeLabel.setMnemonicParsing(true);
        rangeLabel.setLabelFor(range);
        VBox.setVgrow(usageChart, Priority.ALWAYS);
        VBox.setVgrow(costChart, Priority.ALWAYS);
        view.getChildren().addAll(title, new HBox(8, rangeLabel, range), note, usageChart, costChart);
        view.setId("dashboard-detail");
        view.setPadding(new Insets(0, 4, 0, 8));
        // In a short window the history scrolls; its title and note are never squeezed to one cut line.
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        view.setMinHeight(Region.USE_PREF_SIZE);
        clear();
    }

    Node view() {
        return scroll;
    }

    /** Nothing selected (or the page went away): no history is held. */
    void clear() {
        hasKey = false;
        history = KeyHistory.empty();
        title.setText("Choose a key to see its history.");
        note.setText("");
        plot();
    }

    /** The key's history is being read. */
    void loading(KeyCard card) {
        title.setText(card.name() + " (" + card.providerName() + ")");
        note.setText("Reading its history…");
    }

    void show(KeyCard card, KeyHistory loaded) {
        hasKey = true;
        title.setText(card.name() + " (" + card.providerName() + ")");
        history = loaded;
        plot();
    }

    void failed(String sentence) {
        note.setText(sentence);
    }

    int rangeDays() {
        return range.getValue() == null ? 30 : range.getValue();
    }

    private void plot() {
        int days = rangeDays();
        HistorySeries series = HistorySeries.of(history, days, today.get());
        usageChart.getData().setAll(List.of(
                series("Daily average", series.dailyAverage()),
                series("Daily maximum", series.dailyMaximum()),
                series("Recent snapshots", series.recentUsage())));
        costChart.getData().setAll(List.of(
                series("Daily cost", series.dailyCost()),
                series("Recent snapshots", series.recentCost())));
        costChart.getYAxis().setLabel(series.currency() == null ? "Cost" : "Cost (" + series.currency() + ")");
        axis(usageChart, series, days);
        axis(costChart, series, days);
        if (hasKey) {
            note.setText(series.isEmpty() ? "No usage or cost figures for this key in the last " + days + " days yet."
                    : "Daily figures come from the summaries Keyward keeps for a year; the recent snapshots from the last few refreshes.");
        }
    }

    private static XYChart.Series<Number, Number> series(String name, List<HistorySeries.Point> points) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        points.forEach(p -> s.getData().add(new XYChart.Data<>(p.x(), p.y())));
        return s;
    }

    private static void axis(LineChart<Number, Number> chart, HistorySeries series, int days) {
        NumberAxis x = (NumberAxis) chart.getXAxis();
        x.setLowerBound(series.firstDay().toEpochDay());
        x.setUpperBound(series.lastDay().toEpochDay() + 1);
        x.setTickUnit(days <= 30 ? 7 : days <= 90 ? 14 : 61);
        DateTimeFormatter format = DateTimeFormatter.ofPattern(days <= 90 ? "MM-dd" : "yyyy-MM", Locale.ROOT);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number epochDay) {
                return LocalDate.ofEpochDay((long) Math.floor(epochDay.doubleValue())).format(format);
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        });
    }

    private static LineChart<Number, Number> chart(String yLabel, String id) {
        NumberAxis x = new NumberAxis();
        x.setAutoRanging(false);
        x.setLabel("Day (UTC)");
        NumberAxis y = new NumberAxis();
        y.setLabel(yLabel);
        y.setForceZeroInRange(true);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId(id);
        // Animations would only delay what the user asked to see (and make charts flaky to test).
        chart.setAnimated(false);
        chart.setMinHeight(180);
        chart.setPrefHeight(220);
        // Room on the right for the last day's tick label, which is centred on the axis's end.
        chart.setPadding(new Insets(5, 24, 5, 5));
        return chart;
    }
}
