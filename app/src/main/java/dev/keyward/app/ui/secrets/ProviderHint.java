package dev.keyward.app.ui.secrets;

import dev.keyward.app.ui.unlock.PasswordInput;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.provider.ProviderService;
import java.util.Optional;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/**
 * Names the provider a key belongs to while it is typed or pasted (from the key's format) and
 * pre-selects it, unless the user chose a provider by hand.
 */
final class ProviderHint {

    private boolean chosenByHand;
    private boolean selecting;

    ProviderHint(ProviderService providers, TextField value, ComboBox<String> provider, Label hint) {
        hint.setId("provider-hint");
        provider.valueProperty().addListener((o, a, b) -> {
            if (!selecting) {
                chosenByHand = true;
            }
        });
        value.textProperty().addListener((o, a, b) -> {
            char[] typed = PasswordInput.peek(value);
            Optional<String> detected;
            try {
                detected = typed.length == 0 ? Optional.empty() : providers.detect(typed);
            } finally {
                Wipe.chars(typed);
            }
            hint.setText(detected.map(slug -> "Looks like a key of " + slug + ".").orElse(
                    typed.length == 0 ? "" : "Provider not recognised from the key's format."));
            if (!chosenByHand && detected.isPresent() && provider.getItems().contains(detected.get())) {
                selecting = true;
                provider.setValue(detected.get());
                selecting = false;
            }
        });
    }
}
