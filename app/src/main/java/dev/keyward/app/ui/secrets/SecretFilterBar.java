package dev.keyward.app.ui.secrets;

import java.util.Collection;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.FlowPane;

/** The provider, project and age drop-downs above the secrets list. */
final class SecretFilterBar {

    /** One entry of a drop-down: what it says and the filter value it stands for. */
    record Choice<T>(String label, T value) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final ComboBox<Choice<String>> provider = new ComboBox<>();
    private final ComboBox<Choice<String>> project = new ComboBox<>();
    private final ComboBox<Choice<Integer>> age = new ComboBox<>();
    private final FlowPane view = new FlowPane(8, 8, provider, project, age);
    private Runnable onChange = () -> { };
    private boolean updating;

    SecretFilterBar() {
        provider.setId("filter-provider");
        project.setId("filter-project");
        age.setId("filter-age");
        setChoices(List.of(), List.of(), 180);
        for (ComboBox<?> box : List.of(provider, project, age)) {
            box.valueProperty().addListener((o, a, b) -> {
                if (!updating) {
                    onChange.run();
                }
            });
        }
    }

    Node view() {
        return view;
    }

    void setOnChange(Runnable r) {
        onChange = r;
    }

    void setChoices(Collection<String> providers, Collection<String> projects, int warningDays) {
        updating = true;
        try {
            Choice<String> p = provider.getValue();
            Choice<String> j = project.getValue();
            Choice<Integer> a = age.getValue();
            provider.getItems().setAll(new Choice<>("All providers", null));
            providers.forEach(slug -> provider.getItems().add(new Choice<>(slug, slug)));
            provider.getItems().add(new Choice<>("No provider", SecretFilter.NO_PROVIDER));
            project.getItems().setAll(new Choice<>("All projects", null));
            projects.forEach(name -> project.getItems().add(new Choice<>(name, name)));
            age.getItems().setAll(new Choice<>("Any age", 0), new Choice<>("Older than 30 days", 30),
                    new Choice<>("Older than 90 days", 90),
                    new Choice<>("Older than " + warningDays + " days (warning)", warningDays),
                    new Choice<>("Older than 365 days", 365));
            reselect(provider, p);
            reselect(project, j);
            reselect(age, a);
        } finally {
            updating = false;
        }
    }

    SecretFilter filter(String query) {
        return new SecretFilter(query == null ? "" : query, value(provider), value(project),
                age.getValue() == null ? 0 : age.getValue().value());
    }

    private static <T> T value(ComboBox<Choice<T>> box) {
        return box.getValue() == null ? null : box.getValue().value();
    }

    private static <T> void reselect(ComboBox<Choice<T>> box, Choice<T> previous) {
        Choice<T> match = previous == null ? null
                : box.getItems().stream().filter(c -> c.equals(previous)).findFirst().orElse(null);
        box.setValue(match != null ? match : box.getItems().get(0));
    }
}
