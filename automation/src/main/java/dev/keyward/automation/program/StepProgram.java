package dev.keyward.automation.program;

import dev.keyward.automation.browser.DomainPolicy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A declarative, versioned browser automation: metadata plus an ordered list of steps. It is data the
 * runner interprets; secrets appear only as {@code {{secret:NAME}}} placeholders.
 *
 * @param allowedDomains hosts the program may navigate to (a domain also admits its subdomains)
 * @param inputs         declared inputs, kept sorted by name so equal programs compare equal
 */
public record StepProgram(
        String format,
        int formatVersion,
        String title,
        String description,
        String provider,
        TaskType taskType,
        List<String> allowedDomains,
        List<InputDeclaration> inputs,
        List<Step> steps) {

    public static final String FORMAT = "keyward.step-program";
    public static final int FORMAT_VERSION = 1;

    public StepProgram {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(taskType, "taskType");
        allowedDomains = List.copyOf(allowedDomains);
        inputs = inputs.stream().sorted(Comparator.comparing(InputDeclaration::name)).toList();
        steps = List.copyOf(steps);
    }

    public Optional<InputDeclaration> input(String name) {
        return inputs.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    public Optional<Step> step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The policy the runner applies to every navigation and request of this program. */
    public DomainPolicy domainPolicy() {
        return new DomainPolicy(allowedDomains);
    }

    /**
     * The input values for a run: the supplied ones, completed by declared defaults.
     *
     * @throws PlaceholderResolutionException when a supplied name is not declared or an input without
     *                                        default is missing
     */
    public Map<String, String> inputValues(Map<String, String> supplied) {
        for (String name : supplied.keySet()) {
            if (input(name).isEmpty()) {
                throw new PlaceholderResolutionException(
                        "Input '" + name + "' is not declared by this program; remove it from the run or declare it.");
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (InputDeclaration declared : inputs) {
            String value = supplied.getOrDefault(declared.name(), declared.defaultValue());
            if (value == null) {
                throw new PlaceholderResolutionException(
                        "Input '" + declared.name() + "' has no value and no default; supply it when starting the run.");
            }
            values.put(declared.name(), value);
        }
        return Map.copyOf(values);
    }

    /** SHA-256 (lower-case hex) of the canonical JSON; equal programs hash equal whatever their key order. */
    public String contentHash() {
        try {
            byte[] canonical = new StepProgramWriter().writeCanonical(this).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
