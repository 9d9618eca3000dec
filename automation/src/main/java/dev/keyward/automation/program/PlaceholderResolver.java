package dev.keyward.automation.program;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Replaces placeholders in a step's string fields at run time. Substituted values are never scanned
 * again, so an input or secret that itself contains {@code {{...}}} stays literal text.
 */
public final class PlaceholderResolver {

    private final SecretLookup secrets;
    private final ProviderFields provider;
    private final Map<String, String> inputs;

    /**
     * @param inputs the run's input values, defaults included (see {@link StepProgram#inputValues(Map)})
     */
    public PlaceholderResolver(SecretLookup secrets, ProviderFields provider, Map<String, String> inputs) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.inputs = Map.copyOf(inputs);
    }

    /**
     * Resolves a field that must not carry a secret (URL, selector, expected text).
     *
     * @throws PlaceholderResolutionException on a secret placeholder, an unknown input or an unset provider field
     */
    public String resolve(String template) {
        PlaceholderScanner.Scan scan = checkedScan(template);
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (PlaceholderScanner.Token token : scan.tokens()) {
            out.append(template, from, token.start());
            if (token.placeholder() instanceof Placeholder.SecretRef ref) {
                throw new PlaceholderResolutionException("Secret '" + ref.name()
                        + "' is referenced in a field that may not hold secrets; only fill values may.");
            }
            out.append(publicValue(token.placeholder()));
            from = token.end();
        }
        return out.append(template, from, template.length()).toString();
    }

    /**
     * Resolves a fill value, secrets included, into a fresh array the caller wipes after use. Secret
     * values fetched on the way are wiped here.
     */
    public char[] resolveWithSecrets(String template) {
        PlaceholderScanner.Scan scan = checkedScan(template);
        List<char[]> pieces = new ArrayList<>();
        try {
            int from = 0;
            for (PlaceholderScanner.Token token : scan.tokens()) {
                pieces.add(template.substring(from, token.start()).toCharArray());
                if (token.placeholder() instanceof Placeholder.SecretRef ref) {
                    pieces.add(secrets.find(ref.name()).orElseThrow(() -> new PlaceholderResolutionException(
                            "Secret '" + ref.name() + "' is not in the vault; add it or change the program.")));
                } else {
                    pieces.add(publicValue(token.placeholder()).toCharArray());
                }
                from = token.end();
            }
            pieces.add(template.substring(from).toCharArray());
            int length = pieces.stream().mapToInt(p -> p.length).sum();
            char[] result = new char[length];
            int at = 0;
            for (char[] piece : pieces) {
                System.arraycopy(piece, 0, result, at, piece.length);
                at += piece.length;
            }
            return result;
        } finally {
            pieces.forEach(piece -> Arrays.fill(piece, '\0'));
        }
    }

    private static PlaceholderScanner.Scan checkedScan(String template) {
        Objects.requireNonNull(template, "template");
        PlaceholderScanner.Scan scan = PlaceholderScanner.scan(template);
        if (!scan.wellFormed()) {
            throw new PlaceholderResolutionException("A placeholder at position " + scan.malformedAt().getFirst()
                    + " is not well formed; write {{secret:NAME}}, {{input:NAME}} or {{provider.FIELD}}.");
        }
        return scan;
    }

    private String publicValue(Placeholder placeholder) {
        return switch (placeholder) {
            case Placeholder.InputRef ref -> {
                String value = inputs.get(ref.name());
                if (value == null) {
                    throw new PlaceholderResolutionException(
                            "Input '" + ref.name() + "' has no value; supply it when starting the run.");
                }
                yield value;
            }
            case Placeholder.ProviderRef ref -> provider.value(ref.field()).orElseThrow(
                    () -> new PlaceholderResolutionException("Provider field '" + ref.field().jsonName()
                            + "' is not set for this provider; fill it in on the provider page."));
            case Placeholder.SecretRef ref -> throw new IllegalStateException("secret handled by the caller");
        };
    }
}
